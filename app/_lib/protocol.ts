// The few protocol constants and rules the pages need, copied from server/ and game/ so the student
// page does not bundle zod (server/protocol.ts builds its schemas at import time). protocol.test.ts
// checks every copy against its source, so they cannot drift apart silently.
import type { CardKind } from "../../content/schema";
import type { SlotId } from "../../game/types";

/** server/protocol.ts PROTOCOL_VERSION. */
export const PROTOCOL_VERSION = 2;

/** server/protocol.ts RECONNECT_OPTIONS: how a page finds the server again (the restart tests and
 *  the server's grace after a restart are measured against these). */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionAttempts: Number.POSITIVE_INFINITY,
  reconnectionDelay: 500,
  reconnectionDelayMax: 2_000,
  randomizationFactor: 0.5,
} as const;

/** server/protocol.ts JOIN_CODE_ALPHABET: no 0/O, 1/I and other look-alikes. */
export const JOIN_CODE_ALPHABET = "CDFGHJKMNPQRTVWXY34679";
const CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);

/** What a student typed, made into a code: spaces and dashes out, upper case. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

export function isJoinCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** game/cards.ts SLOT_KINDS: which card kinds the server accepts in each slot. */
export const SLOT_KINDS: Record<SlotId, readonly CardKind[]> = {
  point: ["point", "counter"],
  evidence1: ["evidence"],
  evidence2: ["evidence"],
  explanation: ["explanation"],
  link: ["link", "context"],
  counter: ["counter", "evidence"],
};

export function fits(kind: CardKind, slot: SlotId): boolean {
  return SLOT_KINDS[slot].includes(kind);
}

/** game/events.ts MAX_OWN_TEXT. */
export const MAX_OWN_TEXT = 200;

/** game/settings.ts: the limits of each phase length, in seconds, and of the number of rounds. */
export const PHASE_LIMITS = {
  voteMs: [10, 300],
  buildMs: [20, 900],
  revealMs: [5, 300],
  rebutMs: [15, 600],
  resultMs: [5, 300],
} as const;
export const MIN_ROUNDS = 3;
export const MAX_ROUNDS = 5;
