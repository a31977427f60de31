import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { deck, game, homework, room, runStoreContract } from "./contract";
import { sqliteFixture } from "./sqlite-fixture";
import { openSqliteStore, SCHEMA_VERSION, SQLITE_FILE_NAME } from "./sqlite";
import { EncodedJson, StoreError } from "./types";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "debate-deck-store-"));
}

let contractDir = "";
runStoreContract("sqlite", {
  open() {
    contractDir = tempDir();
    return openSqliteStore({ dir: contractDir });
  },
  cleanup() {
    rmSync(contractDir, { recursive: true, force: true });
  },
});

describe("SQLite adapter", () => {
  const fixture = sqliteFixture();
  const { open, peek } = fixture;
  const roomCount = (db: Database.Database) =>
    (db.prepare("SELECT count(*) AS n FROM rooms").get() as { n: number }).n;
  /** A room's snapshot as another connection reads it from disk (whole, or assembled from parts). */
  const onDisk = (db: Database.Database, code: string): unknown => {
    const row = db.prepare("SELECT snapshot FROM rooms WHERE code = ?").get(code) as
      | { snapshot: string }
      | undefined;
    if (!row) return undefined;
    if (row.snapshot !== "") return JSON.parse(row.snapshot);
    const parts = db.prepare("SELECT part, json FROM room_parts WHERE code = ?").all(code) as {
      part: string;
      json: string;
    }[];
    return Object.fromEntries(parts.map((p) => [p.part, JSON.parse(p.json)]));
  };

  it("creates the data folder and the database file, in WAL mode at the current schema", () => {
    const store = open();
    expect(store.path).toBe(join(fixture.dir, SQLITE_FILE_NAME));
    expect(statSync(store.path).isFile()).toBe(true);
    const db = peek();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
  });

  it("keeps everything across close and reopen, without migrating twice", () => {
    const first = open();
    first.saveRoom(room("CDF346", { phase: "build", hands: { s1: ["c1"] } }));
    first.saveGame(game("game_1", { homeworkId: "hw_1" }));
    first.saveDeck(deck("deck_1"));
    first.saveHomework(homework("hw_1"));
    first.close();

    const second = open();
    expect(second.loadLiveRooms()).toEqual([room("CDF346", { phase: "build", hands: { s1: ["c1"] } })]);
    expect(second.getGame("game_1")).toEqual(game("game_1", { homeworkId: "hw_1" }));
    expect(second.getDeck("deck_1")).toEqual(deck("deck_1"));
    expect(second.getHomework("hw_1")).toEqual(homework("hw_1"));
    expect(second.listGames({ limit: 5, homeworkId: "hw_1" }).map((g) => g.id)).toEqual(["game_1"]);
  });

  it("writes every batched snapshot by close(): the latest per room", () => {
    const store = open();
    for (let update = 1; update <= 10; update++) {
      for (let r = 0; r < 100; r++)
        store.saveRoom(room(`R${String(r).padStart(5, "0")}`, { update }, 1000 + update));
    }
    expect(store.stats().pendingRooms).toBe(100);
    expect(roomCount(peek())).toBe(0);
    store.close();

    const rooms = open().loadLiveRooms();
    expect(rooms).toHaveLength(100);
    for (const r of rooms) expect(r).toMatchObject({ snapshot: { update: 10 }, updatedAt: 1010 });
  });

  it("writes all pending rooms in one transaction", () => {
    const store = open();
    for (let r = 0; r < 50; r++) store.saveRoom(room(`R${r}`, { r }));
    store.flush();
    expect(store.stats()).toEqual({
      pendingRooms: 0,
      batches: 1,
      batchedRooms: 50,
      writtenParts: 50,
      failedBatches: 0,
      threadBatches: 0,
    });

    // Proof from SQLite itself: make the 30th insert fail. If the batch were not one transaction
    // the first 29 rooms would be on disk; they are not.
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_r29 BEFORE UPDATE ON rooms WHEN NEW.code = 'R29'
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    for (let r = 0; r < 50; r++) store.saveRoom(room(`R${r}`, { r, v: 2 }));
    expect(() => store.flush()).toThrow(/disk on fire/);
    const codes = (db.prepare("SELECT code FROM rooms").all() as { code: string }[]).map((r) => r.code);
    expect(codes.filter((code) => (onDisk(db, code) as { v?: number }).v === 2)).toEqual([]);
    // Nothing was dropped: the whole batch is still pending and lands once the fault is gone.
    expect(store.stats()).toMatchObject({ pendingRooms: 50, failedBatches: 1 });
    db.exec("DROP TRIGGER refuse_r29");
    store.flush();
    expect(store.stats()).toMatchObject({ pendingRooms: 0, batches: 2, batchedRooms: 100 });
    expect(store.loadLiveRooms().every((r) => (r.snapshot as { v: number }).v === 2)).toBe(true);
    for (const code of codes) expect(onDisk(db, code)).toMatchObject({ v: 2 });
  });

  it("rewrites only the parts of an object snapshot that changed, and drops the parts that went", () => {
    const store = open();
    const seats = { s1: { name: "Ada", hand: ["c1", "c2"] }, s2: { name: "Bo", hand: ["c3"] } };
    const big = new EncodedJson(JSON.stringify({ cards: "x".repeat(5_000) }));
    store.saveRoom(room("CDF346", { version: 1, "seat s1": seats.s1, "seat s2": seats.s2, deck: big }));
    store.flush();
    expect(store.stats().writtenParts).toBe(4);
    // A step changed one seat and the version: two parts are written, not the deck.
    store.saveRoom(
      room("CDF346", {
        version: 2,
        "seat s1": { ...seats.s1, hand: ["c2"] },
        "seat s2": seats.s2,
        deck: big,
      }),
    );
    store.flush();
    expect(store.stats().writtenParts).toBe(6);
    // A seat that left is gone from disk as well.
    store.saveRoom(room("CDF346", { version: 3, "seat s1": { ...seats.s1, hand: ["c2"] }, deck: big }));
    store.flush();
    expect(store.stats().writtenParts).toBe(7);
    const db = peek();
    const expected = {
      version: 3,
      "seat s1": { name: "Ada", hand: ["c2"] },
      deck: { cards: "x".repeat(5_000) },
    };
    expect(onDisk(db, "CDF346")).toEqual(expected);
    store.close();
    const reopened = open();
    expect(reopened.loadLiveRooms()).toEqual([room("CDF346", expected)]);
    // After a restart it knows what is on disk: an unchanged save writes nothing but the room's row.
    reopened.saveRoom(room("CDF346", { ...expected, deck: big }));
    reopened.flush();
    expect(reopened.stats().writtenParts).toBe(0);
  });

  it("switches a room between a whole snapshot and parts without leaving stale parts", () => {
    const store = open();
    store.saveRoom(room("CDF346", { a: 1, b: 2 }));
    store.flush();
    store.saveRoom(room("CDF346", [1, 2, 3]));
    store.flush();
    const db = peek();
    expect(onDisk(db, "CDF346")).toEqual([1, 2, 3]);
    expect((db.prepare("SELECT count(*) AS n FROM room_parts").get() as { n: number }).n).toBe(0);
    store.saveRoom(room("CDF346", { c: 3 }));
    store.flush();
    expect(onDisk(db, "CDF346")).toEqual({ c: 3 });
    expect(store.loadLiveRooms()).toEqual([room("CDF346", { c: 3 })]);
  });

  it("reads a room saved whole by the previous schema, and stores it as parts from then on", () => {
    open().close();
    const db = peek();
    // As a version-1 file holds it: the whole snapshot in rooms.snapshot.
    db.prepare("INSERT INTO rooms (code, snapshot, updated_at) VALUES ('OLD234', ?, 5)").run(
      JSON.stringify({ machine: { value: "build" }, auth: { tokens: {} } }),
    );
    const store = open();
    expect(store.loadLiveRooms()).toEqual([
      { code: "OLD234", snapshot: { machine: { value: "build" }, auth: { tokens: {} } }, updatedAt: 5 },
    ]);
    store.saveRoom(room("OLD234", { machine: { value: "rebut" }, auth: { tokens: {} } }, 6));
    store.flush();
    expect(db.prepare("SELECT snapshot FROM rooms WHERE code = 'OLD234'").get()).toEqual({ snapshot: "" });
    expect(onDisk(db, "OLD234")).toEqual({ machine: { value: "rebut" }, auth: { tokens: {} } });
  });

  it("deletes a room's parts with the room, when it is deleted or finished", () => {
    const store = open();
    store.saveRoom(room("CDF346", { a: 1 }));
    store.saveRoom(room("QRT679", { b: 2 }));
    store.flush();
    store.deleteRoom("CDF346");
    store.finishRoom("QRT679", game("game_1"));
    const db = peek();
    expect((db.prepare("SELECT count(*) AS n FROM room_parts").get() as { n: number }).n).toBe(0);
    // The same code used again starts clean.
    store.saveRoom(room("CDF346", { c: 3 }));
    store.flush();
    expect(onDisk(db, "CDF346")).toEqual({ c: 3 });
  });

  it("retries on its timer after an explicit flush failed", () => {
    vi.useFakeTimers();
    const store = open(50, { thread: false });
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_all BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'busy'); END`);
    store.saveRoom(room("CDF346"));
    expect(() => store.flush()).toThrow(/busy/);
    db.exec("DROP TRIGGER refuse_all");
    vi.advanceTimersByTime(50);
    expect(roomCount(db)).toBe(1);
  });

  it("writes a batch on its timer", () => {
    vi.useFakeTimers();
    const store = open(80, { thread: false });
    store.saveRoom(room("CDF346"));
    store.saveRoom(room("QRT679"));
    const db = peek();
    vi.advanceTimersByTime(79);
    expect(roomCount(db)).toBe(0);
    vi.advanceTimersByTime(1);
    expect(roomCount(db)).toBe(2);
    expect(store.stats()).toMatchObject({ batches: 1, batchedRooms: 2, pendingRooms: 0 });
  });

  it("keeps pending snapshots and retries when a timed batch fails, without throwing", () => {
    vi.useFakeTimers();
    const store = open(50, { thread: false });
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_all BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    store.saveRoom(room("CDF346", { v: 1 }));
    expect(() => vi.advanceTimersByTime(50)).not.toThrow();
    expect(store.stats()).toMatchObject({ pendingRooms: 1, failedBatches: 1 });
    expect(
      fixture.lines.some((l) => l.includes("level=error") && l.includes('err="SqliteError: disk full"')),
    ).toBe(true);

    store.saveRoom(room("CDF346", { v: 2 })); // a newer snapshot replaces the failed one
    db.exec("DROP TRIGGER refuse_all");
    vi.advanceTimersByTime(5_000);
    expect(store.stats()).toMatchObject({ pendingRooms: 0, batches: 1 });
    expect(onDisk(db, "CDF346")).toEqual({ v: 2 });
  });

  it("afterWrite holds an ack until the batch holding its snapshot has committed", () => {
    vi.useFakeTimers();
    const store = open(50, { thread: false });
    const db = peek();
    const acks: string[] = [];
    store.saveRoom(room("CDF346"));
    store.afterWrite(() => acks.push(`first sees ${roomCount(db)} rows`));
    store.saveRoom(room("QRT679"));
    store.afterWrite(() => acks.push(`second sees ${roomCount(db)} rows`));
    vi.advanceTimersByTime(49);
    expect(acks).toEqual([]);
    vi.advanceTimersByTime(1);
    // Run inside the commit's aftermath: another connection already sees both rows.
    expect(acks).toEqual(["first sees 2 rows", "second sees 2 rows"]);
    expect(store.stats().batches).toBe(1);
  });

  it("afterWrite callbacks wait through a failed batch and run after its retry", () => {
    vi.useFakeTimers();
    const store = open(50, { thread: false });
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_all BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    let acked = false;
    store.saveRoom(room("CDF346"));
    store.afterWrite(() => {
      acked = true;
    });
    vi.advanceTimersByTime(50);
    expect(acked).toBe(false);
    db.exec("DROP TRIGGER refuse_all");
    vi.advanceTimersByTime(5_000);
    expect(acked).toBe(true);
  });

  it("close() writes the batch and runs the waiting callbacks", () => {
    const store = open();
    let acked = false;
    store.saveRoom(room("CDF346"));
    store.afterWrite(() => {
      acked = true;
    });
    store.close();
    expect(acked).toBe(true);
    expect(open().loadLiveRooms()).toEqual([room("CDF346")]);
  });

  it("never resurrects a deleted or finished room from a pending snapshot", () => {
    vi.useFakeTimers();
    const store = open(50, { thread: false });
    store.saveRoom(room("CDF346"));
    store.saveRoom(room("QRT679"));
    store.deleteRoom("CDF346");
    store.finishRoom("QRT679", game("game_1", { code: "QRT679" }));
    vi.advanceTimersByTime(1_000);
    store.close();
    const reopened = open();
    expect(reopened.loadLiveRooms()).toEqual([]);
    expect(reopened.getGame("game_1")).toBeDefined();
  });

  it("finishRoom is one transaction: if retiring the room fails, the game is not filed", () => {
    const store = open();
    store.saveRoom(room("CDF346", { v: 1 }));
    store.flush();
    store.saveRoom(room("CDF346", { v: 2 })); // pending, not yet written
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_delete BEFORE DELETE ON rooms BEGIN SELECT RAISE(ABORT, 'locked'); END`);
    expect(() => store.finishRoom("CDF346", game("game_1"))).toThrow(/locked/);
    expect(store.getGame("game_1")).toBeUndefined();
    // The room is still live, and its newest snapshot was not thrown away.
    expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 2 })]);
    db.exec("DROP TRIGGER refuse_delete");
    store.finishRoom("CDF346", game("game_1"));
    expect(store.loadLiveRooms()).toEqual([]);
    expect(store.getGame("game_1")).toEqual(game("game_1"));
  });

  it("skips a corrupt row with a warning instead of failing to start", () => {
    const first = open();
    first.saveRoom(room("CDF346"));
    first.saveGame(game("game_ok", { finishedAt: 1 }));
    first.close();
    const db = peek();
    db.prepare("INSERT INTO rooms (code, snapshot, updated_at) VALUES ('BROKEN', '{\"half\": ', 0)").run();
    db.prepare(
      `INSERT INTO games (id, code, finished_at, summary, report, plan) VALUES ('game_bad', 'X', 2, 'not json', '{}', '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO decks (id, title, deck, plan, created_at) VALUES ('deck_bad', 'T', '{', 'plan', 0)`,
    ).run();

    const store = open();
    expect(store.loadLiveRooms()).toEqual([room("CDF346")]);
    expect(store.listGames({ limit: 10 }).map((g) => g.id)).toEqual(["game_ok"]);
    expect(store.getGame("game_bad")).toBeUndefined();
    expect(store.getDeck("deck_bad")).toBeUndefined();
    const warnings = fixture.lines.filter(
      (l) => l.includes("level=warn") && l.includes("skipping unreadable row"),
    );
    expect(warnings.some((l) => l.includes("table=rooms id=BROKEN column=snapshot"))).toBe(true);
    expect(warnings.some((l) => l.includes("table=games id=game_bad column=summary"))).toBe(true);
    expect(warnings.some((l) => l.includes("table=decks id=deck_bad column=deck"))).toBe(true);
  });

  it("refuses a database written by a newer version, with a message that says what to do", () => {
    open().close();
    const db = peek();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => open()).toThrow(/newer Debate Deck: upgrade, or point DATA_DIR at another folder/);
  });

  it("throws a clear error on a write after close", () => {
    const store = open();
    store.close();
    expect(() => store.saveRoom(room("CDF346"))).toThrow(
      new StoreError("store_closed", "store is closed: saveRoom() called after close()"),
    );
  });

  it("reads its own unflushed room snapshots", () => {
    const store = open();
    store.saveRoom(room("CDF346", { v: 1 }));
    expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 1 })]);
  });
});
