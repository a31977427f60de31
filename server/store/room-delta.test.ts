// Saving only what changed (RoomRecord.changed): however saves of changes, whole saves, batches,
// failed batches, deletes and reads interleave, what is on disk in the end is every room's latest
// snapshot, with no part of an older one left behind. Real store, real writer thread, real file.
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RoomBatches } from "./room-batches";
import { RoomWriter } from "./room-writer";
import { openSqliteStore, SQLITE_FILE_NAME } from "./sqlite";
import { sqliteFixture } from "./sqlite-fixture";
import { createLogger } from "../log";
import { join } from "node:path";

const CODES = ["CDF346", "QRT679"] as const;
const KEYS = ["a", "b", "c", "d"] as const;

type Op =
  | { save: (typeof CODES)[number]; key: (typeof KEYS)[number]; value: number | null; hint: boolean }
  | { whole: (typeof CODES)[number]; value: number }
  | { delete: (typeof CODES)[number] }
  | "flush"
  | "writeSoon"
  | "tick"
  | "read"
  | "fail"
  | "mend";

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      save: fc.constantFrom(...CODES),
      key: fc.constantFrom(...KEYS),
      value: fc.option(fc.nat(3), { freq: 3 }),
      // Mostly with the hint, as the room server saves; now and then without.
      hint: fc.constantFrom(true, true, true, true, false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ whole: fc.constantFrom(...CODES), value: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ delete: fc.constantFrom(...CODES) }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("flush" as const, "writeSoon" as const, "tick" as const, "read" as const),
  },
  { weight: 2, arbitrary: fc.constantFrom("fail" as const, "mend" as const) },
);

/** Entries whose JSON differs between two snapshots (all of them when either is not an object). */
function changedBetween(before: unknown, after: Record<string, unknown>): Set<string> {
  const keys = new Set(Object.keys(after));
  if (typeof before !== "object" || before === null || Array.isArray(before)) return keys;
  const old = before as Record<string, unknown>;
  for (const key of Object.keys(old)) keys.add(key);
  return new Set([...keys].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(after[key])));
}

describe("saving a room's changes only", () => {
  const fixture = sqliteFixture();
  const { log } = fixture;

  it("a row of changes with nothing under it is kept, and its ack waits, instead of wedging the store", async () => {
    openSqliteStore({ dir: fixture.dir, log: log() }).close(); // the schema
    const db = fixture.peek();
    const lines: string[] = [];
    const batches = new RoomBatches(
      db,
      () => new RoomWriter(join(fixture.dir, SQLITE_FILE_NAME), () => {}),
      1,
      createLogger({}, { level: "debug", sink: (line) => lines.push(line) }),
    );
    // What the store never does (saveRoom checks hasParts first): changes for a room it has no parts of.
    const orphan = {
      code: "CDF346",
      snapshot: "",
      updated_at: 1,
      parts: new Map([["v", "1"]]),
      gone: new Set<string>(),
    };
    batches.save(orphan);
    let acked = false;
    batches.afterWrite(() => {
      acked = true;
    });
    batches.writeSoon();
    expect(batches.stats().pendingRooms).toBe(1);
    expect(lines.some((l) => l.includes("batch failed") && l.includes("needs the parts on disk"))).toBe(true);
    // A whole row of the room replaces it: it lands, and the ack comes.
    batches.save({ code: "CDF346", snapshot: "", updated_at: 2, parts: new Map([["v", "2"]]) });
    batches.writeSoon();
    const end = Date.now() + 10_000;
    while (!acked && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    expect(acked).toBe(true);
    batches.close();
  });

  it("ends with every room's latest snapshot on disk, however changes, batches and failures interleave", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 10, maxLength: 60, size: "max" }),
        fc.boolean(),
        async (ops, thread) => {
          rmSync(fixture.dir, { recursive: true, force: true });
          const store = openSqliteStore({ dir: fixture.dir, batchMs: 1, log: log(), writerThread: thread });
          // Another connection: it makes batches fail (as a full disk would) and lets them succeed again.
          const db = new Database(join(fixture.dir, SQLITE_FILE_NAME));
          /** What the caller last saved of each room: the snapshot the store must end up holding. */
          const latest = new Map<string, unknown>();
          const attempt = (fn: () => void) => {
            try {
              fn();
            } catch (err) {
              if (!/disk full/.test(String(err))) throw err;
            }
          };
          try {
            for (const o of ops) {
              if (o === "flush") attempt(() => store.flush());
              else if (o === "writeSoon") store.writeSoon();
              else if (o === "tick") await new Promise((r) => setTimeout(r, 2));
              else if (o === "read") attempt(() => store.loadLiveRooms());
              else if (o === "fail")
                db.exec(`CREATE TRIGGER IF NOT EXISTS full BEFORE INSERT ON room_parts
                       BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
              else if (o === "mend") db.exec("DROP TRIGGER IF EXISTS full");
              else if ("delete" in o) {
                attempt(() => store.deleteRoom(o.delete));
                latest.delete(o.delete);
              } else if ("whole" in o) {
                store.saveRoom({ code: o.whole, snapshot: [o.whole, o.value], updatedAt: 1 });
                latest.set(o.whole, [o.whole, o.value]);
              } else {
                const before = latest.get(o.save);
                const snapshot: Record<string, unknown> =
                  typeof before === "object" && before !== null && !Array.isArray(before)
                    ? { ...before }
                    : {};
                if (o.value === null) delete snapshot[o.key];
                else snapshot[o.key] = { n: o.value };
                const changed = changedBetween(before, snapshot);
                store.saveRoom({ code: o.save, snapshot, updatedAt: 1, ...(o.hint ? { changed } : {}) });
                latest.set(o.save, snapshot);
              }
            }
            db.exec("DROP TRIGGER IF EXISTS full");
          } finally {
            db.close();
            store.close();
          }
          expect(fixture.reopenedRooms()).toEqual(latest);
        },
      ),
      { numRuns: 80 },
    );
    // ~7 s alone on this machine; more with the rest of the suite running beside it.
  }, 60_000);
});
