// The floor the load test compares the game server with: bare Socket.IO on the same platform options
// (server/http.ts: websocket or polling, no per-message deflate, the same ping and frame limits),
// which only fans payloads out. No game, no views, no storage, no rate limit.
//   `node --import tsx server/baseline/index.ts` (PORT, default 3100; HOST, default 127.0.0.1)
// A client connects with auth { room, role: "host" | "screen" | "player", team?, deck, view }: it
// joins the room's group for its audience (screen, host, or its team), gets `deck` bytes once and
// a first `view` of `view` bytes, as the real server sends the deck and the first sync.
// `command` { screen, host, failure, success, me: number[] } with an ack bumps the room's version and
// sends each group a `view` of that many bytes (serialised once per group, as the real broadcast),
// then `me` frames to the sender and random players, then acks { ok: true, version }. With
// BARE_WORK_US it first does that much CPU work per command, on its main thread or a worker
// (work.ts): a what-if for the game's own work.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Server, type Socket } from "socket.io";
import { type BareWork, Work, workFromEnv } from "./work";

/** The platform's Socket.IO options (server/http.ts IO_OPTIONS), so only the work differs. */
const IO_OPTIONS = {
  path: "/socket.io",
  perMessageDeflate: false,
  maxHttpBufferSize: 16 * 1024,
  serveClient: false,
  pingInterval: 10_000,
  pingTimeout: 10_000,
} as const;

/** One long string to cut padding from: slices share it, so a payload costs no allocation. */
const FILLER = "x".repeat(256 * 1024);
/** Bytes of a view frame that are not padding: `42["view",{"view":{"audience":…,"version":…,"pad":""},"now":…,"results":null}]`. */
const OVERHEAD = 96;

/** How the padding is made (env BARE_PAYLOAD): "shaped" (default), JSON like a view's own, objects
 *  of short strings, numbers and booleans, so that a client parses a frame at the cost a real view
 *  of its size has, and the server encodes it as it would a view object; or "flat", one long string,
 *  which costs a client a fraction of that to parse (the baseline until 2026-11-29). */
export type BarePayload = "shaped" | "flat";

const SLOTS = ["point", "evidence1", "evidence2", "explanation", "link"];
/** A proposal-like record, as a team view's draft holds them. */
const item = (i: number) => ({
  id: `p${i}`,
  slot: SLOTS[i % SLOTS.length],
  card: i % 4 === 0 ? null : `c-${i}`,
  by: `s_${String(i).padStart(8, "0")}`,
  votes: i % 7,
  leading: i % 3 === 0,
});

/** JSON of exactly `length` characters (at least 2) shaped like view content: records, then a
 *  string for what is left. */
export function shapedPad(length: number): unknown {
  if (length < 4) return "";
  const items: unknown[] = [];
  let size = 2; // []
  for (;;) {
    const next = item(items.length);
    const add = JSON.stringify(next).length + (items.length > 0 ? 1 : 0);
    // Room left for this record and a closing string (",\"\"" at most 3 characters).
    if (size + add + 3 > length) break;
    items.push(next);
    size += add;
  }
  const rest = length - size - 2 - (items.length > 0 ? 1 : 0);
  items.push(FILLER.slice(0, Math.max(0, rest)));
  return items;
}

/** Characters of padding a frame of `bytes` carries (the flat string's, without its quotes). */
const padChars = (bytes: number) => Math.max(0, Math.min(FILLER.length, Math.floor(bytes) - OVERHEAD));

function padder(kind: BarePayload): (bytes: number) => unknown {
  if (kind === "flat") return (bytes) => FILLER.slice(0, padChars(bytes));
  const made = new Map<number, unknown>();
  return (bytes) => {
    // As long as the flat padding would be, with its two quotes.
    const length = padChars(bytes) + 2;
    let pad = made.get(length);
    if (pad === undefined) {
      pad = shapedPad(length);
      made.set(length, pad);
    }
    return pad;
  };
}

interface RoomState {
  version: number;
  players: Socket[];
  sockets: number;
}

const toBytes = (x: unknown): number => (typeof x === "number" && Number.isFinite(x) ? x : 0);

export interface Baseline {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBaseline(
  opts: { port?: number; host?: string; payload?: BarePayload; work?: BareWork | null } = {},
): Promise<Baseline> {
  const pad = padder(opts.payload ?? "shaped");
  const work = opts.work ? new Work(opts.work) : null;
  const httpServer = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  });
  const io = new Server(httpServer, IO_OPTIONS);
  const rooms = new Map<string, RoomState>();

  io.on("connection", (socket) => {
    const auth = socket.handshake.auth as Record<string, unknown>;
    const room = String(auth.room ?? "");
    const role = String(auth.role ?? "player");
    const group = role === "player" ? `${room}:team:${String(auth.team)}` : `${room}:${role}`;
    let state = rooms.get(room);
    if (!state) {
      state = { version: 0, players: [], sockets: 0 };
      rooms.set(room, state);
    }
    const own = state;
    own.sockets++;
    socket.join(group);
    if (role === "player") own.players.push(socket);
    const audience = role === "player" ? "team" : role;
    socket.emit("deck", { pad: pad(toBytes(auth.deck)) });
    socket.emit("view", {
      view: { audience, version: own.version, pad: pad(toBytes(auth.view)) },
      now: Date.now(),
      results: null,
    });

    socket.on("command", (cmd: Record<string, unknown>, ack?: (a: unknown) => void) => {
      if (typeof ack !== "function") return;
      if (!work) return answer(cmd, ack);
      const bytes = ["screen", "host", "failure", "success"].reduce((n, k) => n + toBytes(cmd[k]), 0);
      work.run(bytes, () => answer(cmd, ack));
    });

    const answer = (cmd: Record<string, unknown>, ack: (a: unknown) => void) => {
      const version = ++own.version;
      const now = Date.now();
      const send = (to: string, aud: string, bytes: unknown) =>
        io
          .to(to)
          .emit("view", { view: { audience: aud, version, pad: pad(toBytes(bytes)) }, now, results: null });
      send(`${room}:screen`, "screen", cmd.screen);
      send(`${room}:host`, "host", cmd.host);
      send(`${room}:team:failure`, "team", cmd.failure);
      send(`${room}:team:success`, "team", cmd.success);
      const mes = Array.isArray(cmd.me) ? cmd.me : [];
      mes.forEach((bytes, i) => {
        const to =
          i === 0 && role === "player" ? socket : own.players[Math.floor(Math.random() * own.players.length)];
        to?.emit("me", { me: { pad: pad(toBytes(bytes) - 30) }, version });
      });
      ack({ ok: true, version });
    };

    socket.on("disconnect", () => {
      own.players = own.players.filter((s) => s !== socket);
      if (--own.sockets === 0) rooms.delete(room);
    });
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port ?? 3100, host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await work?.close();
    },
  };
}

const isEntry =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  let work: BareWork | null;
  try {
    work = workFromEnv(process.env);
  } catch (err) {
    console.error(`msg=${(err as Error).message}`);
    process.exit(2);
  }
  const baseline = await startBaseline({
    work,
    port: Number(process.env.PORT ?? 3100),
    host: process.env.HOST || "127.0.0.1",
    payload: process.env.BARE_PAYLOAD === "flat" ? "flat" : "shaped",
  });
  // The same line the real server logs, so one launcher reads the port from either.
  console.log(`msg=listening port=${baseline.port}`);
  const stop = () => void baseline.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
