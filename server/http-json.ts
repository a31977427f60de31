// Small helpers for the JSON API: size-capped bodies parsed with zod, JSON replies, errors as
// { code, message }, and the Bearer secret a teacher's browser sends.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { hasForbiddenKey } from "./protocol";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function send(
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

export function sendFile(res: ServerResponse, type: string, filename: string, body: string): void {
  res.writeHead(200, {
    "content-type": `${type}; charset=utf-8`,
    "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "cache-control": "no-store",
  });
  res.end(body);
}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
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

export async function readJson<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
  limit = 64 * 1024,
): Promise<z.infer<T>> {
  const text = await readBody(req, limit);
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, "bad_request", "The request body is not valid JSON.");
  }
  if (hasForbiddenKey(value)) throw new HttpError(400, "bad_request", "Bad request: forbidden key.");
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

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return typeof h === "string" && h.startsWith("Bearer ") ? h.slice(7).trim() : null;
}
