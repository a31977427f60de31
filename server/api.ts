// The small HTTP API beside the sockets: create a room, and read a finished game's essay plan
// (public to whoever has the game's id) and the teacher's report (host secret only).
// Bodies are size-capped and parsed with zod; every error is JSON { code, message }.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { essayMarkdown, type EssayPlan, type Report, reportCsv } from "../game/after";
import type { Logger } from "./log";
import { createRateLimiter } from "./limits/rate";
import { checkOrigin } from "./origin";
import { CreateRoomSchema, PROTOCOL_VERSION } from "./protocol";
import { lanAddresses } from "./network";
import type { Registry } from "./rooms";
import { hashSecret, safeEqual } from "./secrets";
import type { Store } from "./store/types";
import type { DeckSource } from "./decks";

export interface ApiDeps {
  registry: Registry;
  store: Store;
  decks: DeckSource;
  log: Logger;
  origins: readonly string[];
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return reject(new HttpError(413, "too_large", "That is too large."));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, "too_large", "That is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function readJson<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
  limit = MAX_BODY,
): Promise<z.infer<T>> {
  const text = await readBody(req, limit);
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(
      400,
      "bad_request",
      `Bad request${issue ? `: ${issue.path.join(".") || "body"} ${issue.message}` : ""}.`,
    );
  }
  return parsed.data;
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return typeof h === "string" && h.startsWith("Bearer ") ? h.slice(7).trim() : null;
}

interface GameSummary {
  question: string;
  hostSecretHash?: string;
}

export function createApi(deps: ApiDeps): ApiHandler {
  const creations = createRateLimiter({ capacity: 20, refillPerSecond: 0.5 });

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      const problem = checkOrigin(req.headers.origin, req.headers.host, deps.origins);
      if (problem) throw new HttpError(403, "bad_origin", problem);
    }

    if (path === "/api/info" && method === "GET") {
      // Where students should go: this machine's network addresses, never "localhost".
      const port = req.socket.localPort ?? 3000;
      const joinUrls = lanAddresses().map((ip) => `http://${ip}:${port}`);
      return send(res, 200, { joinUrls, protocol: PROTOCOL_VERSION });
    }

    if (path === "/api/rooms" && method === "POST") {
      const ip = req.socket.remoteAddress ?? "";
      if (!creations.take(ip).ok)
        throw new HttpError(429, "rate_limited", "Too many new games from this network: wait a minute.");
      const body = await readJson(req, CreateRoomSchema);
      const found = deps.decks.get(body.deckId ?? null);
      if (!found) throw new HttpError(404, "no_deck", "That deck no longer exists.");
      const { live, hostSecret } = deps.registry.create({
        deck: found.deck,
        deckId: found.id,
        mode: body.mode ?? "class",
      });
      return send(res, 201, { code: live.code, hostSecret });
    }

    const game =
      /^\/api\/games\/([a-z0-9]{1,16}_[A-Za-z0-9_-]{1,40})(\/plan\.md|\/report|\/report\.csv)?$/.exec(path);
    if (game && method === "GET") {
      const rec = deps.store.getGame(game[1] as string);
      if (!rec) throw new HttpError(404, "no_game", "No finished game with that id.");
      const plan = rec.plan as EssayPlan;
      const summary = rec.summary as GameSummary;
      switch (game[2]) {
        case undefined:
          return send(res, 200, {
            id: rec.id,
            code: rec.code,
            finishedAt: rec.finishedAt,
            summary: { question: summary.question },
            plan,
          });
        case "/plan.md":
          res.writeHead(200, {
            "content-type": "text/markdown; charset=utf-8",
            "content-disposition": `attachment; filename="essay-plan-${rec.code}.md"`,
          });
          return void res.end(essayMarkdown(plan));
        default: {
          const secret = bearer(req);
          if (!secret || !summary.hostSecretHash || !safeEqual(hashSecret(secret), summary.hostSecretHash))
            throw new HttpError(
              403,
              "not_allowed",
              "Only the teacher who hosted this game can see its report.",
            );
          const report = rec.report as Report;
          if (game[2] === "/report") return send(res, 200, report);
          res.writeHead(200, {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="report-${rec.code}.csv"`,
          });
          return void res.end(reportCsv(report));
        }
      }
    }
    throw new HttpError(404, "not_found", "No such API route.");
  }

  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (!path.startsWith("/api/")) return false;
    route(req, res, path).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, { code: err.code, message: err.message });
      deps.log.error("api failed", { path, err: err instanceof Error ? err : String(err) });
      if (!res.headersSent)
        send(res, 500, { code: "server_error", message: "Something went wrong on the server." });
      else res.destroy();
    });
    return true;
  };
}
