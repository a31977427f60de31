// Batched room snapshots for the SQLite store (sqlite.ts says why they are batched). Only each
// room's latest snapshot is kept pending; a batch writes every pending room in one transaction,
// and of each room only the parts whose JSON differs from what is on disk.
//
// Where a batch is committed: on the writer thread (room-writer.ts) when there is one, so the game's
// event loop only works out what changed and hands it over; on the store's own connection when
// the caller needs it on disk before returning (`flush`, `close`, and `drain` before the store
// writes anything else itself, so a late batch can never bring a deleted or finished room back).
// One batch is in flight at a time; what is saved meanwhile goes in the next.
//
// Failures: the batch's snapshots go back to pending (unless a newer one arrived), its afterWrite
// callbacks keep waiting, and it is retried with back-off; the error never escapes into a timer.
import type Database from "better-sqlite3";
import type { Logger } from "../log";
import { batchWriter, type WireRoom, wireRoom } from "./room-sql";
import type { Landed, RoomWriter } from "./room-writer";
import type { RoomRow } from "./rows";

/** Shortest time between two batches sent to the writer thread, per room the last batch carried,
 *  up to MAX_GAP_MS. Each hand-over has a fixed cost on the game thread (postMessage), and each
 *  commit one on the writer thread (the WAL pages that every batch rewrites: the rooms table's, the
 *  parts index's), whatever the batch's size; under load batches would otherwise go every
 *  millisecond or so. Only a busy server waits: a batch goes at once when the last went longer ago,
 *  and a lone class (a batch of one room) waits at most 20 ms. An ack waits at most this much
 *  longer (views go out before, unchanged).
 *  A flat 5 -> 20 ms: at 200 rooms of 31, hand-overs 9.4 -> 3.9 % of the time spent writing to
 *  sockets. 20 -> 100 ms (what a batch of five rooms or more now buys; about 27 rooms a batch at
 *  100 x 31, 5 before), at 100 x 31 in two alternated pairs: the writer thread 5.5/5.4 -> 3.8/3.7 %
 *  of a core, the game thread 37.6/35.3 -> 35.6/34.6 %, the server 43.1/40.7 -> 39.4/38.3 %. */
const GAP_PER_ROOM_MS = 20;
const MAX_GAP_MS = 100;

/** How long after a batch of `rooms` rooms the next may go. */
export function batchGap(rooms: number): number {
  return Math.min(MAX_GAP_MS, GAP_PER_ROOM_MS * Math.max(1, rooms));
}

/** Retry delay cap after failed batches: frequent enough to catch a freed disk, quiet in the log. */
const MAX_RETRY_MS = 5_000;

export interface BatchStats {
  /** Rooms with a snapshot saved but not yet written. */
  pendingRooms: number;
  /** Batches committed since open, the room rows they wrote, and the snapshot parts among them
   *  that had changed (the others were not rewritten). */
  batches: number;
  batchedRooms: number;
  writtenParts: number;
  /** Batches that failed since open. */
  failedBatches: number;
  /** Batches committed on the writer thread (the rest on the store's own connection). */
  threadBatches: number;
}

interface InFlight {
  rows: RoomRow[];
  /** The rows by room. */
  codes: Map<string, RoomRow>;
  callbacks: (() => void)[];
}

/**
 * `newer` laid over `older` (the same room's rows, `older` saved first): a whole row replaces, a row
 * of changes is applied. Rows are the store's own (built by saveRoom), so `older` is changed in place.
 */
export function layered(older: RoomRow | undefined, newer: RoomRow): RoomRow {
  if (!older || !newer.gone) return newer;
  if (!older.parts) throw new Error(`room ${newer.code}: changes laid over a room saved whole`);
  applyChanges(older.parts, newer);
  if (older.gone) {
    // Still a row of changes: what `newer` sets is no longer gone, what it removes is.
    for (const part of newer.parts ?? []) older.gone.delete(part[0]);
    for (const part of newer.gone) older.gone.add(part);
  }
  older.updated_at = newer.updated_at;
  return older;
}

/** Lays a row of changes over a room's parts (pending, or what is on disk). */
function applyChanges(parts: Map<string, string>, changes: RoomRow): void {
  for (const [part, json] of changes.parts ?? []) parts.set(part, json);
  for (const part of changes.gone ?? []) parts.delete(part);
}

export class RoomBatches {
  private readonly pending = new Map<string, RoomRow>();
  /** afterWrite callbacks waiting for pending snapshots (not yet in a batch) to commit. */
  private waiting: (() => void)[] = [];
  /** Per room, the parts on disk (what the last committed batch wrote, or what was loaded), so a
   *  batch writes only the parts that changed. A room not in here has unknown parts on disk. */
  private readonly written = new Map<string, Map<string, string>>();
  private inFlight: InFlight | null = null;
  /** Asked to write while a batch was in flight: start the next one when it lands. */
  private again = false;
  private draining = false;
  private timer: NodeJS.Timeout | undefined;
  /** When the last batch went to the thread, and the timer for the next one if it came too soon. */
  private lastSentAt = 0;
  /** How many rooms that batch carried (the next waits longer after a big one: batchGap). */
  private lastBatchRooms = 0;
  private gapTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private readonly counts = {
    batches: 0,
    batchedRooms: 0,
    writtenParts: 0,
    failedBatches: 0,
    threadBatches: 0,
  };
  private readonly writeHere: (rooms: WireRoom[]) => number;
  /** Started on first use (a store that is only read never starts one); null: none wanted or it
   *  could not start. */
  private writer: RoomWriter | null = null;
  private startWriter: (() => RoomWriter) | null;

  constructor(
    db: Database.Database,
    startWriter: (() => RoomWriter) | null,
    private readonly batchMs: number,
    private readonly log: Logger,
  ) {
    this.writeHere = batchWriter(db);
    this.startWriter = startWriter;
  }

  private thread(): RoomWriter | null {
    if (this.startWriter) {
      const start = this.startWriter;
      this.startWriter = null;
      try {
        this.writer = start();
      } catch (err) {
        this.log.warn("no writer thread: room snapshots are written on the main thread", {
          err: err as Error,
        });
      }
    }
    return this.writer?.alive ? this.writer : null;
  }

  /** Keeps a room's row for the next batch. A row of changes (`gone` set) needs `hasParts(code)`. */
  save(row: RoomRow): void {
    this.pending.set(row.code, layered(this.pending.get(row.code), row));
    this.schedule(this.batchMs);
  }

  /** Does the store hold this room as parts (pending, in flight or on disk), so that a row of only
   *  what changed can be laid over it? */
  hasParts(code: string): boolean {
    const pending = this.pending.get(code);
    if (pending) return pending.parts !== null;
    const flying = this.inFlight?.codes.get(code);
    if (flying) return flying.parts !== null;
    // A room saved whole leaves no parts on disk (and a parts snapshot has at least one).
    return (this.written.get(code)?.size ?? 0) > 0;
  }

  /** Runs `callback` once every snapshot saved so far is committed. */
  afterWrite(callback: () => void): void {
    if (this.inFlight && this.pending.size === 0) {
      this.inFlight.callbacks.push(callback);
      return;
    }
    // Behind any callback already waiting (a deleted room can leave some with nothing pending).
    this.waiting.push(callback);
    if (this.pending.size === 0 && !this.inFlight) queueMicrotask(() => this.runWaiting());
  }

  /** Starts writing what is pending without waiting for it (on the writer thread if there is one). */
  writeSoon(): void {
    if (this.closed) return;
    const writer = this.thread();
    if (!writer) {
      this.tryWriteHere();
      return;
    }
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.pending.size === 0) {
      this.runWaiting();
      return;
    }
    const wait = this.lastSentAt + batchGap(this.lastBatchRooms) - Date.now();
    if (wait > 0) {
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = undefined;
        this.writeSoon();
      }, wait).unref();
      return;
    }
    this.lastSentAt = Date.now();
    const rows = this.take();
    this.lastBatchRooms = rows.length;
    let rooms: WireRoom[];
    try {
      rooms = rows.map((row) => wireRoom(row, this.written.get(row.code)));
    } catch (err) {
      // A row that cannot be turned into SQL: keep the rows and the acks, as for a failed batch.
      this.failed(rows);
      this.retry(err as Error);
      return;
    }
    const flight: InFlight = {
      rows,
      codes: new Map(rows.map((row) => [row.code, row])),
      callbacks: this.waiting,
    };
    this.waiting = [];
    this.inFlight = flight;
    writer.send(rooms, (landed) => this.land(flight, landed));
  }

  /** Waits for the batch in flight (blocking) and writes what is pending here. Throws if it fails. */
  flush(): void {
    this.drain();
    this.writePendingHere();
  }

  /** Waits for the batch in flight, if any (blocking): then nothing of ours is being written. */
  drain(): void {
    if (!this.inFlight || !this.writer) return;
    this.draining = true;
    try {
      this.writer.wait();
    } finally {
      this.draining = false;
    }
    // What the landed batch would have started (saved meanwhile, or asked for) still needs a batch.
    // Not started here: the caller is about to write on its own connection, and a batch started
    // now could hold the very room it deletes.
    if (this.again || this.waiting.length > 0) {
      this.again = false;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.schedule(0);
    } else if (this.pending.size > 0) this.schedule(this.batchMs);
  }

  /** Forgets a room (deleted or finished by the caller, after `drain`). */
  forget(code: string): void {
    this.pending.delete(code);
    this.written.delete(code);
  }

  /** Tells what a load found on disk, so the next batches write only what changes. */
  loaded(code: string, parts: Map<string, string>): void {
    this.written.set(code, parts);
  }

  /** Writes everything and stops; throws (after stopping) if the last batch fails. */
  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.gapTimer);
    this.timer = undefined;
    this.gapTimer = undefined;
    try {
      this.flush();
    } finally {
      this.closed = true;
      this.waiting = [];
      this.startWriter = null;
      this.writer?.close();
    }
  }

  stats(): BatchStats {
    return { pendingRooms: this.pending.size, ...this.counts };
  }

  private take(): RoomRow[] {
    const rows = [...this.pending.values()];
    this.pending.clear();
    return rows;
  }

  private land(flight: InFlight, landed: Landed): void {
    this.inFlight = null;
    if (!landed.ok) {
      this.failed(flight.rows);
      this.waiting = flight.callbacks.concat(this.waiting);
      this.retry(landed.error);
      return;
    }
    this.committed(flight.rows, landed.parts);
    this.counts.threadBatches++;
    this.run(flight.callbacks);
    if (this.draining || this.closed) return;
    // Someone is waiting on what was saved meanwhile (an ack): write it now, as group commit does.
    if (this.again || this.waiting.length > 0) {
      this.again = false;
      this.writeSoon();
    } else if (this.pending.size > 0) this.schedule(this.batchMs);
  }

  /** Writes every pending snapshot in one transaction on this thread, then runs the callbacks.
   *  On failure the snapshots stay pending, the callbacks keep waiting, and it throws. */
  private writePendingHere(): void {
    if (this.pending.size === 0) {
      // deleteRoom/finishRoom may have emptied it: nothing left to wait for.
      this.runWaiting();
      return;
    }
    const rows = this.take();
    let parts: number;
    try {
      parts = this.writeHere(rows.map((row) => wireRoom(row, this.written.get(row.code))));
    } catch (err) {
      this.failed(rows);
      throw err;
    }
    this.committed(rows, parts);
    this.runWaiting();
  }

  private tryWriteHere(): void {
    try {
      this.writePendingHere();
    } catch (err) {
      this.retry(err as Error);
    }
  }

  private committed(rows: RoomRow[], parts: number): void {
    for (const row of rows) {
      const before = this.written.get(row.code);
      if (row.gone && before) applyChanges(before, row);
      else this.written.set(row.code, row.parts ?? new Map());
    }
    this.counts.writtenParts += parts;
    this.counts.batches++;
    this.counts.batchedRooms += rows.length;
    this.failures = 0;
  }

  private failed(rows: RoomRow[]): void {
    this.counts.failedBatches++;
    // Back to pending, under any newer snapshot of the room that arrived meanwhile.
    for (const row of rows) {
      const newer = this.pending.get(row.code);
      this.pending.set(row.code, newer ? layered(row, newer) : row);
    }
  }

  private retry(err: Error): void {
    this.failures++;
    const retryMs = Math.min(MAX_RETRY_MS, Math.max(this.batchMs, 1) * 2 ** this.failures);
    this.log.error("room snapshot batch failed; will retry", {
      rooms: this.pending.size,
      failures: this.failures,
      retryMs,
      err,
    });
    this.schedule(retryMs);
  }

  // Invariant: while anything is pending (and the store is open) a timer is set or a batch is in
  // flight — saveRoom sets one, a failed batch sets the retry — so a failed flush() strands nothing.
  private schedule(delayMs: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writeSoon();
    }, delayMs);
    // Never keep the process alive just for a batch: shutdown goes through close().
    this.timer.unref();
  }

  private runWaiting(): void {
    if (this.waiting.length === 0) return;
    const callbacks = this.waiting;
    this.waiting = [];
    this.run(callbacks);
  }

  private run(callbacks: (() => void)[]): void {
    for (const callback of callbacks) {
      try {
        callback();
      } catch (err) {
        this.log.error("afterWrite callback threw", { err: err as Error });
      }
    }
  }
}
