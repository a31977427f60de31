// Presence after a restart: a restored room's students stay present for the restore grace (their
// browsers are finding the server again), then whoever is not back is marked away and a vote stops
// waiting for them; one who comes back later is present again at once. In-process, on the real
// SQLite adapter, with a short grace (server/restart.test.ts plays the same on a real process).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { openSqliteStore, type SqliteStore } from "./store";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, type Table } from "./testing/table";

let t: TestServer | undefined;
let table: Table | undefined;
let store: SqliteStore | undefined;
let back: Client | undefined;
let dir = "";

afterEach(async () => {
  back?.close();
  closeTable(table);
  table = undefined;
  await t?.close();
  t = undefined;
  store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("keeps a restored class present for the grace, then marks away who is not back; the vote waits", async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-restore-"));
  store = openSqliteStore({ dir });
  t = await startTestServer({ store });
  table = await openTable(t.url, { students: 2 });
  const code = table.code;
  await must(table.host.command({ type: "start" }));
  const [one] = table.students;
  if (!one) throw new Error("no pupil");
  await must(one.client.command({ type: "verdictVote", value: 3 }));
  closeTable(table);
  table = undefined;
  await t.close();
  store.close();

  store = openSqliteStore({ dir });
  t = await startTestServer({ store, restoreGraceMs: 300 });
  const live = t.realtime.registry.get(code);
  if (!live) throw new Error("room not restored");
  const statuses = () => Object.values(live.room.context.seats).map((s) => s.status);
  // Restored as saved: nobody is away yet, and the opening vote is still on.
  expect(statuses()).toEqual(["present", "present"]);
  expect(live.room.phase).toBe("voteBefore");
  // Nobody came back within the grace: both away, and with nobody present the vote waits.
  await vi.waitFor(() => expect(statuses()).toEqual(["away", "away"]), { timeout: 5_000 });
  expect(live.room.phase).toBe("voteBefore");
  // The pupil who voted comes back: present again, the only one present has voted, the vote ends.
  back = await connectClient(t.url, { role: "player", code, token: one.token, device: one.device });
  await vi.waitFor(() => expect(live.room.phase).toBe("build"), { timeout: 5_000 });
  expect(live.room.context.seats[one.seat]?.status).toBe("present");
  expect(live.room.context.verdict.before).toEqual({ [one.seat]: 3 });
});
