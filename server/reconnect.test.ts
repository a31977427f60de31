// Seats survive the classroom: a dropped socket, a closed lid past the grace window, a reload in
// a second tab, the teacher's phone as a second host device, removal and bans.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, playToBuild, type Table, truth } from "./testing/table";

/** Short, so "past the grace" takes no time; the first test uses the real one. */
const GRACE_MS = 150;
let t: TestServer;
let table: Table | undefined;
const extra: Client[] = [];

beforeEach(async (test) => {
  const realGrace = test.task.name.includes("within the grace");
  t = await startTestServer(realGrace ? {} : { awayGraceMs: GRACE_MS });
});
afterEach(async () => {
  closeTable(table);
  table = undefined;
  for (const c of extra.splice(0)) c.close();
  await t.close();
});

async function reconnectWith(token: string, device: string): Promise<Client> {
  const c = await connectClient(t.url, { role: "player", code: table?.code, token, device });
  extra.push(c);
  return c;
}

function statusOf(client: Client, seat: string): string | undefined {
  return (client.view?.seats as { id: string; status: string }[] | undefined)?.find((s) => s.id === seat)
    ?.status;
}

describe("seats across reconnects", () => {
  it("a dropped connection comes back by itself, within the grace, to the same seat, team, hand and score", async () => {
    table = await openTable(t.url, { students: 4, connect: { reconnect: true } });
    await playToBuild(table);
    const [pupil] = table.students;
    if (!pupil) throw new Error("no pupil");
    const before = { me: pupil.client.me, totals: pupil.client.view?.totals };
    const seatTruth = truth(t.realtime.registry, table.code).room.context.seats[pupil.seat];
    expect(before.me?.hand.map((h) => h.copy)).toEqual(seatTruth?.hand);

    // Wifi drop: the transport dies under the socket; socket.io reconnects with the same auth.
    const framesBefore = pupil.client.frames.length;
    pupil.client.socket.io.engine.close();
    await pupil.client.until((c) => !c.socket.connected);
    await pupil.client.until((c) => c.socket.connected && c.frames.length > framesBefore + 1);
    await pupil.client.until((c) => c.me !== null && c.view?.audience === "team");

    expect(pupil.client.me).toEqual(before.me);
    expect(pupil.client.view?.totals).toEqual(before.totals);
    expect(pupil.client.view?.phase).toBe("build");
    // Back within the grace: the projector never showed the seat away.
    const away = table.screen.frames.some(
      (f) =>
        f.event === "view" &&
        (f.payload as { view: { seats: { id: string; status: string }[] } }).view.seats.some(
          (s) => s.id === pupil.seat && s.status !== "present",
        ),
    );
    expect(away).toBe(false);
  });

  it("past the grace the seat shows away, the room does not wait, and the student returns to the same hand", async () => {
    table = await openTable(t.url, { students: 4 });
    const theme = (table.host.view as { settings: { themes: string[] } } | null)?.settings.themes[0];
    await must(table.host.command({ type: "configure", settings: { themes: [theme, theme, theme] } }));
    await must(table.host.command({ type: "start" }));
    const [absent, ...rest] = table.students;
    if (!absent) throw new Error("no pupil");
    await absent.client.until((c) => (c.me?.hand.length ?? 0) > 0);
    const hand = absent.client.me?.hand;

    // Everyone else votes; the vote waits for the one still present…
    for (const s of rest) await must(s.client.command({ type: "verdictVote", value: 2 }));
    expect(truth(t.realtime.registry, table.code).room.phase).toBe("voteBefore");
    // …until the lid closes: after the grace the seat is away and the vote ends without it.
    absent.client.close();
    await table.host.until((c) => statusOf(c, absent.seat) === "away");
    await table.host.until((c) => c.view?.phase === "build");
    const seat = truth(t.realtime.registry, table.code).room.context.seats[absent.seat];
    expect(seat?.status).toBe("away");
    expect(seat?.team).toBe(absent.client.me?.team);

    const back = await reconnectWith(absent.token, absent.device);
    await back.until((c) => c.me !== null && c.view?.phase === "build");
    await table.host.until((c) => statusOf(c, absent.seat) === "present");
    expect(back.me?.seat).toBe(absent.seat);
    expect(back.me?.team).toBe(absent.client.me?.team);
    // The hand was dealt at the start and is untouched while away (refills come after a round).
    expect(back.me?.hand).toEqual(hand);
    expect(back.view?.audience).toBe("team");
  });

  it("a reload in a new tab takes over without the seat ever showing away", async () => {
    table = await openTable(t.url, { students: 2 });
    const [pupil] = table.students;
    if (!pupil) throw new Error("no pupil");
    const second = await reconnectWith(pupil.token, pupil.device);
    await second.until((c) => c.me?.seat === pupil.seat);
    pupil.client.close();
    await new Promise((r) => setTimeout(r, GRACE_MS * 3));
    expect(truth(t.realtime.registry, table.code).room.context.seats[pupil.seat]?.status).toBe("present");
    expect(await second.command({ type: "rename", seat: pupil.seat, name: "Renamed" })).toMatchObject({
      ok: true,
    });
    await second.until((c) => c.me?.name === "Renamed");
  });

  it("the host link works on a second device; the projector needs no secret", async () => {
    table = await openTable(t.url, { students: 2 });
    const phone = await connectClient(t.url, { role: "host", code: table.code, secret: table.hostSecret });
    extra.push(phone);
    await phone.until((c) => c.view?.audience === "host");
    expect(await phone.command({ type: "lock" })).toMatchObject({ ok: true });
    await table.host.until((c) => c.view?.locked === true);
    await table.screen.until((c) => c.view?.locked === true);
    expect(table.screen.view?.audience).toBe("screen");
    const projector = await connectClient(t.url, { role: "screen", code: table.code });
    extra.push(projector);
    await projector.until((c) => c.view?.locked === true);
  });

  it("a token opens only its own seat in its own room; a forged one opens nothing", async () => {
    table = await openTable(t.url, { students: 1 });
    const [pupil] = table.students;
    const other = await openTable(t.url, { students: 1 });
    try {
      await expect(
        connectClient(t.url, { role: "player", code: other.code, token: pupil?.token }),
      ).rejects.toMatchObject({ data: { code: "bad_token" } });
      await expect(
        connectClient(t.url, { role: "player", code: table.code, token: "A".repeat(32) }),
      ).rejects.toMatchObject({ data: { code: "bad_token" } });
    } finally {
      closeTable(other);
    }
  });

  it("a removed student is told, may join again as a new seat; a banned one may not come back", async () => {
    table = await openTable(t.url, { students: 3 });
    await playToBuild(table);
    const [removed, banned] = table.students;
    if (!removed || !banned) throw new Error("no pupils");

    expect(await table.host.command({ type: "remove", seat: removed.seat })).toMatchObject({ ok: true });
    await removed.client.until((c) => c.notices.some((n) => n.code === "removed") && !c.socket.connected);
    await expect(reconnectWith(removed.token, removed.device)).rejects.toMatchObject({
      data: { code: "bad_token" },
    });
    const again = await connectClient(t.url, { role: "player", code: table.code, device: removed.device });
    extra.push(again);
    const rejoin = await again.join("Back Again");
    expect(rejoin).toMatchObject({ ok: true });
    expect(rejoin.ok && rejoin.seat).not.toBe(removed.seat);
    await again.until((c) => (c.me?.hand.length ?? 0) > 0);

    expect(await table.host.command({ type: "ban", seat: banned.seat })).toMatchObject({ ok: true });
    await banned.client.until((c) => c.notices.some((n) => n.code === "banned") && !c.socket.connected);
    await expect(reconnectWith(banned.token, banned.device)).rejects.toMatchObject({
      data: { code: "banned" },
    });
    const sneaky = await connectClient(t.url, { role: "player", code: table.code, device: banned.device });
    extra.push(sneaky);
    expect(await sneaky.join("Someone Else")).toMatchObject({ ok: false, code: "banned" });
  });
});
