// The leak audit: every frame every client received across a whole game (host, projector, a
// student still on the join page, six students on both teams, one moved mid-round) is checked
// against the server's own truth. It fails on any other player's hand, the other team's draft,
// any token, secret or device key, or anything private on the projector or the teacher's screen.
import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStore } from "./store";
import { playWholeGame } from "./testing/game";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, type Table } from "./testing/table";
import { type Audience, audit } from "./testing/audit";
import { recordTruth } from "./testing/truth";

let t: TestServer | undefined;
let table: Table | undefined;

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t?.close();
  t = undefined;
});

describe("leak audit over a whole game", () => {
  it("no client ever receives what its audience may not see", async () => {
    const { store, truth } = recordTruth(openMemoryStore());
    t = await startTestServer({ store, rate: { capacity: 200, refillPerSecond: 100 } });
    table = await openTable(t.url, { students: 6 });
    const waiting = await connectClient(t.url, {
      role: "player",
      code: table.code,
      device: "still-on-join-page",
    });
    table.clients.push(waiting);
    await playWholeGame(table);
    await waiting.until((c) => c.view?.phase === "verdict");

    const devices = [...table.students.map((s) => s.device), "still-on-join-page"];
    const secrets = [table.hostSecret, ...table.students.map((s) => s.token), ...devices, ...truth.hashes];
    const audiences: [Audience, Client][] = [
      [{ kind: "host" }, table.host],
      [{ kind: "screen" }, table.screen],
      [{ kind: "waiting" }, waiting],
      ...table.students.map((s): [Audience, Client] => [{ kind: "student", seat: s.seat }, s.client]),
    ];
    const problems = audiences.flatMap(([who, client]) => audit(who, client.frames, truth, secrets));
    expect(problems.slice(0, 20)).toEqual([]);

    // The audit looked at a real game, not an empty one.
    expect(truth.proposals.size).toBeGreaterThan(20);
    const teamFramesWithDrafts = table.students.flatMap((s) =>
      s.client.frames.filter(
        (f) =>
          f.event === "view" && ((f.payload as { view: { draft?: unknown[] } }).view.draft?.length ?? 0) > 0,
      ),
    );
    expect(teamFramesWithDrafts.length).toBeGreaterThan(20);
    expect(
      new Set(
        table.students.flatMap((s) =>
          s.client.frames.filter((f) => f.event === "me").map((f) => JSON.stringify(f.payload)),
        ),
      ).size,
    ).toBeGreaterThan(20);
    const moved = table.students[0]?.client.frames
      .filter((f) => f.event === "me")
      .map((f) => (f.payload as { me: { team: string } }).me.team);
    expect(new Set(moved).size).toBe(2);
    expect(table.screen.view?.verdict?.before.reduce((a, b) => a + b, 0)).toBe(6);
  });
});
