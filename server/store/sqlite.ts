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
 * most the last `batchMs` of room snapshots is lost. Everything else is written immediately.
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
  roomRow,
} from "./rows";
import { type Store, StoreError } from "./types";

export const SQLITE_FILE_NAME = "debate-deck.sqlite";
export const DEFAULT_BATCH_MS = 50;
/** Retry delay cap after failed batches: frequent enough to catch a freed disk, quiet in the log. */
const MAX_RETRY_MS = 5_000;

export interface SqliteStoreOptions {
  /** Data folder; created (mode 0700) if missing. */
  dir: string;
  /** Delay between the first unsaved room snapshot and its batch. Default 50 ms. */
  batchMs?: number;
  log?: Logger;
}

export interface SqliteStoreStats {
  /** Rooms with a snapshot saved but not yet written. */
  pendingRooms: number;
  /** Batches committed since open, the room rows they wrote, and the snapshot parts among them
   *  that had changed (the others were not rewritten). */
  batches: number;
  batchedRooms: number;
  writtenParts: number;
  /** Batches that failed since open. */
  failedBatches: number;
}

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
    upsertRoom: db.prepare<[string, string, number]>(
      `INSERT INTO rooms (code, snapshot, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
    ),
    allRooms: db.prepare<[], Omit<RoomRow, "parts">>(
      "SELECT code, snapshot, updated_at FROM rooms ORDER BY code",
    ),
    deleteRoom: db.prepare<[string]>("DELETE FROM rooms WHERE code = ?"),
    upsertPart: db.prepare<[string, string, string]>(
      `INSERT INTO room_parts (code, part, json) VALUES (?, ?, ?)
       ON CONFLICT (code, part) DO UPDATE SET json = excluded.json`,
    ),
    allParts: db.prepare<[], { code: string; part: string; json: string }>(
      "SELECT code, part, json FROM room_parts ORDER BY code, part",
    ),
    deletePart: db.prepare<[string, string]>("DELETE FROM room_parts WHERE code = ? AND part = ?"),
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
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    // Another connection (a backup, a second look with the sqlite3 shell) may hold the lock briefly.
    db.pragma("busy_timeout = 5000");
    migrate(db, path);
    sql = prepare(db);
  } catch (err) {
    db.close();
    throw err;
  }

  const pending = new Map<string, RoomRow>();
  /** afterWrite callbacks waiting for the pending snapshots to commit. */
  let waiting: (() => void)[] = [];
  const stats = { batches: 0, batchedRooms: 0, writtenParts: 0, failedBatches: 0 };
  /** Per room, the parts on disk (what the last committed batch wrote, or what was loaded), so a
   *  batch writes only the parts that changed. A room not in here has unknown parts on disk. */
  const written = new Map<string, Map<string, string>>();
  let timer: NodeJS.Timeout | undefined;
  let consecutiveFailures = 0;
  let closed = false;

  /** Writes the rows; returns how many parts it wrote. `written` is updated only after the commit. */
  const writeBatch = db.transaction((rows: RoomRow[]): number => {
    let parts = 0;
    for (const row of rows) {
      sql.upsertRoom.run(row.code, row.snapshot, row.updated_at);
      const before = written.get(row.code);
      if (before === undefined) sql.deleteParts.run(row.code);
      if (row.parts === null) {
        if (before !== undefined && before.size > 0) sql.deleteParts.run(row.code);
        continue;
      }
      for (const [part, json] of row.parts) {
        if (before?.get(part) === json) continue;
        sql.upsertPart.run(row.code, part, json);
        parts++;
      }
      if (before)
        for (const part of before.keys()) if (!row.parts.has(part)) sql.deletePart.run(row.code, part);
    }
    return parts;
  });
  const finish = db.transaction((code: string, game: GameRow) => {
    sql.upsertGame.run(game);
    sql.deleteRoom.run(code);
    sql.deleteParts.run(code);
  });

  function open(method: string): void {
    if (closed) throw new StoreError("store_closed", `store is closed: ${method}() called after close()`);
  }

  function runWaiting(): void {
    if (waiting.length === 0) return;
    const callbacks = waiting;
    waiting = [];
    for (const callback of callbacks) {
      try {
        callback();
      } catch (err) {
        log.error("afterWrite callback threw", { err: err as Error });
      }
    }
  }

  /**
   * Writes every pending snapshot in one transaction, then runs the afterWrite callbacks.
   * On failure the snapshots stay pending, the callbacks keep waiting, and it throws.
   */
  function writePending(): void {
    if (pending.size === 0) {
      // deleteRoom/finishRoom may have emptied it: nothing left to wait for.
      runWaiting();
      return;
    }
    const rows = [...pending.values()];
    pending.clear();
    try {
      stats.writtenParts += writeBatch(rows);
      for (const row of rows) written.set(row.code, row.parts ?? new Map());
    } catch (err) {
      stats.failedBatches++;
      // Put them back unless a newer snapshot arrived meanwhile (it cannot, synchronously, but
      // the rule is what matters if this ever becomes async).
      for (const row of rows) if (!pending.has(row.code)) pending.set(row.code, row);
      throw err;
    }
    stats.batches++;
    stats.batchedRooms += rows.length;
    consecutiveFailures = 0;
    runWaiting();
  }

  // Invariant: while anything is pending (and the store is open) a timer is set — saveRoom sets
  // one, a failed timed batch sets the retry — so a failed explicit flush() strands nothing.
  function schedule(delayMs: number): void {
    if (timer || closed) return;
    timer = setTimeout(onTimer, delayMs);
    // Never keep the process alive just for a batch: shutdown goes through close().
    timer.unref();
  }

  function onTimer(): void {
    timer = undefined;
    try {
      writePending();
    } catch (err) {
      consecutiveFailures++;
      const retryMs = Math.min(MAX_RETRY_MS, Math.max(batchMs, 1) * 2 ** consecutiveFailures);
      log.error("room snapshot batch failed; will retry", {
        rooms: pending.size,
        failures: consecutiveFailures,
        retryMs,
        err: err as Error,
      });
      schedule(retryMs);
    }
  }

  return {
    path,

    saveRoom(rec) {
      open("saveRoom");
      const row = roomRow(rec);
      pending.set(row.code, row);
      schedule(batchMs);
    },
    loadLiveRooms() {
      open("loadLiveRooms");
      writePending();
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
      for (const row of rows) written.set(row.code, parts.get(row.code) ?? new Map());
      return decoded(rows.map((row) => decode.room(row)));
    },
    deleteRoom(code) {
      open("deleteRoom");
      if (!isKey(code)) return;
      db.transaction(() => {
        sql.deleteRoom.run(code);
        sql.deleteParts.run(code);
      })();
      written.delete(code);
      pending.delete(code);
    },

    saveGame(rec) {
      open("saveGame");
      sql.upsertGame.run(gameRow(rec));
    },
    finishRoom(code, game) {
      open("finishRoom");
      const row = gameRow(game);
      if (!isKey(code)) {
        sql.upsertGame.run(row);
        return;
      }
      finish(code, row);
      // Only after the commit: if it failed, the room's latest snapshot must still be written.
      pending.delete(code);
      written.delete(code);
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
      sql.upsertDeck.run(deckRow(rec));
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
      if (isKey(id)) sql.deleteDeck.run(id);
    },

    saveHomework(rec) {
      open("saveHomework");
      sql.upsertHomework.run(homeworkRow(rec));
    },
    getHomework(id) {
      open("getHomework");
      const row = isKey(id) ? sql.homework.get(id) : undefined;
      return row && decode.homework(row);
    },

    afterWrite(callback) {
      open("afterWrite");
      waiting.push(callback);
      if (pending.size === 0) queueMicrotask(runWaiting);
    },
    flush() {
      if (closed) return;
      writePending();
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      try {
        writePending();
      } catch (err) {
        log.error("final room snapshot batch failed at close", { rooms: pending.size, err: err as Error });
        throw err;
      } finally {
        waiting = [];
        db.close();
      }
    },

    stats() {
      return { pendingRooms: pending.size, ...stats };
    },
  };
}
