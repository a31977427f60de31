// The limits a classroom needs: a pupil hammering a button is throttled and told so while the
// rest of the room plays on; guessing join codes gets slower per browser without locking out a
// school behind one address; names are filtered; pages from other sites cannot connect or create.
import { afterEach, describe, expect, it } from "vitest";
import { checkName } from "../game/names";
import { createJoinGuard } from "./limits/join-guard";
import { RATE_LIMIT } from "./protocol";
import { type Client, connectClient, createRoom, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, playToBuild, type Table } from "./testing/table";

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("per-socket rate limit", () => {
  it("throttles a socket sending 50 events a second, with one notice, while a classmate is served", async () => {
    t = await startTestServer();
    table = await openTable(t.url, { students: 2 });
    await playToBuild(table);
    const [flooder, classmate] = table.students;
    if (!flooder || !classmate) throw new Error("no pupils");

    const flood: Promise<{ ok: boolean; code?: string }>[] = [];
    const served: { ok: boolean; code?: string; ms: number }[] = [];
    const started = Date.now();
    let tick = 0;
    while (Date.now() - started < 1_000) {
      flood.push(flooder.client.command({ type: "support", proposal: "p999999" }));
      if (tick++ % 5 === 0) {
        const at = performance.now();
        const ack = await classmate.client.command({ type: "support", proposal: "p999999" });
        served.push({ ...ack, ms: performance.now() - at });
      }
      await sleep(20);
    }
    const acks = await Promise.all(flood);
    const limited = acks.filter((a) => a.code === "rate_limited").length;
    // A burst of `capacity`, then `refillPerSecond`: the rest are refused.
    expect(acks.length).toBeGreaterThanOrEqual(40);
    expect(limited).toBeGreaterThanOrEqual(
      acks.length - RATE_LIMIT.capacity - RATE_LIMIT.refillPerSecond - 2,
    );
    expect(acks.filter((a) => a.code === "unknown_proposal").length).toBeGreaterThanOrEqual(
      RATE_LIMIT.capacity,
    );
    await flooder.client.until((c) => c.notices.length > 0);
    expect(flooder.client.notices.filter((n) => n.code === "rate_limited")).toHaveLength(1);

    // The classmate was never throttled and never waited on the flooder.
    expect(served.length).toBeGreaterThanOrEqual(8);
    expect(served.every((a) => a.code === "unknown_proposal")).toBe(true);
    expect(Math.max(...served.map((a) => a.ms))).toBeLessThan(1_000);
    expect(classmate.client.notices).toHaveLength(0);

    // After a pause the flooder's budget is back.
    await sleep(1_000);
    expect(await flooder.client.command({ type: "support", proposal: "p999999" })).toMatchObject({
      code: "unknown_proposal",
    });
  });
});

describe("join-code guessing", () => {
  it("slows down a browser after failed codes, without slowing its classmates on the same network", async () => {
    t = await startTestServer({
      joinGuard: createJoinGuard({ client: { freeFailures: 3, baseDelayMs: 30_000, maxDelayMs: 60_000 } }),
    });
    const { code } = await createRoom(t.url);
    const guesser = "guesser-device-1";
    // Three free failures (a mistyped code or two costs nothing)…
    for (const wrong of ["CCCCCC", "DDDDDD", "FFFFFF"])
      await expect(
        connectClient(t.url, { role: "player", code: wrong, device: guesser }),
      ).rejects.toMatchObject({
        data: { code: "no_room" },
      });
    // …then even the right code waits, for this browser only.
    await expect(connectClient(t.url, { role: "player", code, device: guesser })).rejects.toMatchObject({
      data: { code: "slow_down" },
    });
    const classmate = await connectClient(t.url, { role: "player", code, device: "classmate-device-1" });
    extra.push(classmate);
    expect(await classmate.join("Classmate")).toMatchObject({ ok: true });
  });

  it("counts a wrong host secret as a failed attempt", async () => {
    t = await startTestServer({
      joinGuard: createJoinGuard({ client: { freeFailures: 2, baseDelayMs: 30_000, maxDelayMs: 60_000 } }),
    });
    const { code, hostSecret } = await createRoom(t.url);
    const device = "curious-pupil-1";
    for (let i = 0; i < 2; i++)
      await expect(
        connectClient(t.url, { role: "host", code, secret: `guess-${i}-xxxxxxxx`, device }),
      ).rejects.toMatchObject({ data: { code: "bad_secret" } });
    await expect(
      connectClient(t.url, { role: "host", code, secret: hostSecret, device }),
    ).rejects.toMatchObject({
      data: { code: "slow_down" },
    });
    const teacher = await connectClient(t.url, { role: "host", code, secret: hostSecret });
    extra.push(teacher);
    expect(teacher.socket.connected).toBe(true);
  });
});

describe("names", () => {
  it("are cleaned, length-limited, markup-free, word-filtered and made unique at join", async () => {
    t = await startTestServer();
    table = await openTable(t.url, { students: 0 });
    const join = async (name: string) => {
      const c = await connectClient(t?.url ?? "", { role: "player", code: table?.code });
      extra.push(c);
      return c.join(name);
    };
    const filtered = "sh1t";
    expect(checkName(filtered).ok).toBe(false);
    expect(await join(filtered)).toMatchObject({ ok: false, code: "bad_name" });
    expect(await join("<img src=x onerror=alert(1)>")).toMatchObject({ ok: false, code: "bad_name" });
    expect(await join("A".repeat(25))).toMatchObject({ ok: false, code: "bad_name" });
    expect(await join("\u200b\u200b")).toMatchObject({ ok: false, code: "bad_name" });
    expect(await join("  Ann \t  Lee  ")).toMatchObject({ ok: true });
    expect(await join("ann lee")).toMatchObject({ ok: true });
    await table.host.until((c) => c.view?.seats.length === 2);
    expect(table.host.view?.seats.map((s) => s.name)).toEqual(["Ann Lee", "ann lee 2"]);
  });
});

describe("origins", () => {
  it("refuses a socket or a new room from another site's page; allows the server's own and listed ones", async () => {
    t = await startTestServer({ origins: ["http://teacher.example:8080"] });
    const { code } = await createRoom(t.url);
    const evil = { headers: { origin: "http://evil.example" } };
    const refused = await connectClient(t.url, { role: "screen", code }, evil).then(
      (c) => {
        extra.push(c);
        return false;
      },
      () => true,
    );
    expect(refused).toBe(true);
    const own = await connectClient(t.url, { role: "screen", code }, { headers: { origin: t.url } });
    extra.push(own);
    const listed = await connectClient(
      t.url,
      { role: "screen", code },
      { headers: { origin: "http://teacher.example:8080" } },
    );
    extra.push(listed);

    const post = (origin: string) =>
      fetch(`${t?.url}/api/rooms`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: "{}",
      });
    const bad = await post("http://evil.example");
    expect(bad.status).toBe(403);
    expect(await bad.json()).toMatchObject({ code: "bad_origin" });
    expect((await post(t.url)).status).toBe(201);
  });
});
