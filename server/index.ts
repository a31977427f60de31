// Process entry: `node --import tsx server/index.ts`. Reads the environment, starts the one server
// (server/http.ts), prints the address students should use, and shuts down cleanly on SIGTERM/SIGINT.
// Tests import `startServer` from here or from ./http; importing this module starts nothing.
// Environment: PORT (3000; 0 = any free port), HOST (0.0.0.0), DATA_DIR (./data), STORE (sqlite |
// memory), STORE_BATCH_MS, ALLOWED_ORIGINS, LOG_LEVEL, NODE_ENV=development (Next dev mode), and
// SERVE_UI=0 to serve sockets, the API and /healthz without the Next.js pages (headless: the
// restart tests and load generators, which need no UI build).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type OnIo, type RunningServer, startServer } from "./http";
import { createLogger } from "./log";
import { isLoopback, joinAddresses } from "./network";

export type {
  HealthBody,
  OnIo,
  RunningServer,
  ServerContext,
  ShutdownHook,
  StartServerOptions,
} from "./http";
export { startServer } from "./http";

/** A clean shutdown must finish within this; after it the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 4000;

const log = createLogger({ component: "server" });

/**
 * ROOM LAYER PLUG-IN POINT.
 * server/realtime.ts (owned by the room layer) exports `attachRealtime(io, ctx)` with the `OnIo` signature.
 * It is loaded when present so the room layer lands without editing this file; until then the server runs
 * with Socket.IO open and no events handled.
 */
async function loadRealtime(): Promise<OnIo | undefined> {
  const file = fileURLToPath(new URL("./realtime.ts", import.meta.url));
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { attachRealtime?: unknown };
  if (typeof mod.attachRealtime !== "function") {
    throw new Error("server/realtime.ts must export a function attachRealtime(io, ctx)");
  }
  return mod.attachRealtime as OnIo;
}

/** A setting the person starting the server can fix: printed as one line, without a stack. */
class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got ${JSON.stringify(raw)}`);
  }
  return port;
}

function printBanner(server: RunningServer) {
  const { port, host } = server;
  const lines = ["", "Debate Deck is running."];
  // The same addresses /api/info gives the join panel (network.ts).
  const join = joinAddresses(host);
  if (isLoopback(host)) {
    lines.push(`  Listening only on ${server.url} (HOST=${host}); students elsewhere cannot reach it.`);
  } else {
    lines.push(
      `  Teacher, on this computer:  ${host === "0.0.0.0" || host === "::" ? `http://localhost:${port}` : server.url}`,
    );
    if (join.length === 0) {
      lines.push(
        "  Students: no network connection found. Join the school network, then restart to see the address.",
      );
    } else {
      for (const ip of join) lines.push(`  Students join at:           http://${ip}:${port}`);
    }
  }
  lines.push("  Stop with Ctrl+C.", "");
  console.log(lines.join("\n"));
}

async function main() {
  const dev = process.env.NODE_ENV === "development";
  // React and Next choose their build from NODE_ENV when first loaded; set it before they are imported.
  if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  let server: RunningServer;
  try {
    server = await startServer({
      port: parsePort(process.env.PORT),
      host: process.env.HOST || "0.0.0.0",
      dataDir: path.resolve(process.env.DATA_DIR || "data"),
      dev,
      withNext: process.env.SERVE_UI !== "0",
      onIo: await loadRealtime(),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(
        `Port ${process.env.PORT || 3000} is already in use. Stop the other program or choose another: PORT=3001 npm start`,
      );
    } else if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
      // Not one of this computer's addresses, or not an address at all (a typo).
      console.error(
        `HOST=${process.env.HOST} is not an address of this computer. Leave HOST unset to let the class join, or use 127.0.0.1 for this computer only.`,
      );
    } else if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      console.error(err);
      process.exit(1);
    }
    // Configuration problems exit with 2: scripts/start.mjs does not restart on them.
    process.exit(2);
  }
  printBanner(server);
  log.info("listening", { event: "listening", port: server.port, host: server.host });

  // Ctrl+C under `npm start` reaches this process twice (from the terminal and forwarded by
  // scripts/start.mjs), so repeats are ignored; the timeout guarantees the exit.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { event: "shutdown", signal });
    setTimeout(() => {
      log.error("shutdown took too long, exiting anyway", {
        event: "shutdown_timeout",
        afterMs: SHUTDOWN_TIMEOUT_MS,
      });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => {
        log.info("stopped", { event: "stopped" });
        process.exit(0);
      },
      (err) => {
        log.error("shutdown failed", {
          event: "shutdown_error",
          error: err instanceof Error ? err : String(err),
        });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

const isEntry =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) void main();
