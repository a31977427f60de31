// The baseline sends the load test's frame sizes; its default padding is JSON shaped like a view's
// content, byte for byte as long as the flat string it replaced, so only the parsing cost differs.
import { io as connect, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { type Baseline, type BarePayload, shapedPad, startBaseline } from "./index";

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
  let server: Baseline | null = null;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await server?.close();
    server = null;
  });

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
