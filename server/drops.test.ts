// Network drops of one student — 5 s, 60 s, several minutes, past the token's life — in a room of
// real students and server bots: the student comes back to the same seat, team, points and the cards
// they held, sees exactly what the server holds for them, and the room never waits for them (votes
// close without them, timed phases end on time, bots and classmates play on).
// The 5-second drop runs in real time with the real grace. The long ones run the rooms on a virtual
// clock (the server's `scheduler` option: phase deadlines, bots' turns and token ages all read it), so
// minutes pass in milliseconds while sockets, the handshake and presence stay real. The real-time
// 60 s and 3-minute drops are `npm run chaos:drops` (outside CI; figures in the README).
import { afterEach, describe, expect, it } from "vitest";
import { VirtualClock } from "../game/sim/virtual-clock";
import type { TeamView } from "../game/views";
import { TOKEN_TTL_MS } from "./rooms";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, type Table, must, openTable, truth } from "./testing/table";

let t: TestServer | undefined;
let table: Table | undefined;
const extra: Client[] = [];

afterEach(async () => {
  closeTable(table);
  table = undefined;
  for (const c of extra.splice(0)) c.close();
  await t?.close();
  t = undefined;
});

/** The transport dies under the socket (wifi gone); the page does not reconnect until told. */
function drop(client: Client): Promise<void> {
  client.socket.io.engine.close();
  return client.until((c) => !c.socket.connected);
}

async function comeBack(token: string, device: string): Promise<Client> {
  const c = await connectClient(t?.url ?? "", { role: "player", code: table?.code, token, device });
  extra.push(c);
  await c.until((x) => x.me !== null && x.view !== null);
  return c;
}

function statusOf(client: Client, seat: string): string | undefined {
  return client.view?.seats.find((s) => s.id === seat)?.status;
}

/** What the server holds for a seat: compared with what the returning page is sent. */
function held(seat: string) {
  const ctx = truth(t?.realtime.registry ?? { get: () => undefined }, table?.code ?? "").room.context;
  const s = ctx.seats[seat];
  return { team: s?.team, hand: s?.hand, status: s?.status, name: s?.name };
}

async function start(opts: { students: number; bots: number; settings?: Record<string, unknown> }) {
  if (!t || !table) throw new Error("no server");
  const theme = (table.host.view as { settings: { themes: string[] } } | null)?.settings.themes[0];
  await must(
    table.host.command({ type: "configure", settings: { themes: [theme, theme, theme], ...opts.settings } }),
  );
  if (opts.bots > 0)
    await must(table.host.command({ type: "fillBots", level: "medium", perTeam: opts.bots }));
  await must(table.host.command({ type: "start" }));
}

describe("a student's network drops", () => {
  it("5 s, real time and real grace: away on the projector, the vote closes without them, same seat and hand on return", async () => {
    t = await startTestServer();
    table = await openTable(t.url, { students: 3 });
    await start({ students: 3, bots: 3 });
    const [absent, ...rest] = table.students;
    if (!absent) throw new Error("no pupil");
    await absent.client.until((c) => (c.me?.hand.length ?? 0) > 0);
    const before = absent.client.me;
    for (const s of rest) await must(s.client.command({ type: "verdictVote", value: 4 }));
    expect(table.host.view?.phase).toBe("voteBefore"); // waiting for the one still here…

    const droppedAt = Date.now();
    await drop(absent.client);
    // …until the grace runs out: away, and the vote closes without them (30 s before its timer).
    await table.host.until((c) => statusOf(c, absent.seat) === "away", 8_000);
    await table.host.until((c) => c.view?.phase === "build", 2_000);
    const awayAfter = Date.now() - droppedAt;
    await new Promise((r) => setTimeout(r, Math.max(0, 5_000 - (Date.now() - droppedAt))));

    const back = await comeBack(absent.token, absent.device);
    await table.host.until((c) => statusOf(c, absent.seat) === "present");
    console.info(`[drops] 5 s drop: away after ${awayAfter} ms, back after ${Date.now() - droppedAt} ms`);
    expect(awayAfter).toBeGreaterThanOrEqual(3_900);
    expect(back.me?.seat).toBe(absent.seat);
    expect(back.me?.team).toBe(before?.team);
    expect(back.me?.hand).toEqual(before?.hand);
    expect(back.me?.hand.map((h) => h.copy)).toEqual(held(absent.seat).hand);
    expect((back.view as TeamView | null)?.team).toBe(before?.team);
    expect(back.view?.phase).toBe("build");
    // And plays on at once.
    expect(
      await back.command({ type: "write", slot: "point", text: "Back after the wifi dropped" }),
    ).toMatchObject({
      ok: true,
    });
  }, 20_000);

  it("60 s and then minutes (virtual clock): phases and bots go on without them; same seat, team, points and cards", async () => {
    const clock = new VirtualClock(Date.now());
    t = await startTestServer({ scheduler: clock, awayGraceMs: 100 });
    table = await openTable(t.url, { students: 4 });
    await start({ students: 4, bots: 4, settings: { buildMs: 120_000, voteMs: 30_000 } });
    const [absent, ...rest] = table.students;
    if (!absent) throw new Error("no pupil");
    for (const s of table.students) await must(s.client.command({ type: "verdictVote", value: 2 }));
    await table.host.until((c) => c.view?.phase === "build");
    await absent.client.until((c) => (c.me?.hand.length ?? 0) > 0);
    const hand = absent.client.me?.hand.map((h) => h.copy) ?? [];
    const team = absent.client.me?.team;

    // A 60-second drop in the middle of Build: the room's clock runs on; bots take their turns.
    await drop(absent.client);
    await table.host.until((c) => statusOf(c, absent.seat) === "away");
    const proposalsBefore = (rest[0]?.client.view as TeamView | null)?.draft.length ?? 0;
    clock.advance(60_000);
    await table.host.until(
      (c) =>
        (c.view?.progress?.failure.proposals ?? 0) + (c.view?.progress?.success.proposals ?? 0) >
        proposalsBefore,
    );
    let back = await comeBack(absent.token, absent.device);
    expect(back.me?.seat).toBe(absent.seat);
    expect(back.me?.team).toBe(team);
    expect(back.me?.hand.map((h) => h.copy)).toEqual(hand);
    expect(back.view?.phase).toBe("build");
    expect((back.view as TeamView | null)?.draft.length).toBeGreaterThan(0); // the bots played meanwhile
    await table.host.until((c) => statusOf(c, absent.seat) === "present");

    // A drop of several minutes: Build ends, Reveal and Rebut run on their timers; only the
    // teacher's scoring is waited for.
    back.close();
    await table.host.until((c) => statusOf(c, absent.seat) === "away");
    const totalsBefore = table.host.view?.totals;
    clock.advance(60_000 + 20_000 + 60_000);
    await table.host.until((c) => c.view?.phase === "judge");
    await must(
      table.host.command({
        type: "score",
        marks: {
          failure: { knowledge: 2, analysis: 2, evaluation: 1, structure: 1 },
          success: { knowledge: 3, analysis: 1, evaluation: 1, structure: 0 },
        },
      }),
    );
    clock.advance(20_000); // Result, then round 2's Build: hands are refilled
    await table.host.until((c) => c.view?.phase === "build" && c.view.round === 1);
    clock.advance(90_000); // 4.5 minutes away in all
    back = await comeBack(absent.token, absent.device);
    const mine = held(absent.seat);
    expect(back.me?.seat).toBe(absent.seat);
    expect(back.me?.team).toBe(team);
    expect(back.me?.hand.map((h) => h.copy)).toEqual(mine.hand);
    // They played nothing, so every card they held is still theirs (the refill only adds).
    for (const copy of hand) expect(mine.hand).toContain(copy);
    expect(back.view?.totals).toEqual({ failure: 6, success: 5 });
    expect(totalsBefore).toEqual({ failure: 0, success: 0 });
    expect(back.view?.round).toBe(1);
    expect(await back.command({ type: "write", slot: "link", text: "Back after lunch" })).toMatchObject({
      ok: true,
    });
  }, 20_000);

  it("the last vote never waits on a student who is away, however long", async () => {
    const clock = new VirtualClock(Date.now());
    t = await startTestServer({ scheduler: clock, awayGraceMs: 100 });
    table = await openTable(t.url, { students: 3 });
    await start({ students: 3, bots: 0, settings: { voteMs: 300_000 } });
    const [absent, ...rest] = table.students;
    if (!absent) throw new Error("no pupil");
    await drop(absent.client);
    await table.host.until((c) => statusOf(c, absent.seat) === "away");
    for (const s of rest) await must(s.client.command({ type: "verdictVote", value: 1 }));
    // Nobody present is left to vote: Build opens at once, not when the 5-minute vote times out.
    await table.host.until((c) => c.view?.phase === "build");
    expect(clock.now() - (table.host.view?.clock.endsAt ?? 0)).toBeLessThan(0);
  }, 10_000);

  it("a drop longer than the token's life (a day and more) needs a fresh join", async () => {
    const clock = new VirtualClock(Date.now());
    t = await startTestServer({ scheduler: clock, awayGraceMs: 100 });
    table = await openTable(t.url, { students: 2 });
    const [absent] = table.students;
    if (!absent) throw new Error("no pupil");
    await drop(absent.client);
    clock.advance(TOKEN_TTL_MS - 60_000);
    const stillOk = await comeBack(absent.token, absent.device);
    expect(stillOk.me?.seat).toBe(absent.seat);
    stillOk.close();
    clock.advance(2 * 60_000);
    await expect(
      connectClient(t.url, { role: "player", code: table.code, token: absent.token, device: absent.device }),
    ).rejects.toMatchObject({ data: { code: "bad_token" } });
  }, 10_000);
});
