// Rooms over real sockets, end to end: two classes on one server never see each other, and a short
// game runs from the lobby to the verdict and its downloads. The concerns in detail have their own
// files: reconnect, authority, malformed, limits, leak, logs, restart, durability, janitor.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PEEL_RUBRIC } from "../game/rubric";
import {
  type Client,
  connectClient,
  createRoom,
  joinAs,
  startTestServer,
  type TestServer,
} from "./testing/harness";

let t: TestServer;
const clients: Client[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.close();
});

async function host(code: string, hostSecret: string): Promise<Client> {
  const c = await connectClient(t.url, { role: "host", code, secret: hostSecret });
  clients.push(c);
  return c;
}

async function student(code: string, name: string) {
  const joined = await joinAs(t.url, code, name);
  clients.push(joined.client);
  return joined;
}

describe("realtime rooms", () => {
  it("keeps two rooms apart: nobody receives the other room's events", async () => {
    const a = await createRoom(t.url);
    const b = await createRoom(t.url);
    expect(a.code).not.toBe(b.code);
    const hostA = await host(a.code, a.hostSecret);
    const hostB = await host(b.code, b.hostSecret);
    const inA = [await student(a.code, "Quokka Alpha"), await student(a.code, "Quokka Beta")];
    const inB = [await student(b.code, "Cat"), await student(b.code, "Dan")];
    await hostA.until((c) => c.view?.seats.length === 2);
    await hostB.until((c) => c.view?.seats.length === 2);
    expect(await hostA.command({ type: "start" })).toMatchObject({ ok: true });
    await hostA.until((c) => c.view?.phase === "voteBefore");
    for (const s of inA) await s.client.until((c) => c.view?.phase === "voteBefore");

    for (const s of inB) {
      for (const f of s.client.frames) {
        const text = JSON.stringify(f.payload);
        expect(text).not.toContain(a.code);
        expect(text).not.toContain("Quokka");
      }
      expect(s.client.view?.phase).toBe("lobby");
    }
    expect(hostB.view?.phase).toBe("lobby");
    expect(JSON.stringify(hostB.frames)).not.toContain("Quokka");
  });

  it("refuses malformed joins with a clear error and changes nothing", async () => {
    const { code, hostSecret } = await createRoom(t.url);
    const h = await host(code, hostSecret);
    const c = await connectClient(t.url, { role: "player", code });
    clients.push(c);
    expect(await c.join("")).toMatchObject({ ok: false, code: "bad_request" });
    expect(await c.join("<script>alert(1)</script>")).toMatchObject({ ok: false, code: "bad_name" });
    expect(await c.join("x".repeat(30))).toMatchObject({ ok: false, code: "bad_name" });
    const bad = (await c.socket.timeout(2000).emitWithAck("join", { name: "Ok", admin: true })) as {
      ok: boolean;
      code: string;
    };
    expect(bad).toMatchObject({ ok: false, code: "bad_request" });
    const unknown = (await c.socket.timeout(2000).emitWithAck("hack", { x: 1 })) as {
      ok: boolean;
      code: string;
    };
    expect(unknown).toMatchObject({ ok: false, code: "bad_request" });
    expect(h.view?.seats).toHaveLength(0);
    expect(t.realtime.registry.get(code)?.room.context.seatOrder).toHaveLength(0);

    await expect(connectClient(t.url, { role: "player", code: "CCCCCC" })).rejects.toMatchObject({
      data: { code: "no_room" },
    });
    await expect(connectClient(t.url, { role: "player", code: "not a code" })).rejects.toMatchObject({
      data: { code: "bad_request" },
    });
    await expect(connectClient(t.url, { role: "player", code, protocol: 0 })).rejects.toMatchObject({
      data: { code: "stale_client" },
    });
    await expect(
      connectClient(t.url, { role: "host", code, secret: "not-the-secret-at-all" }),
    ).rejects.toMatchObject({
      data: { code: "bad_secret" },
    });
  });

  it("refuses host commands from students and from the projector", async () => {
    const { code, hostSecret } = await createRoom(t.url);
    await host(code, hostSecret);
    const s = await student(code, "Eve");
    await student(code, "Fin");
    const screen = await connectClient(t.url, { role: "screen", code });
    clients.push(screen);
    for (const cmd of [
      { type: "start" },
      { type: "lock" },
      { type: "skip" },
      { type: "remove", seat: s.seat },
    ]) {
      expect(await s.client.command(cmd)).toMatchObject({ ok: false, code: "not_allowed" });
      expect(await screen.command(cmd)).toMatchObject({ ok: false, code: "not_allowed" });
    }
    expect(t.realtime.registry.get(code)?.room.phase).toBe("lobby");
  });

  it("plays a short game through real sockets to the verdict", async () => {
    const { code, hostSecret } = await createRoom(t.url);
    const h = await host(code, hostSecret);
    const screen = await connectClient(t.url, { role: "screen", code });
    clients.push(screen);
    const kids = [
      await student(code, "Gus"),
      await student(code, "Hal"),
      await student(code, "Ivy"),
      await student(code, "Jo"),
    ];
    await screen.until((c) => c.view?.seats.length === 4);
    const theme = (h.view as { settings: { themes: string[] } } | null)?.settings.themes[0];
    expect(await h.command({ type: "configure", settings: { themes: [theme, theme, theme] } })).toMatchObject(
      { ok: true },
    );
    expect(await h.command({ type: "start" })).toMatchObject({ ok: true });
    for (const k of kids)
      expect(await k.client.command({ type: "verdictVote", value: 3 })).toMatchObject({ ok: true });
    await screen.until((c) => c.view?.phase === "build");

    for (const k of kids) {
      await k.client.until((c) => (c.me?.hand.length ?? 0) === 5);
      const copy = k.client.me?.hand[0]?.copy as string;
      const res = await k.client.command({ type: "propose", slot: "point", copy });
      // A card that does not fit the Point slot is refused with its reason: both are fine here.
      expect(res.ok || (!res.ok && res.code === "wrong_slot")).toBe(true);
    }
    const screenFrames = JSON.stringify(screen.frames);
    for (const k of kids) expect(screenFrames).not.toContain(k.client.me?.hand[1]?.copy as string);

    for (let round = 0; round < 3; round++) {
      await h.command({ type: "skip" }); // build → reveal
      await h.command({ type: "skip" }); // reveal → rebut
      await h.command({ type: "skip" }); // rebut → judge
      await h.until((c) => c.view?.phase === "judge");
      const marks = Object.fromEntries(PEEL_RUBRIC.criteria.map((c) => [c.id, 1]));
      expect(await h.command({ type: "score", marks: { failure: marks, success: marks } })).toMatchObject({
        ok: true,
      });
      await h.command({ type: "skip" }); // result → next
    }
    await screen.until((c) => c.view?.phase === "voteAfter");
    for (const k of kids) await k.client.command({ type: "verdictVote", value: 4 });
    await screen.until((c) => c.view?.phase === "verdict" && c.results !== null);
    expect(screen.view?.verdict?.before).toEqual([0, 0, 4, 0, 0]);
    expect(screen.view?.verdict?.after).toEqual([0, 0, 0, 4, 0]);
    expect(screen.view?.verdict?.moved).toEqual({ failure: 4, success: 0 });

    const res = await fetch(`${t.url}/api/games/${screen.results}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { plan: { paragraphs: unknown[] } };
    expect(body.plan.paragraphs).toHaveLength(3);
    const csv = await fetch(`${t.url}/api/games/${screen.results}/report.csv`, {
      headers: { authorization: `Bearer ${hostSecret}` },
    });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('"Gus"');
    const denied = await fetch(`${t.url}/api/games/${screen.results}/report.csv`);
    expect(denied.status).toBe(403);
  });
});
