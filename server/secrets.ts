/**
 * Secrets and identifiers for the transport layer: seat tokens, host secrets, join codes and
 * record ids. Everything random here comes from node:crypto, never Math.random, because a
 * guessable seat token is a stolen seat and a guessable host secret is a hijacked lesson.
 *
 * Storage rule: tokens and secrets are shown to their owner once and stored only as
 * `hashSecret(...)`; comparisons go through `safeEqual` so response timing says nothing about
 * how much of a guess was right.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** 24 random bytes = 192 bits: far beyond guessing, and 32 characters of base64url. */
const SEAT_TOKEN_BYTES = 24;
/** The host secret controls a whole room (start, kick, score), so it gets a little more. */
const HOST_SECRET_BYTES = 32;
/** 12 bytes = 96 bits: ids appear in links (homework, reports) and must not be enumerable. */
const ID_BYTES = 12;
const SEAT_ID_BYTES = 6;

/**
 * Join-code alphabet, 22 characters: CDFGHJKMNPQRTVWXY and 34679. Left out, and why:
 * - 0/O, 1/I/L, 5/S, 2/Z, 8/B: pairs that look alike on a projector from the back row or when
 *   copied off the board by hand (D stays: with 0 and O gone it has nothing to be confused with).
 * - the vowels A E I O U: with no vowels a random code cannot spell a word, rude or otherwise,
 *   in front of thirty teenagers.
 * 22^6 ≈ 1.13e8 codes. With 100 live rooms one guess hits some room with probability ≈ 9e-7,
 * and limits/join-guard.ts holds a network to at most 300 failed guesses per 10 minutes.
 */
export const JOIN_CODE_ALPHABET = "CDFGHJKMNPQRTVWXY34679";
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE_RE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
/** Characters people type between groups ("abc 123", "ABC-123"); removed before checking. */
const JOIN_CODE_SEPARATORS = /[\s\-_.]/g;
/** Longer input is not a code with stray spaces; refuse before doing any work on it. */
const JOIN_CODE_MAX_INPUT = 32;

const ID_PREFIX_RE = /^[a-z][a-z0-9]{0,15}$/;

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** A player's seat token: sent in the socket's auth on every (re)connect; identifies the seat. */
export function newSeatToken(): string {
  return randomToken(SEAT_TOKEN_BYTES);
}

/** The host's secret: proves a socket may start, pause, score, kick, ban and lock. */
export function newHostSecret(): string {
  return randomToken(HOST_SECRET_BYTES);
}

/**
 * SHA-256, hex. Tokens are 192+ random bits, so a fast unsalted hash is enough: there is no
 * dictionary to attack, and a stolen database still does not let anyone take a seat.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Constant-time string comparison. Inputs of different lengths are unequal at once: lengths of
 * tokens and hashes are public, only their contents are secret. Non-strings (a client sent a
 * number or an object where a token belongs) are never equal to anything.
 */
export function safeEqual(a: string, b: string): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  const bufA = Buffer.from(a, "utf8");
  const bufB = Buffer.from(b, "utf8");
  if (bufA.length !== bufB.length) return false;
  return timingSafeEqual(bufA, bufB);
}

/** A fresh 6-character join code from JOIN_CODE_ALPHABET (uniform: randomInt has no modulo bias). */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * The canonical form of what a student typed, or null if it cannot be a join code.
 * Case is folded and spaces, dashes, dots and underscores are dropped: "cdf 346" → "CDF346".
 * Nothing else is "corrected": a character outside the alphabet makes it invalid, so a typo
 * fails visibly instead of landing the student in somebody else's room.
 */
export function normaliseJoinCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > JOIN_CODE_MAX_INPUT) return null;
  const code = input.replace(JOIN_CODE_SEPARATORS, "").toUpperCase();
  return JOIN_CODE_RE.test(code) ? code : null;
}

/** True when `input` normalises to a well-formed join code (it says nothing about a live room). */
export function isJoinCode(input: unknown): boolean {
  return normaliseJoinCode(input) !== null;
}

/**
 * A record id such as "game_Vq3…" (prefix, underscore, 16 base64url characters). The prefix says
 * what the id names in logs and URLs; it must be short lowercase letters/digits.
 */
export function newId(prefix: string): string {
  if (!ID_PREFIX_RE.test(prefix)) {
    throw new RangeError(`newId: prefix must match ${ID_PREFIX_RE}, got ${JSON.stringify(prefix)}`);
  }
  return `${prefix}_${randomToken(ID_BYTES)}`;
}

/**
 * A seat's id: public (every view names seats by it; the seat token is the secret), unique within
 * its room, and repeated in every seat list and draft, so short: 48 random bits, 10 characters.
 */
export function newSeatId(): string {
  return `s_${randomToken(SEAT_ID_BYTES)}`;
}

/** True when `value` looks like an id made by `newId(prefix)`; use it before a lookup by id. */
export function isId(value: unknown, prefix: string): value is string {
  if (typeof value !== "string") return false;
  const body = value.slice(prefix.length + 1);
  return value.startsWith(`${prefix}_`) && /^[A-Za-z0-9_-]{16}$/.test(body);
}
