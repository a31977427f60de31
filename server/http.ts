// The one HTTP server: Next.js pages, Socket.IO and /healthz on a single port.
// Owns the process-independent part (start, route, stop); server/index.ts owns env, signals and the banner.
// The room layer plugs in through `onIo(io, ctx)`: it gets the Socket.IO server before the port opens,
// registers a live room count for /healthz and shutdown hooks (e.g. flush the store).
import { EventEmitter } from "node:events";
import { mkdirSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Server } from "socket.io";
import { createLogger } from "./log";
import { prebuiltParser } from "./prebuilt";

export const SOCKET_IO_PATH = "/socket.io";

/** What the room layer may use of the platform. Passed to `onIo`. */
export interface ServerContext {
  /** Absolute path of the data directory (exists by the time `onIo` runs). */
  readonly dataDir: string;
  /** The address the server listens on (HOST): which addresses students can be sent to. */
  readonly host: string;
  readonly dev: boolean;
  /** Runs on close (SIGTERM/SIGINT or `close()`), after sockets are disconnected, in registration order. */
  onShutdown(hook: ShutdownHook): void;
  /** Supplies the `rooms` figure of GET /healthz. */
  setRoomCount(count: () => number): void;
  /** Routes /api/* before Next.js sees the request; the handler returns false for paths it does not own. */
  setApi(handler: ApiRoute): void;
}

export type ApiRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export type ShutdownHook = () => void | Promise<void>;
export type OnIo = (io: Server, ctx: ServerContext) => void | Promise<void>;

export interface StartServerOptions {
  /** 0 picks a free port (tests). Default 3000. */
  port?: number;
  /** Default 0.0.0.0: students on the school network must reach it. */
  host?: string;
  /** Next.js dev mode (hot reload). Default false. */
  dev?: boolean;
  /** Default ./data (resolved against the working directory). */
  dataDir?: string;
  /** Serve the Next.js app. false = Socket.IO and /healthz only (socket integration tests, no build needed). */
  withNext?: boolean;
  /** Project root for Next.js. Default: the working directory. */
  dir?: string;
  /** Attach the room layer. Awaited before the port opens. */
  onIo?: OnIo;
}

export interface RunningServer {
  /** Base URL to reach this server from this machine (loopback when bound to all interfaces). */
  url: string;
  port: number;
  host: string;
  io: Server;
  httpServer: HttpServer;
  ctx: ServerContext;
  /** Stop accepting, disconnect sockets, run shutdown hooks, close Next. Idempotent. */
  close(): Promise<void>;
}

/** Socket.IO options fixed by the platform: small messages, no compression CPU cost on a teacher's laptop. */
const IO_OPTIONS = {
  path: SOCKET_IO_PATH,
  perMessageDeflate: false,
  maxHttpBufferSize: 16 * 1024,
  serveClient: false,
  // A closed lid sends no goodbye: notice a dead connection in ~20 s rather than Socket.IO's ~45 s,
  // so the class never waits on a laptop that has gone to sleep.
  pingInterval: 10_000,
  pingTimeout: 10_000,
  // Views go out as JSON the broadcaster already made (prebuilt.ts); the wire format is unchanged.
  parser: prebuiltParser,
} as const;

/** How long close() lets in-flight HTTP requests finish before cutting their connections. */
const HTTP_DRAIN_MS = 1500;

const log = createLogger({ component: "http" });

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HealthBody {
  ok: true;
  uptimeS: number;
  rooms: number;
}

/** Routes a plain HTTP request. Socket.IO intercepts its own path before this runs. */
export function createRequestListener(opts: {
  health: () => HealthBody;
  next?: NextHandler;
  api?: () => ApiRoute | undefined;
}) {
  const fail = (res: ServerResponse, pathname: string | undefined, err: unknown) => {
    log.error("request failed", {
      event: "http_error",
      path: pathname,
      error: err instanceof Error ? err : String(err),
    });
    if (!res.headersSent) sendText(res, 500, "Internal Server Error");
    else res.destroy();
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const pathname = (req.url ?? "/").split("?", 1)[0];
    // A handler that throws answers 500; it must never take the process (and every class) down.
    try {
      if (pathname?.startsWith("/api/") && opts.api?.()?.(req, res)) return;
      if (pathname === "/healthz") {
        if (req.method !== "GET" && req.method !== "HEAD") {
          sendText(res, 405, "Method Not Allowed", { allow: "GET, HEAD" });
          return;
        }
        const body = JSON.stringify(opts.health());
        res.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      if (!opts.next) {
        sendText(res, 404, "Not Found");
        return;
      }
      opts.next(req, res).catch((err: unknown) => fail(res, pathname, err));
    } catch (err) {
      fail(res, pathname, err);
    }
  };
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? 3000;
  const host = options.host ?? "0.0.0.0";
  const dev = options.dev ?? false;
  const withNext = options.withNext ?? true;
  const dataDir = path.resolve(options.dataDir ?? "data");
  mkdirSync(dataDir, { recursive: true });

  const startedAt = Date.now();
  const hooks: ShutdownHook[] = [];
  let roomCount: () => number = () => 0;
  let api: ApiRoute | undefined;
  const ctx: ServerContext = {
    dataDir,
    host,
    dev,
    onShutdown: (hook) => {
      hooks.push(hook);
    },
    setRoomCount: (count) => {
      roomCount = count;
    },
    setApi: (handler) => {
      api = handler;
    },
  };
  const health = (): HealthBody => ({
    ok: true,
    uptimeS: Math.floor((Date.now() - startedAt) / 1000),
    rooms: safeCount(roomCount),
  });

  // Next attaches its own "upgrade" listener (dev hot reload) to the server it is given. It gets a relay
  // that never sees Socket.IO's path: Next ends upgrades whose URL matches one of its routes, and a future
  // dynamic route such as app/[code] would otherwise match /socket.io and kill every websocket.
  const nextUpgrades = new EventEmitter();
  let nextApp: { close(): Promise<void> } | undefined;
  let nextHandler: NextHandler | undefined;
  if (withNext) {
    const { default: next } = await import("next");
    const app = next({
      dev,
      dir: options.dir ?? process.cwd(),
      hostname: host,
      port: port || undefined,
      httpServer: nextUpgrades as unknown as HttpServer,
    });
    await app.prepare();
    nextApp = app;
    nextHandler = app.getRequestHandler();
  }

  const httpServer = createServer(createRequestListener({ health, next: nextHandler, api: () => api }));
  httpServer.on("upgrade", (req: IncomingMessage, socket, head) => {
    if (!(req.url ?? "").startsWith(`${SOCKET_IO_PATH}/`)) nextUpgrades.emit("upgrade", req, socket, head);
  });
  const io = new Server(httpServer, IO_OPTIONS);
  await options.onIo?.(io, ctx);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // io.close() stops the listener too (it calls httpServer.close) after disconnecting every socket.
      const httpClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeIdleConnections();
      for (const hook of hooks) {
        try {
          await hook();
        } catch (err) {
          log.error("shutdown hook failed", {
            event: "shutdown_hook_error",
            error: err instanceof Error ? err : String(err),
          });
        }
      }
      const drained = await Promise.race([
        httpClosed.then(() => true),
        delay(HTTP_DRAIN_MS).then(() => false),
      ]);
      if (!drained) httpServer.closeAllConnections();
      await httpClosed;
      await nextApp?.close();
    })();
    return closing;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      httpServer.once("error", onError);
      httpServer.listen(port, host, () => {
        httpServer.off("error", onError);
        resolve();
      });
    });
  } catch (err) {
    // Port taken or address not ours: release what onIo opened (the store) before reporting it.
    await close();
    throw err;
  }
  const bound = (httpServer.address() as AddressInfo).port;
  const reachHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  return { url: `http://${reachHost}:${bound}`, port: bound, host, io, httpServer, ctx, close };
}

function safeCount(count: () => number): number {
  try {
    const n = count();
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}
