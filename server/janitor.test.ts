// Idle rooms leave memory without losing a finished game: the policy as a table, then a sweep over
// real rooms in every state, with the clock moved forward.
import { afterEach, describe, expect, it } from "vitest";
import { decide, IDLE_POLICY, type RoomIdleness } from "./janitor";
import { type Client, connectClient, createRoom, startTestServer, type TestServer } from "./testing/harness";

const HOUR = 60 * 60_000;

describe("which idle rooms go", () => {
  const room = (over: Partial<RoomIdleness>): RoomIdleness => ({
    finished: false,
    phase: "build",
    connected: 0,
    idleMs: 0,
    ...over,
  });
  it.each([
    ["a finished game just ended", null, room({ finished: true, phase: "verdict", idleMs: 5 * 60_000 })],
    [
      "a finished game nobody watches for an hour",
      "forget",
      room({ finished: true, phase: "verdict", idleMs: HOUR }),
    ],
    [
      "a finished game still on the projector",
      null,
      room({ finished: true, phase: "verdict", connected: 1, idleMs: 2 * HOUR }),
    ],
    [
      "a finished game on a projector left on all weekend",
      "forget",
      room({ finished: true, phase: "verdict", connected: 1, idleMs: 48 * HOUR }),
    ],
    ["a lobby set up this morning", null, room({ phase: "lobby", idleMs: 3 * HOUR })],
    ["a lobby nobody touched for 12 h", "discard", room({ phase: "lobby", connected: 1, idleMs: 12 * HOUR })],
    ["a game paused over lunch", null, room({ phase: "build", idleMs: 2 * HOUR })],
    [
      "a game with a student still connected",
      null,
      room({ phase: "judge", connected: 1, idleMs: 30 * HOUR }),
    ],
    ["a game abandoned for a day", "file", room({ phase: "judge", idleMs: 24 * HOUR })],
  ] as const)("%s → %s", (_what, expected, idleness) => {
    expect(decide(idleness, IDLE_POLICY)).toBe(expected);
  });
});

describe("sweeping real rooms", () => {
  let t: TestServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t?.close();
    t = undefined;
  });

  async function hostOf(code: string, secret: string): Promise<Client> {
    const c = await connectClient(t?.url ?? "", { role: "host", code, secret });
    clients.push(c);
    return c;
  }

  /** Bots fill the teams; the teacher skips every phase to the verdict. */
  async function skipToVerdict(host: Client, stopAt?: string): Promise<void> {
    expect(await host.command({ type: "configure", settings: { bots: true } })).toMatchObject({ ok: true });
    expect(await host.command({ type: "start" })).toMatchObject({ ok: true });
    while (host.view?.phase !== "verdict" && host.view?.phase !== stopAt) {
      const version = host.view?.version;
      const ack = await host.command({ type: "skip" });
      expect(ack, JSON.stringify([host.view?.phase, ack])).toMatchObject({ ok: true });
      await host.until((c) => c.view?.version !== version);
    }
  }

  it("discards an untouched lobby, forgets a filed game and files an abandoned one", async () => {
    // The teacher skips through two whole games in a moment: more than a person's rate limit.
    t = await startTestServer({ rate: { capacity: 1000, refillPerSecond: 1000 } });
    const { registry, janitor } = t.realtime;
    const lobby = await createRoom(t.url);
    const fresh = await createRoom(t.url);
    const done = await createRoom(t.url);
    const abandoned = await createRoom(t.url);
    const projector = await connectClient(t.url, { role: "screen", code: lobby.code });
    clients.push(projector);
    const doneHost = await hostOf(done.code, done.hostSecret);
    await skipToVerdict(doneHost);
    await doneHost.until((c) => c.results !== null);
    const gameId = doneHost.results as string;
    const leftHost = await hostOf(abandoned.code, abandoned.hostSecret);
    await skipToVerdict(leftHost, "judge");
    doneHost.close();
    leftHost.close();
    await doneHost.until((c) => !c.socket.connected);
    await leftHost.until((c) => !c.socket.connected);
    await new Promise((r) => setTimeout(r, 50));

    const now = registry.now();
    for (const code of [lobby.code, done.code, abandoned.code]) {
      const live = registry.get(code);
      if (live) live.lastActive = now - 25 * HOUR;
    }
    expect(janitor.sweep(now)).toBe(3);

    expect(registry.get(fresh.code)).toBeDefined();
    for (const code of [lobby.code, done.code, abandoned.code]) expect(registry.get(code)).toBeUndefined();
    // The projector on the closed lobby is told why, then let go.
    await projector.until((c) => c.notices.some((n) => n.code === "room_closed") && !c.socket.connected);
    // Nothing of a lobby is kept; every game is.
    expect(t.store.loadLiveRooms().map((r) => r.code)).toEqual([fresh.code]);
    expect((await fetch(`${t.url}/api/games/${gameId}`)).status).toBe(200);
    const filed = t.store.listGames({ limit: 10 }).find((g) => g.code === abandoned.code);
    expect(filed?.summary).toMatchObject({ complete: false });
    const report = await fetch(`${t.url}/api/games/${filed?.id}/report`, {
      headers: { authorization: `Bearer ${abandoned.hostSecret}` },
    });
    expect(report.status).toBe(200);
    expect(((await report.json()) as { rounds: unknown[] }).rounds.length).toBeGreaterThan(0);
    // A code that has gone is simply unknown now.
    await expect(connectClient(t.url, { role: "screen", code: lobby.code })).rejects.toMatchObject({
      data: { code: "no_room" },
    });
  });
});
