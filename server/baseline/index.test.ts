// The baseline sends the load test's frame sizes; its default padding is JSON shaped like a view's
// content, byte for byte as long as the flat string it replaced, so only the parsing cost differs.
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { type Baseline, type BarePayload, shapedPad, startBaseline } from "./index";
import { workFromEnv } from "./work";

/** The server and client sockets a test opened, closed after it. */
let server: Baseline | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server?.close();
  server = null;
});

describe("shapedPad", () => {
  it("is JSON of exactly the asked length, records then a string", () => {
    for (let length = 4; length < 9_000; length += 7) {
      const pad = shapedPad(length);
      expect(JSON.stringify(pad)).toHaveLength(length);
      expect(Array.isArray(pad)).toBe(true);
    }
    const big = shapedPad(2_000) as unknown[];
    expect(big.length).toBeGreaterThan(15);
    expect(big[0]).toMatchObject({ id: "p0", slot: "point", votes: 0 });
    expect(typeof big.at(-1)).toBe("string");
  });
});

describe("the baseline server", () => {
  async function firstView(payload: BarePayload): Promise<{ text: string; view: { pad: unknown } }> {
    server = await startBaseline({ port: 0, payload });
    const socket = connect(server.url, {
      transports: ["websocket"],
      auth: { room: "r1", role: "screen", deck: 300, view: 1_200 },
    });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.io.on("open", () =>
        socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => {
          const text = String(packet.data ?? "");
          if (packet.type === "message" && text.startsWith('2["view"'))
            resolve({
              text,
              view: (JSON.parse(text.slice(1)) as [string, { view: { pad: unknown } }])[1].view,
            });
        }),
      );
    });
  }

  it("sends a view padded with view-like records, the same size as the flat padding", async () => {
    const shaped = await firstView("shaped");
    await server?.close();
    server = null;
    const flat = await firstView("flat");
    expect(Array.isArray(shaped.view.pad)).toBe(true);
    expect(typeof flat.view.pad).toBe("string");
    // The frames differ only in the padding's content (and the `now` timestamp's digits, none here).
    expect(shaped.text.length).toBe(flat.text.length);
    expect(shaped.text.length).toBeGreaterThan(1_100);
    expect(shaped.text.length).toBeLessThan(1_300);
  });
});

describe("work per command (BARE_WORK_US, BARE_WORK_THREAD)", () => {
  it("reads the environment, refusing what it cannot use with the variable's name", () => {
    expect(workFromEnv({})).toBeNull();
    expect(workFromEnv({ BARE_WORK_US: "0" })).toBeNull();
    expect(workFromEnv({ BARE_WORK_US: "570" })).toEqual({ us: 570, thread: "main" });
    expect(workFromEnv({ BARE_WORK_US: "570", BARE_WORK_THREAD: "worker" })).toEqual({
      us: 570,
      thread: "worker",
    });
    for (const us of ["-1", "2.5", "abc", "1e3", "2000000"])
      expect(() => workFromEnv({ BARE_WORK_US: us })).toThrow(/BARE_WORK_US must be a whole number/);
    expect(() => workFromEnv({ BARE_WORK_US: "5", BARE_WORK_THREAD: "gpu" })).toThrow(
      /BARE_WORK_THREAD must be "main" or "worker", not "gpu"/,
    );
  });

  for (const thread of ["main", "worker"] as const)
    it(`answers each command in order after its work, on the ${thread} thread`, async () => {
      server = await startBaseline({ port: 0, work: { us: 2_000, thread } });
      const join = (role: string, team?: string) => {
        const socket = connect(server?.url ?? "", {
          transports: ["websocket"],
          auth: { room: "r1", role, team, deck: 100, view: 200 },
        });
        sockets.push(socket);
        return new Promise<Socket>((resolve) => socket.once("view", () => resolve(socket)));
      };
      const screen = await join("screen");
      const player = await join("player", "failure");
      const versions: number[] = [];
      screen.on("view", (v: { view: { version: number } }) => versions.push(v.view.version));
      const command = { screen: 300, host: 300, failure: 400, success: 400, me: [120] };
      const started = performance.now();
      const acks = await Promise.all(
        [1, 2, 3].map(() => player.emitWithAck("command", command) as Promise<{ version: number }>),
      );
      // Three commands' work done one after the other (at least 3 x 2 ms, whatever the thread).
      expect(performance.now() - started).toBeGreaterThanOrEqual(5);
      expect(acks.map((a) => a.version)).toEqual([1, 2, 3]);
      await expect.poll(() => versions).toEqual([1, 2, 3]);
    });
});

it("answers a command whose sizes are garbage or huge, on the worker thread", async () => {
  server = await startBaseline({ port: 0, work: { us: 100, thread: "worker" } });
  const socket = connect(server.url, {
    transports: ["websocket"],
    auth: { room: "r2", role: "player", team: "failure", deck: 10, view: 10 },
  });
  sockets.push(socket);
  await new Promise((resolve) => socket.once("view", resolve));
  for (const screen of [1e15, -5, "x", Number.NaN, null]) {
    const ack = (await socket.emitWithAck("command", { screen, host: 1e12, me: [] })) as { ok: boolean };
    expect(ack.ok).toBe(true);
  }
});
