// How a batch of room snapshots becomes SQL, shared by the two places that may commit one: the
// store's own connection (sqlite.ts) and the writer thread (room-writer-thread.ts). A batch is
// worked out on the game's thread against what is on disk (which parts changed) and travels as
// plain data, so the thread needs no state of its own.
import type Database from "better-sqlite3";
import type { RoomRow } from "./rows";

/** One room's changes: what a batch writes for it. Plain data (it crosses to the writer thread). */
export interface WireRoom {
  code: string;
  /** The whole snapshot's JSON, or "" when it is kept as parts. */
  snapshot: string;
  updated_at: number;
  /** Delete every stored part of the room first (its parts on disk are unknown or obsolete). */
  wipe: boolean;
  /** Parts to write: [part, json]. */
  put: [string, string][];
  /** Parts to delete. */
  drop: string[];
}

/** A room's changes against `before`, its parts on disk (undefined: not known). */
export function wireRoom(row: RoomRow, before: ReadonlyMap<string, string> | undefined): WireRoom {
  const wire: WireRoom = {
    code: row.code,
    snapshot: row.snapshot,
    updated_at: row.updated_at,
    wipe: before === undefined || (row.parts === null && before.size > 0),
    put: [],
    drop: [],
  };
  if (row.parts === null) return wire;
  if (row.gone) {
    // Only what changed, over the parts on disk (RoomBatches keeps such a row only where it has them).
    if (!before) throw new Error(`room ${row.code}: a row of changes needs the parts on disk`);
    for (const [part, json] of row.parts) if (before.get(part) !== json) wire.put.push([part, json]);
    for (const part of row.gone) if (before.has(part)) wire.drop.push(part);
    return wire;
  }
  const known = wire.wipe ? undefined : before;
  for (const [part, json] of row.parts) if (known?.get(part) !== json) wire.put.push([part, json]);
  if (known) for (const part of known.keys()) if (!row.parts.has(part)) wire.drop.push(part);
  return wire;
}

/** Rooms packed for the writer thread: every string of them end to end, and each one's length.
 *  Copying one long string to the thread costs a fraction of copying the rooms' many small ones. */
export interface PackedRooms {
  text: string;
  lengths: number[];
}

export function packRooms(rooms: readonly WireRoom[]): PackedRooms {
  const strings: string[] = [];
  for (const room of rooms) {
    strings.push(room.code, room.snapshot, String(room.updated_at), room.wipe ? "1" : "0");
    strings.push(String(room.put.length));
    for (const [part, json] of room.put) strings.push(part, json);
    strings.push(String(room.drop.length));
    for (const part of room.drop) strings.push(part);
  }
  return { text: strings.join(""), lengths: strings.map((s) => s.length) };
}

export function unpackRooms({ text, lengths }: PackedRooms): WireRoom[] {
  let at = 0;
  let i = 0;
  const next = (): string => {
    const length = lengths[i++];
    if (length === undefined) throw new Error("packed rooms: cut short");
    const s = text.slice(at, at + length);
    at += length;
    return s;
  };
  const rooms: WireRoom[] = [];
  while (i < lengths.length) {
    const room: WireRoom = {
      code: next(),
      snapshot: next(),
      updated_at: Number(next()),
      wipe: next() === "1",
      put: [],
      drop: [],
    };
    for (let n = Number(next()); n > 0; n--) room.put.push([next(), next()]);
    for (let n = Number(next()); n > 0; n--) room.drop.push(next());
    rooms.push(room);
  }
  return rooms;
}

function roomStatements(db: Database.Database) {
  return {
    upsertRoom: db.prepare<[string, string, number]>(
      `INSERT INTO rooms (code, snapshot, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
    ),
    upsertPart: db.prepare<[string, string, string]>(
      `INSERT INTO room_parts (code, part, json) VALUES (?, ?, ?)
       ON CONFLICT (code, part) DO UPDATE SET json = excluded.json`,
    ),
    deletePart: db.prepare<[string, string]>("DELETE FROM room_parts WHERE code = ? AND part = ?"),
    deleteParts: db.prepare<[string]>("DELETE FROM room_parts WHERE code = ?"),
  };
}

/** A transaction that writes a batch; returns how many parts it wrote. */
export function batchWriter(db: Database.Database): (rooms: WireRoom[]) => number {
  const sql = roomStatements(db);
  return db.transaction((rooms: WireRoom[]): number => {
    let parts = 0;
    for (const room of rooms) {
      sql.upsertRoom.run(room.code, room.snapshot, room.updated_at);
      if (room.wipe) sql.deleteParts.run(room.code);
      for (const [part, json] of room.put) sql.upsertPart.run(room.code, part, json);
      for (const part of room.drop) sql.deletePart.run(room.code, part);
      parts += room.put.length;
    }
    return parts;
  });
}

/** The connection settings both connections use (see sqlite.ts for why). */
export function tune(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Another connection (the writer thread, a backup, the sqlite3 shell) may hold the lock briefly.
  db.pragma("busy_timeout = 5000");
}
