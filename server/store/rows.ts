/**
 * Records ⇄ rows, shared by both adapters so they validate, encode and decode identically.
 * A row is what SQLite holds: JSON columns as text, timestamps as integers. The memory adapter
 * keeps the same rows in Maps, which is also how it deep-copies on save and on load.
 */
import type { Logger } from "../log";
import {
  type DeckRecord,
  type DeckSummary,
  EncodedJson,
  type GameRecord,
  type GameSummary,
  type HomeworkRecord,
  MAX_LIST_LIMIT,
  MAX_PART_KEY_CHARS,
  type RoomRecord,
  StoreError,
} from "./types";

export interface RoomRow {
  code: string;
  /** The whole snapshot's JSON; "" (never JSON) when the snapshot is an object kept as `parts`. */
  snapshot: string;
  updated_at: number;
  /** Top-level entry key → its JSON, for an object snapshot; null otherwise. */
  parts: Map<string, string> | null;
  /** Present on a row of only the entries that changed (`roomDelta`): `parts` holds those that
   *  changed and are still there, `gone` those removed; every other part is as the room's previous
   *  row had it. */
  gone?: Set<string>;
}

export interface GameRow {
  id: string;
  code: string;
  finished_at: number;
  summary: string;
  report: string;
  plan: string;
  deck_id: string | null;
  homework_id: string | null;
}

export interface DeckRow {
  id: string;
  title: string;
  deck: string;
  plan: string;
  created_at: number;
  owner_secret_hash: string | null;
}

export interface HomeworkRow {
  id: string;
  title: string;
  deck_id: string | null;
  settings: string;
  created_at: number;
  teacher_secret_hash: string;
}

/** Keys are codes, ids and hashes: short. A longer one is a bug (or an attack) upstream. */
const MAX_KEY_CHARS = 200;

function invalid(what: string, why: string): never {
  throw new StoreError("invalid_record", `${what}: ${why}`);
}

function key(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_KEY_CHARS) {
    invalid(what, `must be a string of 1 to ${MAX_KEY_CHARS} characters`);
  }
  return value;
}

function optionalKey(value: unknown, what: string): string | null {
  return value === null ? null : key(value, what);
}

function text(value: unknown, what: string): string {
  if (typeof value !== "string") invalid(what, "must be a string");
  return value;
}

function time(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    invalid(what, "must be a non-negative integer (epoch milliseconds)");
  }
  return value;
}

function json(value: unknown, what: string): string {
  let encoded: string | undefined;
  try {
    encoded = JSON.stringify(value);
  } catch (err) {
    invalid(what, `cannot be stored as JSON (${(err as Error).message})`);
  }
  if (encoded === undefined) invalid(what, "cannot be stored as JSON (undefined or a function)");
  return encoded;
}

/** An object JSON writes as `{…}` from its own entries: neither an array nor anything with toJSON. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

export function roomRow(rec: RoomRecord): RoomRow {
  const code = key(rec.code, "room.code");
  const updated_at = time(rec.updatedAt, "room.updatedAt");
  const snapshot = rec.snapshot;
  if (!isPlainObject(snapshot))
    return { code, snapshot: json(snapshot, "room.snapshot"), updated_at, parts: null };
  const parts = new Map<string, string>();
  for (const part of Object.keys(snapshot)) {
    const encoded = partJson(snapshot, part);
    if (encoded !== undefined) parts.set(part, encoded);
  }
  return { code, snapshot: "", updated_at, parts };
}

/**
 * The row of only the entries `rec.changed` names, to lay over the room's previous row; null if
 * the snapshot is not an object (it is then saved whole). The caller vouches for the hint: every
 * entry it does not name is as the previous row had it.
 */
export function roomDelta(rec: RoomRecord & { changed: ReadonlySet<string> }): RoomRow | null {
  const code = key(rec.code, "room.code");
  const updated_at = time(rec.updatedAt, "room.updatedAt");
  const snapshot = rec.snapshot;
  if (!isPlainObject(snapshot)) return null;
  const parts = new Map<string, string>();
  const gone = new Set<string>();
  for (const part of rec.changed) {
    const encoded = Object.hasOwn(snapshot, part) ? partJson(snapshot, part) : undefined;
    if (encoded === undefined) gone.add(part);
    else parts.set(part, encoded);
  }
  return { code, snapshot: "", updated_at, parts, gone };
}

/** One entry of an object snapshot as the JSON of its part (undefined: JSON leaves it out). */
function partJson(snapshot: Record<string, unknown>, part: string): string | undefined {
  if (part.length > MAX_PART_KEY_CHARS)
    invalid("room.snapshot", `has a key longer than ${MAX_PART_KEY_CHARS}`);
  const value = snapshot[part];
  if (value instanceof EncodedJson) return text(value.json, `room.snapshot.${part}`);
  try {
    // As JSON leaves out an entry that is undefined or a function.
    return JSON.stringify(value);
  } catch (err) {
    invalid("room.snapshot", `cannot be stored as JSON (${(err as Error).message})`);
  }
}

export function gameRow(rec: GameRecord): GameRow {
  return {
    id: key(rec.id, "game.id"),
    code: key(rec.code, "game.code"),
    finished_at: time(rec.finishedAt, "game.finishedAt"),
    summary: json(rec.summary, "game.summary"),
    report: json(rec.report, "game.report"),
    plan: json(rec.plan, "game.plan"),
    deck_id: optionalKey(rec.deckId, "game.deckId"),
    homework_id: optionalKey(rec.homeworkId, "game.homeworkId"),
  };
}

export function deckRow(rec: DeckRecord): DeckRow {
  return {
    id: key(rec.id, "deck.id"),
    title: text(rec.title, "deck.title"),
    deck: json(rec.deck, "deck.deck"),
    plan: text(rec.plan, "deck.plan"),
    created_at: time(rec.createdAt, "deck.createdAt"),
    owner_secret_hash: optionalKey(rec.ownerSecretHash, "deck.ownerSecretHash"),
  };
}

export function homeworkRow(rec: HomeworkRecord): HomeworkRow {
  return {
    id: key(rec.id, "homework.id"),
    title: text(rec.title, "homework.title"),
    deck_id: optionalKey(rec.deckId, "homework.deckId"),
    settings: json(rec.settings, "homework.settings"),
    created_at: time(rec.createdAt, "homework.createdAt"),
    teacher_secret_hash: key(rec.teacherSecretHash, "homework.teacherSecretHash"),
  };
}

/**
 * Whether a lookup key could name a stored record. Lookups with anything else (ids often come
 * straight from a URL) simply find nothing, in both adapters, instead of throwing.
 */
export function isKey(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_KEY_CHARS;
}

export function listLimit(limit: unknown): number {
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
    invalid("listGames.limit", "must be a positive integer");
  }
  return Math.min(limit, MAX_LIST_LIMIT);
}

/**
 * Decoding. A row whose JSON does not parse is logged (by table and key only, never content)
 * and reported as undefined so the caller skips it: one corrupt row must not stop a restart.
 */
export class RowDecoder {
  constructor(private readonly log: Logger) {}

  private parse(
    value: string,
    table: string,
    id: string,
    column: string,
  ): { ok: true; value: unknown } | null {
    try {
      return { ok: true, value: JSON.parse(value) };
    } catch (err) {
      this.log.warn("skipping unreadable row", { table, id, column, err: err as Error });
      return null;
    }
  }

  room(row: RoomRow): RoomRecord | undefined {
    if (row.parts === null) {
      const snapshot = this.parse(row.snapshot, "rooms", row.code, "snapshot");
      if (!snapshot) return undefined;
      return { code: row.code, snapshot: snapshot.value, updatedAt: row.updated_at };
    }
    const entries: [string, unknown][] = [];
    for (const [part, json] of row.parts) {
      const value = this.parse(json, "room_parts", `${row.code} ${part}`, "json");
      if (!value) return undefined;
      entries.push([part, value.value]);
    }
    // fromEntries defines own properties: a "__proto__" part stays plain data.
    return { code: row.code, snapshot: Object.fromEntries(entries), updatedAt: row.updated_at };
  }

  gameSummary(row: Omit<GameRow, "report" | "plan">): GameSummary | undefined {
    const summary = this.parse(row.summary, "games", row.id, "summary");
    if (!summary) return undefined;
    return {
      id: row.id,
      code: row.code,
      finishedAt: row.finished_at,
      summary: summary.value,
      deckId: row.deck_id,
      homeworkId: row.homework_id,
    };
  }

  game(row: GameRow): GameRecord | undefined {
    const summary = this.gameSummary(row);
    const report = this.parse(row.report, "games", row.id, "report");
    const plan = this.parse(row.plan, "games", row.id, "plan");
    if (!summary || !report || !plan) return undefined;
    return { ...summary, report: report.value, plan: plan.value };
  }

  deck(row: DeckRow): DeckRecord | undefined {
    const deck = this.parse(row.deck, "decks", row.id, "deck");
    if (!deck) return undefined;
    return { ...deckSummary(row), deck: deck.value, plan: row.plan };
  }

  homework(row: HomeworkRow): HomeworkRecord | undefined {
    const settings = this.parse(row.settings, "homework", row.id, "settings");
    if (!settings) return undefined;
    return {
      id: row.id,
      title: row.title,
      deckId: row.deck_id,
      settings: settings.value,
      createdAt: row.created_at,
      teacherSecretHash: row.teacher_secret_hash,
    };
  }
}

export function deckSummary(row: Omit<DeckRow, "deck" | "plan">): DeckSummary {
  return { id: row.id, title: row.title, createdAt: row.created_at, ownerSecretHash: row.owner_secret_hash };
}

/** Keeps only the rows that decoded. */
export function decoded<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}
