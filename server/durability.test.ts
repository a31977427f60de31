// Acks after durability, measured on the real SQLite adapter: an acknowledged action is in a
// committed batch (group commit), a refusal is answered at once (nothing was written), and many
// pupils acting together share one batch instead of queueing behind each other's writes.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSnapshot } from "./room-record";
import { openSqliteStore, type SqliteStore } from "./store";
import { startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, playToBuild, type Table } from "./testing/table";

/** Far longer than any ack should take: an ack that waited for the batch window would show. */
const BATCH_MS = 1_000;
const PARAGRAPH = ["point", "evidence1", "evidence2", "explanation", "link"];
let t: TestServer | undefined;
let table: Table | undefined;
let store: SqliteStore | undefined;
let dir = "";

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t?.close();
  t = undefined;
  store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const at = performance.now();
  const value = await fn();
  return [value, performance.now() - at];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe("acks after durability (SQLite, group commit)", () => {
  it("acknowledges an applied action only after its batch commits; refusals at once", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-durable-"));
    store = openSqliteStore({ dir, batchMs: BATCH_MS });
    const sqlite = store;
    t = await startTestServer({ store: sqlite, rate: { capacity: 1000, refillPerSecond: 1000 } });
    table = await openTable(t.url, { students: 20 });
    await playToBuild(table, { buildMs: 300_000 });

    // Applied: each ack finds its step already written (nothing pending for this room).
    const applied: number[] = [];
    for (let i = 0; i < 20; i++) {
      const batchesBefore = sqlite.stats().batches;
      const [ack, ms] = await timed(
        () => table?.host.command({ type: "addTime", ms: 1_000 }) as Promise<{ ok: boolean }>,
      );
      expect(ack.ok).toBe(true);
      expect(sqlite.stats().batches).toBeGreaterThan(batchesBefore);
      expect(sqlite.stats().pendingRooms).toBe(0);
      applied.push(ms);
    }
    // Refused: nothing was written, so nothing is waited for.
    const refused: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [ack, ms] = await timed(
        () => table?.host.command({ type: "resume" }) as Promise<{ ok: boolean }>,
      );
      expect(ack.ok).toBe(false);
      refused.push(ms);
    }
    // Twenty pupils at once: a few shared transactions, not twenty writes in a row.
    const batchesBefore = sqlite.stats().batches;
    const [together, allMs] = await timed(() =>
      Promise.all(
        table?.students.map((s, i) =>
          s.client.command({
            type: "write",
            slot: PARAGRAPH[i % PARAGRAPH.length],
            text: "In our own words",
          }),
        ) ?? [],
      ),
    );
    expect(together.filter((a) => !a.ok)).toEqual([]);
    expect(sqlite.stats().batches - batchesBefore).toBeLessThan(20);

    const figures = {
      appliedP50: percentile(applied, 50),
      appliedMax: Math.max(...applied),
      refusedP50: percentile(refused, 50),
      twentyAtOnceMs: allMs,
    };
    console.info(
      `[ack latency, batch ${BATCH_MS} ms] ${JSON.stringify(figures, (_k, v) => (typeof v === "number" ? Math.round(v) : v))}`,
    );
    // Someone waiting commits the batch at the end of the turn, not after the batch window. (Loose
    // bounds: the figures printed above are the measurement; a busy CI machine must not fail here.)
    expect(figures.appliedP50).toBeLessThan(BATCH_MS / 4);
    expect(figures.appliedMax).toBeLessThan(BATCH_MS);
    expect(figures.refusedP50).toBeLessThan(BATCH_MS / 4);
    expect(figures.twentyAtOnceMs).toBeLessThan(BATCH_MS);
  });

  it("on shutdown flushes the steps nobody waited for: the last one is in the file", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-flush-"));
    // A batch window far longer than the test: only acks (which commit) and the shutdown flush write.
    store = openSqliteStore({ dir, batchMs: 60_000 });
    const sqlite = store;
    t = await startTestServer({ store: sqlite, awayGraceMs: 50 });
    table = await openTable(t.url, { students: 1 });
    const [pupil] = table.students;
    // A lid closes: the "away" step comes from a timer, with no ack to commit it early.
    pupil?.client.close();
    await table.host.until((c) => c.view?.seats[0]?.status === "away");
    expect(sqlite.stats().pendingRooms).toBe(1);
    closeTable(table);
    table = undefined;
    await t.close();
    t = undefined;
    sqlite.close();
    store = openSqliteStore({ dir });
    const [room] = store.loadLiveRooms();
    const saved = readSnapshot(room?.snapshot).machine.context as {
      seats: Record<string, { status: string }>;
    };
    expect(saved.seats[pupil?.seat ?? ""]?.status).toBe("away");
  });
});
