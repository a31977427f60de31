/**
 * SQLite Store: the embedded default. One file, `<dir>/debate-deck.sqlite`, no setup.
 *
 * Why better-sqlite3 and these settings:
 * - Synchronous calls fit a room's one-event-at-a-time queue; no awaits, no interleaving.
 * - WAL journal with synchronous=NORMAL: a commit survives the process being killed (SIGKILL,
 *   a crash); only a power cut can lose the last few commits, and never corrupts the file.
 *   Readers (a teacher downloading a report) never block the writer.
 * - Schema changes are numbered migrations recorded in `PRAGMA user_version`, each in its own
 *   transaction. A file from a newer version is refused with a clear message, never "upgraded
 *   down".
 *
 * Room snapshots are batched. A room saves after every applied event, which across 100 busy
 * rooms is hundreds of writes a second; one transaction per write would spend the disk on
 * fsync-like work. Instead `saveRoom` keeps only the latest snapshot per room in a pending map,
 * and every `batchMs` (default 50 ms) all pending rooms are written in ONE transaction.
 * `flush()`, `close()`, `loadLiveRooms()`, `deleteRoom()` and `finishRoom()` write or discard
 * the pending snapshots first as appropriate, so a SIGTERM handler that calls close() loses
 * nothing, and a finished or deleted room is never resurrected by a late batch. On SIGKILL at
 * most the last `batchMs` of room snapshots is lost (on a busy server, up to the gap between
 * batches: 100 ms, room-batches.ts), never an acknowledged action. Everything else is written
 * immediately.
 *
 * Batches are committed on a writer thread with its own connection (room-batches.ts,
 * room-writer.ts): committing, and the WAL checkpoints commits trigger, no longer stall the game's
 * event loop. Everything else is written on this connection, after any batch in flight has landed.
 *
 * A snapshot that is an object is stored as parts (table room_parts, one row per top-level entry),
 * and a batch rewrites only the parts whose JSON differs from what is on disk: the room server
 * splits a room into many small entries, so a step costs the few KB it changed, not the whole room.
 *
 * `afterWrite(cb)` is group commit: the room server can hold a client's ack until the batch
 * holding its action commits, so an acknowledged action survives even SIGKILL.
 *
 * If a timed batch fails (disk full, file locked), the snapshots stay pending (newer ones win),
 * the failure is logged, and the batch is retried with back-off; the error never escapes into
 * a timer callback where it would crash the process.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createLogger, type Logger } from "../log";
import {
  type DeckRow,
  type GameRow,
  type HomeworkRow,
  type RoomRow,
  RowDecoder,
  decoded,
  deckRow,
  deckSummary,
  gameRow,
  homeworkRow,
  isKey,
  listLimit,
  roomDelta,
  roomRow,
} from "./rows";
import { type BatchStats, RoomBatches } from "./room-batches";
import { tune } from "./room-sql";
import { RoomWriter } from "./room-writer";
import { type Store, StoreError } from "./types";

export const SQLITE_FILE_NAME = "debate-deck.sqlite";
export const DEFAULT_BATCH_MS = 50;

export interface SqliteStoreOptions {
  /** Data folder; created (mode 0700) if missing. */
  dir: string;
  /** Delay between the first unsaved room snapshot and its batch. Default 50 ms. */
  batchMs?: number;
  log?: Logger;
  /** Commit room snapshot batches on a thread of their own (default true; see room-writer.ts). */
  writerThread?: boolean;
}

export type SqliteStoreStats = BatchStats;

export interface SqliteStore extends Store {
  /** Absolute or relative path of the database file. */
  readonly path: string;
  stats(): SqliteStoreStats;
}

/**
 * Migration n (0-based) takes the schema from user_version n to n + 1. Append only: never edit
 * one that has shipped. STRICT tables make SQLite refuse a wrongly typed value instead of
 * storing it.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE rooms (
    code TEXT PRIMARY KEY,
    snapshot TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE games (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    finished_at INTEGER NOT NULL,
    summary TEXT NOT NULL,
    report TEXT NOT NULL,
    plan TEXT NOT NULL,
    deck_id TEXT,
    homework_id TEXT
  ) STRICT;
  CREATE INDEX games_by_time ON games (finished_at DESC, id DESC);
  CREATE INDEX games_by_homework ON games (homework_id, finished_at DESC, id DESC)
    WHERE homework_id IS NOT NULL;

  CREATE TABLE decks (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    deck TEXT NOT NULL,
    plan TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    owner_secret_hash TEXT
  ) STRICT;

  CREATE TABLE homework (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    deck_id TEXT,
    settings TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    teacher_secret_hash TEXT NOT NULL
  ) STRICT;
  `,
  // A room whose snapshot is an object keeps it as parts (rooms.snapshot is then ""), and a step
  // rewrites only the parts it changed: a few KB instead of the whole room. Rows written before
  // this migration keep their whole snapshot and are read as they are.
  `
  CREATE TABLE room_parts (
    code TEXT NOT NULL,
    part TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (code, part)
  ) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function migrate(db: Database.Database, path: string): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `${path} has schema version ${current}, but this server knows only up to ${MIGRATIONS.length}. ` +
        "It was written by a newer Debate Deck: upgrade, or point DATA_DIR at another folder.",
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      // user_version is part of the transaction: a failed migration leaves the old number.
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    allRooms: db.prepare<[], Omit<RoomRow, "parts">>(
      "SELECT code, snapshot, updated_at FROM rooms ORDER BY code",
    ),
    deleteRoom: db.prepare<[string]>("DELETE FROM rooms WHERE code = ?"),
    allParts: db.prepare<[], { code: string; part: string; json: string }>(
      "SELECT code, part, json FROM room_parts ORDER BY code, part",
    ),
    deleteParts: db.prepare<[string]>("DELETE FROM room_parts WHERE code = ?"),

    upsertGame: db.prepare<[GameRow]>(
      `INSERT OR REPLACE INTO games (id, code, finished_at, summary, report, plan, deck_id, homework_id)
       VALUES (@id, @code, @finished_at, @summary, @report, @plan, @deck_id, @homework_id)`,
    ),
    game: db.prepare<[string], GameRow>("SELECT * FROM games WHERE id = ?"),
    recentGames: db.prepare<[number], GameRow>(
      `SELECT id, code, finished_at, summary, deck_id, homework_id FROM games
       ORDER BY finished_at DESC, id DESC LIMIT ?`,
    ),
    homeworkGames: db.prepare<[string, number], GameRow>(
      `SELECT id, code, finished_at, summary, deck_id, homework_id FROM games
       WHERE homework_id = ? ORDER BY finished_at DESC, id DESC LIMIT ?`,
    ),

    upsertDeck: db.prepare<[DeckRow]>(
      `INSERT OR REPLACE INTO decks (id, title, deck, plan, created_at, owner_secret_hash)
       VALUES (@id, @title, @deck, @plan, @created_at, @owner_secret_hash)`,
    ),
    deck: db.prepare<[string], DeckRow>("SELECT * FROM decks WHERE id = ?"),
    allDecks: db.prepare<[], Omit<DeckRow, "deck" | "plan">>(
      "SELECT id, title, created_at, owner_secret_hash FROM decks ORDER BY created_at DESC, id DESC",
    ),
    deleteDeck: db.prepare<[string]>("DELETE FROM decks WHERE id = ?"),

    upsertHomework: db.prepare<[HomeworkRow]>(
      `INSERT OR REPLACE INTO homework (id, title, deck_id, settings, created_at, teacher_secret_hash)
       VALUES (@id, @title, @deck_id, @settings, @created_at, @teacher_secret_hash)`,
    ),
    homework: db.prepare<[string], HomeworkRow>("SELECT * FROM homework WHERE id = ?"),
  };
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
  if (!(Number.isFinite(batchMs) && batchMs >= 0)) throw new RangeError("batchMs must be >= 0");
  const log = options.log ?? createLogger({ component: "store" });
  const decode = new RowDecoder(log);

  // The folder holds secret hashes and pupils' nicknames: readable by the teacher's account only.
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const path = join(options.dir, SQLITE_FILE_NAME);
  const db = new Database(path);
  let sql: ReturnType<typeof prepare>;
  try {
    tune(db);
    migrate(db, path);
    sql = prepare(db);
  } catch (err) {
    db.close();
    throw err;
  }

  const startWriter = () =>
    new RoomWriter(path, (err) =>
      log.warn("the writer thread stopped: room snapshots are written on the main thread", { err }),
    );
  const rooms = new RoomBatches(db, (options.writerThread ?? true) ? startWriter : null, batchMs, log);
  let closed = false;

  const finish = db.transaction((code: string, game: GameRow) => {
    sql.upsertGame.run(game);
    sql.deleteRoom.run(code);
    sql.deleteParts.run(code);
  });

  function open(method: string): void {
    if (closed) throw new StoreError("store_closed", `store is closed: ${method}() called after close()`);
  }

  return {
    path,

    saveRoom(rec) {
      open("saveRoom");
      // Only the entries that changed, when the caller says which and the room's parts are known.
      const { changed } = rec;
      const delta = changed && rooms.hasParts(rec.code) ? roomDelta({ ...rec, changed }) : null;
      rooms.save(delta ?? roomRow(rec));
    },
    loadLiveRooms() {
      open("loadLiveRooms");
      rooms.flush();
      const parts = new Map<string, Map<string, string>>();
      for (const { code, part, json } of sql.allParts.iterate()) {
        let map = parts.get(code);
        if (!map) {
          map = new Map();
          parts.set(code, map);
        }
        map.set(part, json);
      }
      const rows: RoomRow[] = sql.allRooms.all().map((row) => ({
        ...row,
        parts: row.snapshot === "" ? (parts.get(row.code) ?? new Map()) : null,
      }));
      for (const row of rows) rooms.loaded(row.code, parts.get(row.code) ?? new Map());
      return decoded(rows.map((row) => decode.room(row)));
    },
    deleteRoom(code) {
      open("deleteRoom");
      if (!isKey(code)) return;
      rooms.drain();
      db.transaction(() => {
        sql.deleteRoom.run(code);
        sql.deleteParts.run(code);
      })();
      rooms.forget(code);
    },

    saveGame(rec) {
      open("saveGame");
      const row = gameRow(rec);
      rooms.drain();
      sql.upsertGame.run(row);
    },
    finishRoom(code, game) {
      open("finishRoom");
      const row = gameRow(game);
      rooms.drain();
      if (!isKey(code)) {
        sql.upsertGame.run(row);
        return;
      }
      finish(code, row);
      // Only after the commit: if it failed, the room's latest snapshot must still be written.
      rooms.forget(code);
    },
    getGame(id) {
      open("getGame");
      const row = isKey(id) ? sql.game.get(id) : undefined;
      return row && decode.game(row);
    },
    listGames({ limit, homeworkId }) {
      open("listGames");
      const n = listLimit(limit);
      if (homeworkId !== undefined && !isKey(homeworkId)) return [];
      const rows = homeworkId === undefined ? sql.recentGames.all(n) : sql.homeworkGames.all(homeworkId, n);
      return decoded(rows.map((row) => decode.gameSummary(row)));
    },

    saveDeck(rec) {
      open("saveDeck");
      const row = deckRow(rec);
      rooms.drain();
      sql.upsertDeck.run(row);
    },
    getDeck(id) {
      open("getDeck");
      const row = isKey(id) ? sql.deck.get(id) : undefined;
      return row && decode.deck(row);
    },
    listDecks() {
      open("listDecks");
      return sql.allDecks.all().map(deckSummary);
    },
    deleteDeck(id) {
      open("deleteDeck");
      if (!isKey(id)) return;
      rooms.drain();
      sql.deleteDeck.run(id);
    },

    saveHomework(rec) {
      open("saveHomework");
      const row = homeworkRow(rec);
      rooms.drain();
      sql.upsertHomework.run(row);
    },
    getHomework(id) {
      open("getHomework");
      const row = isKey(id) ? sql.homework.get(id) : undefined;
      return row && decode.homework(row);
    },

    afterWrite(callback) {
      open("afterWrite");
      rooms.afterWrite(callback);
    },
    writeSoon() {
      if (!closed) rooms.writeSoon();
    },
    flush() {
      if (!closed) rooms.flush();
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        rooms.close();
      } catch (err) {
        log.error("final room snapshot batch failed at close", {
          rooms: rooms.stats().pendingRooms,
          err: err as Error,
        });
        throw err;
      } finally {
        db.close();
      }
    },

    stats() {
      return rooms.stats();
    },
  };
}
