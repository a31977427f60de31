// The platform without Next.js: /healthz, the room-layer hooks, Socket.IO over a real websocket, shutdown.
import { afterEach, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type RunningServer, startServer } from "./index";

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-http-test-"));
  dirs.push(dir);
  return dir;
};
const running: RunningServer[] = [];
const clients: Socket[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    withNext: false,
    dataDir: tmp(),
    ...options,
  });
  running.push(server);
  return server;
}

function client(url: string) {
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false });
  clients.push(socket);
  return socket;
}

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.close();
  await Promise.all(running.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("startServer without Next", () => {
  it("serves /healthz with the room count the room layer registers", async () => {
    let rooms = 0;
    const server = await start({ onIo: (_io, ctx) => ctx.setRoomCount(() => rooms) });
    const first = await fetch(`${server.url}/healthz`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(await first.json()).toEqual({ ok: true, uptimeS: expect.any(Number), rooms: 0 });
    rooms = 3;
    expect((await (await fetch(`${server.url}/healthz`)).json()).rooms).toBe(3);
  });

  it("answers 404 for pages and 405 for a POST to /healthz", async () => {
    const server = await start();
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`, { method: "POST" })).status).toBe(405);
  });

  it("answers 500 and keeps serving when an /api handler throws", async () => {
    const server = await start({
      onIo: (_io, ctx) =>
        ctx.setApi(() => {
          throw new Error("boom");
        }),
    });
    expect((await fetch(`${server.url}/api/anything`)).status).toBe(500);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("when the port is taken: rejects with EADDRINUSE after running the shutdown hooks", async () => {
    const first = await start();
    let released = false;
    await expect(
      startServer({
        port: first.port,
        host: "127.0.0.1",
        withNext: false,
        dataDir: tmp(),
        onIo: (_io, ctx) =>
          ctx.onShutdown(() => {
            released = true;
          }),
      }),
    ).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect(released).toBe(true);
  });

  it("binds an ephemeral port and reports a reachable url", async () => {
    const server = await start();
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("hands Socket.IO to onIo before the port opens, and clients connect over websocket", async () => {
    const server = await start({
      onIo: (io) => {
        io.on("connection", (socket) => socket.on("echo", (msg, ack) => ack(msg)));
      },
    });
    const socket = client(server.url);
    const reply = await socket.timeout(2000).emitWithAck("echo", { hello: "class" });
    expect(reply).toEqual({ hello: "class" });
    expect(socket.io.engine.transport.name).toBe("websocket");
  });

  it("drops a client that sends more than 16 KiB in one message", async () => {
    const server = await start({
      onIo: (io) => {
        io.on("connection", (s) => s.on("echo", (m, ack) => ack(m)));
      },
    });
    const socket = client(server.url);
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const closed = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
    socket.emit("echo", "x".repeat(20 * 1024));
    expect(await closed).toBe("transport close");
  });

  it("on close: disconnects clients, runs shutdown hooks in order, stops listening; idempotent", async () => {
    const order: string[] = [];
    const server = await start({
      onIo: (_io, ctx) => {
        ctx.onShutdown(async () => {
          order.push("flush store");
        });
        ctx.onShutdown(() => {
          throw new Error("a failing hook does not stop the others");
        });
        ctx.onShutdown(() => {
          order.push("last");
        });
      },
    });
    const socket = client(server.url);
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const disconnected = new Promise<void>((resolve) => socket.on("disconnect", () => resolve()));
    const started = Date.now();
    await Promise.all([server.close(), server.close()]);
    await disconnected;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(order).toEqual(["flush store", "last"]);
    expect(server.httpServer.listening).toBe(false);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it("creates the data directory", async () => {
    const dataDir = path.join(tmp(), "nested", "data");
    const server = await start({ dataDir });
    expect(server.ctx.dataDir).toBe(dataDir);
    expect(existsSync(dataDir)).toBe(true);
  });
});
