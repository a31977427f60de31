// For the SQLite store's tests: a fresh data folder per test, stores and second connections that
// are closed after it, and what the store logged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, vi } from "vitest";
import { createLogger } from "../log";
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from "./sqlite";

export function sqliteFixture() {
  let root = "";
  let dir = "";
  let lines: string[] = [];
  let stores: SqliteStore[] = [];
  let others: Database.Database[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "debate-deck-store-"));
    dir = join(root, "nested", "data");
    lines = [];
    stores = [];
    others = [];
  });

  afterEach(() => {
    vi.useRealTimers();
    for (const db of others) db.close();
    for (const store of stores) {
      try {
        store.close();
      } catch {
        // a test that broke the database on purpose
      }
    }
    rmSync(root, { recursive: true, force: true });
  });

  const log = () => createLogger({}, { level: "debug", sink: (line) => lines.push(line) });

  return {
    /** This test's data folder (not created until a store opens it). */
    get dir() {
      return dir;
    },
    /** Every line the stores of this test logged. */
    get lines() {
      return lines;
    },
    log,
    /** A store, closed after the test. Long batch delay by default, so nothing is written behind a
     *  test's back unless it says so. `thread: false` keeps every batch on the store's own
     *  connection, for tests that drive batches with fake timers (a batch on the writer thread
     *  lands when the thread answers). */
    open(batchMs = 60_000, { thread = true } = {}): SqliteStore {
      const store = openSqliteStore({ dir, batchMs, log: log(), writerThread: thread });
      stores.push(store);
      return store;
    },
    /** A second connection to the same file, as another process (or the sqlite3 shell) would have. */
    peek(): Database.Database {
      const db = new Database(join(dir, SQLITE_FILE_NAME));
      others.push(db);
      return db;
    },
    /** The live rooms a store opened afresh on this folder finds (code -> snapshot), as after a restart. */
    reopenedRooms(): Map<string, unknown> {
      const store = openSqliteStore({ dir, batchMs: 60_000, log: log() });
      try {
        return new Map(store.loadLiveRooms().map((r) => [r.code, r.snapshot]));
      } finally {
        store.close();
      }
    },
  };
}
