// Room snapshot batches committed on the writer thread: real thread, real file, a second connection
// reading what is on disk. (sqlite.test.ts drives the batching rules with fake timers on the store's
// own connection; these check that the thread keeps the same promises.)
import { rmSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { game, room } from "./contract";
import { batchGap, RoomBatches } from "./room-batches";
import { packRooms, unpackRooms } from "./room-sql";
import { type Landed, RoomWriter } from "./room-writer";
import { roomRow } from "./rows";
import { openSqliteStore, SQLITE_FILE_NAME } from "./sqlite";
import { sqliteFixture } from "./sqlite-fixture";

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("room snapshots on the writer thread", () => {
  const fixture = sqliteFixture();
  const { open, peek, log } = fixture;
  const codesOnDisk = (db: Database.Database) =>
    (db.prepare("SELECT code FROM rooms ORDER BY code").all() as { code: string }[]).map((r) => r.code);
  const partOnDisk = (db: Database.Database, code: string, part: string) =>
    (
      db.prepare("SELECT json FROM room_parts WHERE code = ? AND part = ?").get(code, part) as
        | { json: string }
        | undefined
    )?.json;

  it("commits a timed batch on the thread", async () => {
    const store = open(20);
    const db = peek();
    store.saveRoom(room("CDF346", { v: 1 }));
    store.saveRoom(room("QRT679", { v: 1 }));
    let acked = false;
    store.afterWrite(() => {
      acked = true;
    });
    expect(codesOnDisk(db)).toEqual([]);
    // The rows are readable on disk a moment before the thread's reply reaches this one: wait for
    // the ack, which runs after the store has counted the batch.
    await until(() => acked, "the batch");
    expect(codesOnDisk(db)).toEqual(["CDF346", "QRT679"]);
    expect(store.stats()).toMatchObject({ batches: 1, threadBatches: 1, batchedRooms: 2, pendingRooms: 0 });
    expect(partOnDisk(db, "CDF346", "v")).toBe("1");
  });

  it("acks (afterWrite) only once another connection can read the batch, never synchronously", async () => {
    const store = open();
    const db = peek();
    const acks: string[] = [];
    store.saveRoom(room("CDF346"));
    store.afterWrite(() => acks.push(`first sees ${codesOnDisk(db).length}`));
    store.saveRoom(room("QRT679"));
    store.afterWrite(() => acks.push(`second sees ${codesOnDisk(db).length}`));
    store.writeSoon();
    // Saved while the batch is in flight: waits for the next batch, which starts when this one lands.
    store.saveRoom(room("VWX234"));
    store.afterWrite(() => acks.push(`third sees ${codesOnDisk(db).length}`));
    store.writeSoon();
    expect(acks).toEqual([]);
    await until(() => acks.length === 3, "the acks");
    expect(acks).toEqual(["first sees 2", "second sees 2", "third sees 3"]);
    expect(store.stats()).toMatchObject({ batches: 2, threadBatches: 2 });
  });

  it("keeps a failed batch pending, holds its acks, and lands it on retry", async () => {
    const store = open(10);
    const db = peek();
    db.exec(`CREATE TRIGGER refuse_all BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    let acked = false;
    store.saveRoom(room("CDF346", { v: 1 }));
    store.afterWrite(() => {
      acked = true;
    });
    store.writeSoon();
    await until(() => store.stats().failedBatches > 0, "the failure");
    expect(acked).toBe(false);
    expect(store.stats().pendingRooms).toBe(1);
    expect(fixture.lines.some((l) => l.includes("level=error") && l.includes("disk full"))).toBe(true);
    store.saveRoom(room("CDF346", { v: 2 })); // a newer snapshot replaces the failed one
    db.exec("DROP TRIGGER refuse_all");
    await until(() => acked, "the retry");
    expect(partOnDisk(db, "CDF346", "v")).toBe("2");
  });

  it("a drain (deleting a room) does not hold up what was saved and acked while a batch was in flight", async () => {
    const store = open(); // batches only on demand: no timer would rescue a stranded ack
    store.saveRoom(room("CDF346"));
    store.writeSoon(); // in flight
    store.saveRoom(room("QRT679"));
    let acked = false;
    store.afterWrite(() => {
      acked = true;
    });
    store.writeSoon(); // asked while the first is in flight
    store.deleteRoom("VWX234"); // waits for the batch in flight
    await until(() => acked, "the ack of the second save");
    expect(codesOnDisk(peek())).toEqual(["CDF346", "QRT679"]);
  });

  it("acks run in the order they were asked for, even when a deleted room left one waiting", async () => {
    const store = open();
    const calls: string[] = [];
    store.saveRoom(room("CDF346"));
    store.afterWrite(() => calls.push("first"));
    store.deleteRoom("CDF346"); // nothing of it is pending any more
    store.afterWrite(() => calls.push("second"));
    await until(() => calls.length === 2, "both acks");
    expect(calls).toEqual(["first", "second"]);
  });

  it("never brings back a room deleted or finished while its batch was in flight", () => {
    const store = open();
    for (let i = 0; i < 200; i++) store.saveRoom(room(`R${String(i).padStart(3, "0")}`, { i }));
    store.writeSoon();
    store.deleteRoom("R000");
    store.finishRoom("R001", game("game_1", { code: "R001" }));
    store.close();
    const reopened = open();
    const codes = reopened.loadLiveRooms().map((r) => r.code);
    expect(codes).toHaveLength(198);
    expect(codes).not.toContain("R000");
    expect(codes).not.toContain("R001");
    expect(reopened.getGame("game_1")).toBeDefined();
  });

  it("ends with the latest snapshot of every room on disk, however saves and batches interleave", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ save: fc.constantFrom("CDF346", "QRT679", "VWX234"), v: fc.nat(5), w: fc.boolean() }),
            fc.constantFrom("writeSoon" as const, "flush" as const, "tick" as const),
          ),
          { maxLength: 40 },
        ),
        async (ops) => {
          rmSync(fixture.dir, { recursive: true, force: true });
          const store = openSqliteStore({ dir: fixture.dir, batchMs: 1, log: log() });
          const latest = new Map<string, unknown>();
          try {
            for (const op of ops) {
              if (op === "writeSoon") store.writeSoon();
              else if (op === "flush") store.flush();
              else if (op === "tick") await new Promise((r) => setTimeout(r, 1));
              else {
                // A part that comes and goes, so batches drop parts as well as write them.
                const snapshot = op.w ? { v: op.v, w: op.v } : { v: op.v };
                store.saveRoom({ code: op.save, snapshot, updatedAt: 1 });
                latest.set(op.save, snapshot);
              }
            }
          } finally {
            store.close();
          }
          expect(fixture.reopenedRooms()).toEqual(latest);
        },
      ),
      { numRuns: 25 },
    );
    // 25 stores, each with its writer thread: 3.5-7.7 s in CI, once 10.6 s (past the 10 s default).
  }, 30_000);

  it("a wait for a thread that could not start ends at once, not after the 30 s limit", () => {
    let stopped: Error | null = null;
    const writer = new RoomWriter(join(fixture.dir, "missing", "folder", SQLITE_FILE_NAME), (err) => {
      stopped = err;
    });
    let landed: Landed | null = null;
    writer.send([], (result) => {
      landed = result;
    });
    const started = Date.now();
    writer.wait();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(landed).toMatchObject({ ok: false });
    expect(String(stopped)).toMatch(/failed to start/);
    expect(writer.alive).toBe(false);
  });

  it("writes on the store's own connection when the thread cannot run", async () => {
    const store = open(); // creates the schema
    store.close();
    const db = peek();
    let stopped: Error | null = null;
    const batches = new RoomBatches(
      db,
      // A thread whose database cannot open: it stops at once.
      () =>
        new RoomWriter(join(fixture.dir, "missing", "folder", SQLITE_FILE_NAME), (err) => {
          stopped = err;
        }),
      5,
      log(),
    );
    let acked = false;
    batches.save(roomRow(room("CDF346", { v: 1 })));
    batches.afterWrite(() => {
      acked = true;
    });
    batches.writeSoon();
    await until(() => acked, "the ack");
    expect(stopped).not.toBeNull();
    expect(partOnDisk(db, "CDF346", "v")).toBe("1");
    expect(batches.stats()).toMatchObject({ pendingRooms: 0, threadBatches: 0 });
    batches.close();
  });
});

describe("rooms packed for the writer thread", () => {
  it("unpack gives back exactly what was packed", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 12 });
    const wire = fc.record({
      code: text,
      snapshot: text,
      updated_at: fc.nat(),
      wipe: fc.boolean(),
      put: fc.array(fc.tuple(text, text), { maxLength: 4 }),
      drop: fc.array(text, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(wire, { maxLength: 5 }), (rooms) => {
        expect(unpackRooms(packRooms(rooms))).toEqual(rooms);
      }),
    );
  });
});

describe("the gap between two batches", () => {
  it("is 20 ms after a lone room's batch, grows with the rooms a batch carried, and stops at 100 ms", () => {
    expect(batchGap(0)).toBe(20);
    expect(batchGap(1)).toBe(20);
    expect(batchGap(3)).toBe(60);
    expect(batchGap(5)).toBe(100);
    expect(batchGap(400)).toBe(100);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        expect(batchGap(Math.min(a, b))).toBeLessThanOrEqual(batchGap(Math.max(a, b)));
      }),
    );
  });
});
