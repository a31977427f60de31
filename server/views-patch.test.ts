// `views: "patch"` connections: over a whole class game (joins, votes, proposals, a student moved to
// the other team mid-round, every phase), every patch merged over the previous view equals, field
// for field, the whole view a `full` connection of the same audience got for that version — and the
// patches are a fraction of the bytes.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { ScreenView } from "../game/views";
import { MAX_VIEW_FRAME_BYTES } from "./view-frames";
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

/** A host and a projector screen taking whole views, and a host and a screen taking patches. */
async function viewers(code: string, secret: string) {
  const host = await connectClient(server.url, { role: "host", code, secret });
  const screen = await connectClient(server.url, { role: "screen", code });
  const patchHost = await connectClient(server.url, { role: "host", code, secret, views: "patch" });
  const patchScreen = await connectClient(server.url, { role: "screen", code, views: "patch" });
  clients.push(host, screen, patchHost, patchScreen);
  return { host, screen, patchHost, patchScreen };
}

type Frame = { event: string; payload: unknown };
type ViewFrame = { view: ScreenView & Record<string, unknown>; patch?: true; more?: true };

function audienceOf(view: ScreenView & Record<string, unknown>): string {
  return view.audience === "team" ? `team:${String(view.team)}` : view.audience;
}

it("a patch merged over the previous view is the whole view, through a whole game", async () => {
  const { code, hostSecret } = await createRoom(server.url);
  const { host, screen, patchHost, patchScreen } = await viewers(code, hostSecret);
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
  let split = 0;
  let patchBytes = 0;
  let wholeBytes = 0;
  for (const c of [patchHost, patchScreen, ...students.filter((_, i) => asksPatch(i)).map((s) => s.client)]) {
    let held: (ScreenView & Record<string, unknown>) | null = null;
    let building: (ScreenView & Record<string, unknown>) | null = null;
    for (const f of c.frames as Frame[]) {
      if (f.event !== "view") continue;
      const p = f.payload as ViewFrame;
      // Every frame to a patch connection is within the budget (plus its envelope).
      expect(JSON.stringify(p).length).toBeLessThanOrEqual(MAX_VIEW_FRAME_BYTES + 100);
      if (p.more) {
        // Part of a view in several frames: merged, and compared once the last part is in.
        building = (p.patch ? { ...(building ?? held), ...p.view } : p.view) as ScreenView &
          Record<string, unknown>;
        split++;
        continue;
      }
      if (building) {
        held = { ...building, ...p.view } as ScreenView & Record<string, unknown>;
        building = null;
        const expected = whole.get(`${audienceOf(held)}@${held.version}`);
        if (expected !== undefined) {
          expect(JSON.stringify(held)).toBe(expected);
          compared++;
        }
        frames++;
        continue;
      }
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
    `[views patch] ${patches} patches, ${compared} checked against whole views, ${split} frames of split views; mean ${Math.round(patchBytes / patches)} B vs ${Math.round(wholeBytes / compared)} B whole`,
  );
  expect(patches).toBeGreaterThan(100);
  // Nearly every view a patch connection held was also sent whole to a full one (the exceptions: the
  // views of the lobby before every pupil had joined, sent to audiences nobody full was in yet).
  expect(compared).toBeGreaterThan(frames * 0.9);
  // A patch is a small part of a whole view on average (the seat list and the rubric rarely change).
  expect(patchBytes / patches).toBeLessThan((wholeBytes / compared) * 0.5);
}, 60_000);

it("sends a big class's whole views to patch connections in frames within the budget, shown only when complete", async () => {
  const { code, hostSecret } = await createRoom(server.url);
  // 35 pupils with 24-character names: the largest seat list a view carries.
  for (let i = 0; i < 35; i++)
    await student(code, `Maximilian-Alexandra ${String(i).padStart(3, "0")}`, "full");
  const { host, screen, patchHost, patchScreen } = await viewers(code, hostSecret);
  const pupil = await student(code, "Zoë the late one", "patch");
  await screen.until((c) => c.view?.seats.length === 36);
  await patchScreen.until((c) => c.view?.seats.length === 36);
  await patchHost.until((c) => c.view?.seats.length === 36);
  await host.until((c) => c.view?.seats.length === 36);

  for (const [c, full] of [
    [patchHost, host],
    [patchScreen, screen],
  ] as const) {
    const views = (c.frames as Frame[]).filter((f) => f.event === "view").map((f) => f.payload as ViewFrame);
    // The first view came in several frames: only the last without `more`, the rest patches.
    const first = views.findIndex((v) => !v.more);
    expect(first).toBeGreaterThan(0);
    expect(views[0]?.patch).toBeUndefined();
    for (const v of views.slice(1, first + 1)) expect(v.patch).toBe(true);
    for (const v of views) expect(JSON.stringify(v).length).toBeLessThanOrEqual(MAX_VIEW_FRAME_BYTES + 100);
    // What the connection shows is the whole view a full connection shows.
    expect(c.view).toEqual(full.view);
  }
  // A pupil's first view (their team's) too; and their client never showed a view without seats.
  const pupilViews = (pupil.client.frames as Frame[])
    .filter((f) => f.event === "view")
    .map((f) => f.payload as ViewFrame);
  expect(pupilViews.some((v) => v.more)).toBe(true);
  expect(pupil.client.view?.seats).toHaveLength(36);
}, 60_000);
