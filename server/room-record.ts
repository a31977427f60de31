// What is saved of a live room, and reading it back. A room is saved after every applied step, so
// the form is cut for that: most steps are logged, one small part each (the event and the version it
// produced), over a checkpoint of the whole state; every CHECKPOINT_STEPS steps the checkpoint moves
// on and the log is dropped. A checkpoint is the engine's context in parts (room-parts.ts; it
// rewrites the seats, team fields and rounds changed since the last one, not the 30 KB room), the
// recent client action ids in buckets (a full bucket is never rewritten), a shipped deck by
// reference. Loading replays the log over the checkpoint (game/room.ts replaySteps: the engine is
// pure). Rooms saved whole, or in parts without a log, by earlier versions are still read.
import { createHash } from "node:crypto";
import { shippedDecks } from "../content/decks";
import type { Deck } from "../content/schema";
import { type DispatchResult, type LoggedStep, replaySteps } from "../game/room";
import { joinParts, PartSplitter, type Split } from "./room-parts";
import { EncodedJson } from "./store/types";

export interface SeatAuth {
  seat: string;
  issuedAt: number;
}

export interface RoomAuth {
  hostSecretHash: string;
  /** sha256(token) → seat. */
  tokens: Record<string, SeatAuth>;
  deckId: string | null;
  homeworkId: string | null;
  /** In homework rooms the one student also holds the host's controls. */
  ownerSeat: string | null;
}

export type PersistedMachine = { context: Record<string, unknown> } & Record<string, unknown>;

type DeckRef = { shipped: string; hash: string };

/**
 * The newest action ids a saved room keeps for after a restart. A retry comes seconds after its
 * action (the UI retries once, after 8 s; a reconnecting page at once), and a class sends one or
 * two actions a second, so 128 covers a minute or more.
 */
export const SAVED_ACTIONS = 128;
/** Action ids per saved bucket: a full bucket never changes, so it is written once. The newest is
 *  rewritten at every action: small, so that costs little (with 32 per bucket these rewrites were
 *  the largest share of what a busy school saved). */
const BUCKET = 8;

/** A team's parts: its proposals one per part (a vote for a proposal rewrites that one, not the
 *  team's list), its piles one part each. */
const TEAM_SPLIT: Split = { proposals: 1 };
/** The context's fields cut further than one part each: a seat, a team's field (a proposal), a
 *  round per part. */
const CONTEXT_SPLIT: Split = {
  seats: 1,
  teams: { failure: TEAM_SPLIT, success: TEAM_SPLIT },
  rounds: 1,
};
/** Steps logged between two checkpoints. A logged step costs one small part; a checkpoint walks
 *  and rewrites everything these steps changed, and loading replays at most this many steps. */
export const CHECKPOINT_STEPS = 64;
/** 3: checkpoint and step log; 2: parts only (still read). */
const FORMAT = 3;
const PARTS_FORMAT = 2;
const LOG = "log:";

/** A room as the version before parts saved it: whole. */
interface WholeRecord {
  machine: PersistedMachine;
  auth: RoomAuth;
  /** Oldest first, with the version their action produced (older still: the DispatchResult). */
  recent?: [string, number | DispatchResult][];
  deck?: DeckRef;
}

const deckHashes = new WeakMap<Deck, string>();
function deckHash(deck: Deck): string {
  let hash = deckHashes.get(deck);
  if (!hash) {
    hash = createHash("sha256").update(JSON.stringify(deck)).digest("base64url").slice(0, 22);
    deckHashes.set(deck, hash);
  }
  return hash;
}

const deckRefs = new WeakMap<Deck, DeckRef | null>();
/** The shipped deck this deck object is, if it is one (the deck source hands out the same objects).
 *  The same object every time for the same deck: a save then sees the part unchanged. */
function shippedRef(deck: Deck): DeckRef | undefined {
  let ref = deckRefs.get(deck);
  if (ref === undefined) {
    const shipped = shippedDecks.find((d) => d.deck === deck);
    ref = shipped ? { shipped: shipped.id, hash: deckHash(shipped.deck) } : null;
    deckRefs.set(deck, ref);
  }
  return ref ?? undefined;
}

/**
 * Puts a shipped deck back into a saved context. The same content comes back as it was; if an
 * upgrade changed the shipped deck since, the room comes back with the new one as long as every
 * card the room holds is still in it (else the restore fails, as for any unreadable room).
 */
function withDeck(context: Record<string, unknown>, ref: DeckRef): Record<string, unknown> {
  const shipped = shippedDecks.find((d) => d.id === ref.shipped);
  if (!shipped) throw new Error(`the shipped deck "${ref.shipped}" is not in this version`);
  if (deckHash(shipped.deck) !== ref.hash) {
    const known = new Set(shipped.deck.cards.map((c) => c.id));
    const copies = (context.copies ?? {}) as Record<string, string>;
    const missing = Object.values(copies).find((card) => !known.has(card));
    if (missing !== undefined)
      throw new Error(`the shipped deck "${ref.shipped}" changed and no longer has card ${missing}`);
  }
  return { ...context, deck: shipped.deck };
}

/** Builds a live room's snapshots; one per room (it keeps the parts of the last one, and redoes only
 *  what changed since). */
export class RoomSaver {
  /** The snapshot's entries, kept from save to save; the store copies them as it is handed them. */
  private readonly parts: Record<string, unknown> = { format: FORMAT };
  /** The entries set or removed since the store last took a snapshot (`saved`). */
  private readonly changed = new Set<string>();
  /** Until the store has taken one snapshot, it is handed whole (what it holds of the room is not
   *  known here: a room loaded after an upgrade may have parts this version no longer makes). */
  private whole = true;
  private machineJson = "";
  private authVersion = -1;
  private readonly context = new PartSplitter(this.parts, "ctx", CONTEXT_SPLIT, this.changed);
  /** Bucket number → its action ids; a bucket is replaced as it grows, never changed in place. */
  private readonly buckets = new Map<number, readonly (readonly [string, number])[]>();
  /** The buckets as they are in `parts`. */
  private readonly savedBuckets = new Map<number, readonly (readonly [string, number])[]>();
  private count = 0;

  /** Steps logged since the checkpoint, and the number the next one's part takes (never reused:
   *  the log reads back in this order). */
  private logged = 0;
  private nextLog = 0;
  /** The action id remembered for the step being saved, which its log entry carries. */
  private stepKey: readonly [string, number] | null = null;

  /** Keeps a client action id (and its version) for the next snapshots. */
  remember(key: string, version: number): void {
    const n = Math.floor(this.count / BUCKET);
    this.buckets.set(n, [...(this.buckets.get(n) ?? []), [key, version]]);
    this.count++;
    this.stepKey = [key, version];
    // Whole buckets only: at least SAVED_ACTIONS ids are kept.
    for (const b of this.buckets.keys())
      if ((b + 1) * BUCKET <= this.count - SAVED_ACTIONS) this.buckets.delete(b);
  }

  /** Whether the next step can be logged (else it needs a checkpoint). */
  canLog(): boolean {
    return !this.whole && this.logged < CHECKPOINT_STEPS;
  }

  /** The snapshot with one more step in its log: one new part (and the auth, if it changed). The
   *  step's action id goes in its entry; the buckets wait for the next checkpoint. Without a step,
   *  only the auth (the state is still the checkpoint's with its log). */
  log(step: LoggedStep | null, auth: RoomAuth, authVersion: number): Record<string, unknown> {
    this.saveAuth(auth, authVersion);
    if (!step) return this.parts;
    const key = this.stepKey !== null && this.stepKey[1] === step.version ? this.stepKey[0] : null;
    this.stepKey = null;
    const entry: LogEntry =
      key === null ? { e: step.event, v: step.version } : { e: step.event, v: step.version, k: key };
    const name = `${LOG}${this.nextLog++}`;
    this.parts[name] = new EncodedJson(JSON.stringify(entry));
    this.changed.add(name);
    this.logged++;
    return this.parts;
  }

  private saveAuth(auth: RoomAuth, authVersion: number): void {
    // Changed in place (tokens issued and forgotten), so known by its version: encoded only then.
    if (authVersion === this.authVersion) return;
    this.parts.auth = new EncodedJson(JSON.stringify(auth));
    this.authVersion = authVersion;
    this.changed.add("auth");
  }

  /** A checkpoint: the snapshot to store, whole state and no log. A flat object whose entries the
   *  store keeps as parts. It is the same object every time, updated: use it before the next call. */
  snapshot(machine: PersistedMachine, auth: RoomAuth, authVersion: number): Record<string, unknown> {
    const { context, ...rest } = machine;
    const parts = this.parts;
    const changed = this.changed;
    this.stepKey = null;
    // Small, and new at every step: compared as JSON.
    const machineJson = JSON.stringify(rest);
    if (machineJson !== this.machineJson) {
      parts.machine = new EncodedJson(machineJson);
      this.machineJson = machineJson;
      changed.add("machine");
    }
    this.saveAuth(auth, authVersion);
    const deck = shippedRef(context.deck as Deck);
    if (deck !== parts.deck) changed.add("deck");
    if (deck) {
      parts.deck = deck;
      this.context.update(context, "deck");
    } else {
      delete parts.deck;
      this.context.update(context);
    }
    for (const [n, bucket] of this.buckets)
      if (this.savedBuckets.get(n) !== bucket) {
        parts[`recent:${n}`] = new EncodedJson(JSON.stringify(bucket));
        changed.add(`recent:${n}`);
        this.savedBuckets.set(n, bucket);
      }
    for (const n of this.savedBuckets.keys())
      if (!this.buckets.has(n)) {
        delete parts[`recent:${n}`];
        changed.add(`recent:${n}`);
        this.savedBuckets.delete(n);
      }
    if (this.logged > 0)
      for (const name of Object.keys(parts))
        if (name.startsWith(LOG)) {
          delete parts[name];
          changed.add(name);
        }
    this.logged = 0;
    return parts;
  }

  /** The entries that changed since the store last took a snapshot (RoomRecord.changed); undefined
   *  until it has taken one: every entry, then. */
  changes(): ReadonlySet<string> | undefined {
    return this.whole ? undefined : this.changed;
  }

  /** The store took the last snapshot: changes count from it. */
  saved(): void {
    this.whole = false;
    this.changed.clear();
  }
}

/** A logged step as saved: the event, the version it produced, its client action id if any. */
interface LogEntry {
  e: LoggedStep["event"];
  v: number;
  k?: string;
}

export interface ReadRoom {
  machine: PersistedMachine;
  auth: RoomAuth;
  /** Client action ids, oldest first, with what their action returned. */
  recent: [string, DispatchResult][];
  /** Why the log could not be replayed to its end (the room is as of the step before), if so. */
  replayStopped?: string;
}

function isLogEntry(value: unknown): value is LogEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.e === "object" &&
    entry.e !== null &&
    typeof (entry.e as { type?: unknown }).type === "string" &&
    Number.isInteger(entry.v) &&
    (entry.k === undefined || typeof entry.k === "string")
  );
}

/** The numbered entries `prefix<n>` of a saved room, in order. */
function numbered(data: Record<string, unknown>, prefix: string): unknown[] {
  return Object.keys(data)
    .filter((k) => k.startsWith(prefix))
    .map((k) => Number(k.slice(prefix.length)))
    .sort((a, b) => a - b)
    .map((n) => data[`${prefix}${n}`]);
}

/** A stored snapshot back as the room it was (throws if it cannot be: the room is then skipped). */
export function readSnapshot(snapshot: unknown): ReadRoom {
  if (typeof snapshot !== "object" || snapshot === null) throw new Error("the saved room is not an object");
  const data = snapshot as Record<string, unknown>;
  if (data.format === FORMAT || data.format === PARTS_FORMAT) {
    let context = joinParts(data, "ctx");
    if (data.deck) context = withDeck(context, data.deck as DeckRef);
    const recent: [string, DispatchResult][] = [];
    for (const bucket of numbered(data, "recent:") as [string, number][][])
      for (const [key, version] of bucket) recent.push([key, { ok: true, version }]);
    const checkpoint = { ...(data.machine as Record<string, unknown>), context };
    const log = numbered(data, LOG) as LogEntry[];
    if (log.length === 0) return { machine: checkpoint, auth: data.auth as RoomAuth, recent };
    // A damaged entry (not an event and a version) ends the log there: replayed up to it.
    const readable = log.findIndex((entry) => !isLogEntry(entry));
    const steps = (readable < 0 ? log : log.slice(0, readable)).map((entry) => ({
      event: entry.e,
      version: entry.v,
    }));
    const replayed = replaySteps(checkpoint, steps);
    const stopped = replayed.stopped ?? (readable < 0 ? null : `step ${readable + 1} is not readable`);
    for (const entry of log.slice(0, replayed.applied))
      if (typeof entry.k === "string") recent.push([entry.k, { ok: true, version: entry.v }]);
    return {
      machine: replayed.snapshot as PersistedMachine,
      auth: data.auth as RoomAuth,
      recent,
      ...(stopped ? { replayStopped: stopped } : {}),
    };
  }
  const whole = data as unknown as WholeRecord;
  const machine = whole.deck
    ? { ...whole.machine, context: withDeck(whole.machine.context, whole.deck) }
    : whole.machine;
  const recent: [string, DispatchResult][] = (whole.recent ?? []).map(([key, result]) => [
    key,
    typeof result === "number" ? { ok: true, version: result } : result,
  ]);
  return { machine, auth: whole.auth, recent };
}

/** The snapshot as it would be stored and loaded (tests: compare what a restart would bring back). */
export function throughJson(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snapshot).map(([k, v]) => [
      k,
      JSON.parse(v instanceof EncodedJson ? v.json : JSON.stringify(v)),
    ]),
  );
}
