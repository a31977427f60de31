// Each student's private part (hand, own votes and proposals, verdict vote) is sent only when it
// changed, and the broadcaster decides that by identity shortcuts (server/broadcast.ts). Proof that
// no change is ever missed: through a whole class game over real sockets (cards, sentences,
// support, a student moved mid-round, every phase), whenever a student receives the view of a
// broadcast, the private part they hold is the one the room's state at that broadcast gives them.
import { afterEach, beforeEach, expect, it } from "vitest";
import { seatView } from "../game/views";
import { playWholeGame } from "./testing/game";
import { type Client, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, type Table } from "./testing/table";

let server: TestServer;
let table: Table | undefined;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await server.close();
});

it("a student's private part is never stale when a view of theirs arrives, through a whole game", async () => {
  // The private part of every seat at every broadcast, by the view version that broadcast carries.
  const truth = new Map<number, Map<string, string>>();
  const broadcaster = server.realtime.broadcaster;
  const room = broadcaster.room.bind(broadcaster);
  broadcaster.room = (live) => {
    const ctx = live.room.context;
    const parts = new Map<string, string>();
    for (const seat of Object.keys(ctx.seats))
      parts.set(seat, JSON.stringify(seatView(ctx, live.room.phase, seat)));
    truth.set(ctx.version, parts);
    room(live);
  };
  table = await openTable(server.url, { students: 8 });
  await playWholeGame(table);
  await table.screen.until((c) => c.view?.phase === "verdict");

  let checked = 0;
  let sent = 0;
  for (const { client, seat } of table.students) {
    let held: unknown = null;
    for (const f of (client as Client).frames) {
      if (f.event === "me") {
        held = (f.payload as { me: unknown }).me;
        sent++;
        continue;
      }
      if (f.event !== "view") continue;
      const version = (f.payload as { view: { version?: number } }).view.version;
      const expected = version === undefined ? undefined : truth.get(version)?.get(seat);
      if (expected === undefined) continue; // a first sync, not a broadcast
      expect(JSON.stringify(held), `seat ${seat} at version ${version}`).toBe(expected);
      checked++;
    }
  }
  // Every student was checked at many broadcasts, and the parts went out far less often than views.
  console.info(`[me-parts] ${checked} views checked, ${sent} private parts sent`);
  expect(checked).toBeGreaterThan(8 * 40);
  expect(sent).toBeLessThan(checked / 2);
});
