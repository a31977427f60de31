// `views: "patch"` connections: over a whole class game (joins, votes, proposals, a student moved to
// the other team mid-round, every phase), every patch merged over the previous view equals, field
// for field, the whole view a `full` connection of the same audience got for that version — and the
// patches are a fraction of the bytes.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { ScreenView } from "../game/views";
import { playWholeGame } from "./testing/game";
import {
  type Client,
  connectClient,
  createRoom,
  type Joined,
  newDevice,
  startTestServer,
  type TestServer,
} from "./testing/harness";
import type { Table } from "./testing/table";

let server: TestServer;
const clients: Client[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function student(code: string, name: string, views: "full" | "patch"): Promise<Joined> {
  const device = newDevice();
  const client = await connectClient(server.url, { role: "player", code, device, views });
  clients.push(client);
  const ack = await client.join(name);
  if (!ack.ok) throw new Error(`join: ${ack.message}`);
  await client.until((c) => c.me !== null);
  (client.socket.auth as Record<string, unknown>).token = ack.token;
  return { client, seat: ack.seat, token: ack.token, device };
}

type Frame = { event: string; payload: unknown };
type ViewFrame = { view: ScreenView & Record<string, unknown>; patch?: true };

function audienceOf(view: ScreenView & Record<string, unknown>): string {
  return view.audience === "team" ? `team:${String(view.team)}` : view.audience;
}

it("a patch merged over the previous view is the whole view, through a whole game", async () => {
  const { code, hostSecret } = await createRoom(server.url);
  const host = await connectClient(server.url, { role: "host", code, secret: hostSecret });
  const screen = await connectClient(server.url, { role: "screen", code });
  const patchHost = await connectClient(server.url, {
    role: "host",
    code,
    secret: hostSecret,
    views: "patch",
  });
  const patchScreen = await connectClient(server.url, { role: "screen", code, views: "patch" });
  clients.push(host, screen, patchHost, patchScreen);
  // Teams fill alternately, so pupils 1, 2, 5 and 6 asking for patches put a patch and a full
  // connection in each team: every audience has whole views to check patches against. Pupil 1 is
  // moved to the other team mid-game by playWholeGame.
  const asksPatch = (i: number) => i % 4 < 2;
  const students: Joined[] = [];
  for (let i = 0; i < 8; i++)
    students.push(await student(code, `Pupil ${i + 1}`, asksPatch(i) ? "patch" : "full"));
  await host.until((c) => c.view?.seats.length === 8);
  const table: Table = { url: server.url, code, hostSecret, host, screen, students, clients: [] };

  await playWholeGame(table);
  await patchScreen.until((c) => c.view?.phase === "verdict" && c.results !== null);

  // Every whole view a full connection got, by audience and version.
  const whole = new Map<string, string>();
  for (const c of [host, screen, ...students.filter((_, i) => !asksPatch(i)).map((s) => s.client)])
    for (const f of c.frames as Frame[])
      if (f.event === "view") {
        const v = (f.payload as ViewFrame).view;
        whole.set(`${audienceOf(v)}@${v.version}`, JSON.stringify(v));
      }

  let compared = 0;
  let frames = 0;
  let patches = 0;
  let patchBytes = 0;
  let wholeBytes = 0;
  for (const c of [patchHost, patchScreen, ...students.filter((_, i) => asksPatch(i)).map((s) => s.client)]) {
    let held: (ScreenView & Record<string, unknown>) | null = null;
    for (const f of c.frames as Frame[]) {
      if (f.event !== "view") continue;
      const p = f.payload as ViewFrame;
      if (p.patch) {
        expect(held, "a patch never comes first").not.toBeNull();
        patches++;
        patchBytes += JSON.stringify(p.view).length;
      }
      frames++;
      held = (p.patch ? { ...held, ...p.view } : p.view) as ScreenView & Record<string, unknown>;
      const expected = whole.get(`${audienceOf(held)}@${held.version}`);
      if (expected === undefined) continue;
      wholeBytes += expected.length;
      expect(JSON.stringify(held)).toBe(expected);
      compared++;
    }
    // And the client's own merged view (the harness merges as the UI would) is the last one.
    expect(c.view).toEqual(held);
  }
  console.log(
    `[views patch] ${patches} patches, ${compared} checked against whole views; mean ${Math.round(patchBytes / patches)} B vs ${Math.round(wholeBytes / compared)} B whole`,
  );
  expect(patches).toBeGreaterThan(100);
  // Nearly every view a patch connection held was also sent whole to a full one (the exceptions: the
  // views of the lobby before every pupil had joined, sent to audiences nobody full was in yet).
  expect(compared).toBeGreaterThan(frames * 0.9);
  // A patch is a small part of a whole view on average (the seat list and the rubric rarely change).
  expect(patchBytes / patches).toBeLessThan((wholeBytes / compared) * 0.5);
}, 60_000);
