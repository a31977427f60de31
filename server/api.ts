// The HTTP API beside the sockets. A small router: each route module looks at the request and
// answers it or passes. Bodies are size-capped and zod-parsed; every error is JSON
// { code, message }; anything that changes data checks the Origin (as the socket handshake does).
import type { IncomingMessage, ServerResponse } from "node:http";
import { decksRoutes } from "./api-decks";
import { gamesRoutes } from "./api-games";
import { practiceRoutes } from "./api-practice";
import { roomsRoutes } from "./api-rooms";
import type { DeckSource } from "./decks";
import { HttpError, send } from "./http-json";
import { createRateLimiter, type RateLimiter } from "./limits/rate";
import type { Logger } from "./log";
import { checkOrigin } from "./origin";
import type { Registry } from "./rooms";
import type { Store } from "./store/types";

export interface ApiDeps {
  registry: Registry;
  store: Store;
  decks: DeckSource;
  log: Logger;
  origins: readonly string[];
  /** The address the server listens on (HOST): where students can be sent (network.ts). */
  listenHost: string;
}

export interface Route {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  method: string;
  deps: ApiDeps;
  /** Per-network budget for creating things (rooms, practice games, decks, homework). */
  creations: RateLimiter;
}

/** Answers the request and returns true, or returns false to let the next module try. */
export type RouteModule = (route: Route) => Promise<boolean>;

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const MODULES: readonly RouteModule[] = [roomsRoutes, gamesRoutes, decksRoutes, practiceRoutes];

/** Spends one creation from the caller's network budget, or refuses with 429. */
export function takeCreation(route: Route): void {
  const ip = route.req.socket.remoteAddress ?? "";
  if (!route.creations.take(ip).ok)
    throw new HttpError(429, "rate_limited", "Too many new games from this network: wait a minute.");
}

export function createApi(deps: ApiDeps): ApiHandler {
  const creations = createRateLimiter({ capacity: 30, refillPerSecond: 0.5 });

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      const problem = checkOrigin(req.headers.origin, req.headers.host, deps.origins);
      if (problem) throw new HttpError(403, "bad_origin", problem);
    }
    const route: Route = { req, res, path, method, deps, creations };
    for (const mod of MODULES) if (await mod(route)) return;
    throw new HttpError(404, "not_found", "No such API route.");
  }

  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (!path.startsWith("/api/")) return false;
    handle(req, res, path).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, { code: err.code, message: err.message });
      deps.log.error("api failed", { path, err: err instanceof Error ? err : String(err) });
      if (!res.headersSent)
        send(res, 500, { code: "server_error", message: "Something went wrong on the server." });
      else res.destroy();
    });
    return true;
  };
}
