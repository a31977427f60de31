// Socket.IO transport for rooms: the handshake (who is this: host, student, projector screen),
// then every event is parsed → the seat found from its token → applied on the room's actor →
// acknowledged. Rules live in game/; this file decides identity, limits and delivery only.
import type { Server, Socket } from "socket.io";
import type { Actor, Command } from "../game/events";
import { Broadcaster, group, type SocketData } from "./broadcast";
import type { ServerContext } from "./http";
import { createJoinGuard, type JoinGuard } from "./limits/join-guard";
import { checkName } from "../game/names";
import { createRateLimiter, type RateLimiter } from "./limits/rate";
import { createLogger, type Logger } from "./log";
import {
  type Ack,
  CommandSchema,
  type ErrorCode,
  HandshakeSchema,
  HOST_COMMANDS,
  type JoinAck,
  JoinSchema,
  PROTOCOL_VERSION,
} from "./protocol";
import { type LiveRoom, Registry } from "./rooms";
import { hashSecret } from "./secrets";
import { openStore } from "./store";
import type { Store } from "./store/types";
import { type ApiHandler, createApi } from "./api";
import { createDeckSource } from "./decks";
import { checkOrigin } from "./origin";

/** A student whose connection drops is marked away after this, not at the first blip. */
export const AWAY_GRACE_MS = 4_000;

export interface RealtimeOptions {
  store: Store;
  log?: Logger;
  /** Extra allowed origins besides the server's own host (ALLOWED_ORIGINS, comma-separated). */
  origins?: string[];
  /** Per-socket event budget. */
  rate?: { capacity: number; refillPerSecond: number };
  joinGuard?: JoinGuard;
}

export interface Realtime {
  registry: Registry;
  broadcaster: Broadcaster;
  /** The HTTP API (/api/*) over the same rooms and store. */
  api: ApiHandler;
  close(): void;
}

function handshakeError(code: ErrorCode, message: string): Error {
  const err = new Error(message) as Error & { data: { code: ErrorCode; message: string } };
  err.data = { code, message };
  return err;
}

function refusal(code: ErrorCode, message: string): Ack {
  return { ok: false, code, message };
}

function seatId(): string {
  return `s${hashSecret(`${Math.random()}:${Date.now()}:${process.hrtime.bigint()}`).slice(0, 10)}`;
}

export function createRealtime(io: Server, options: RealtimeOptions): Realtime {
  const log = options.log ?? createLogger({ component: "realtime" });
  const guard = options.joinGuard ?? createJoinGuard();
  const limiter: RateLimiter = createRateLimiter(options.rate ?? { capacity: 20, refillPerSecond: 10 });
  const awayTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const dirty = new Set<LiveRoom>();
  let flushing = false;

  const registry: Registry = new Registry({
    store: options.store,
    log,
    onStep: (live) => {
      dirty.add(live);
      if (flushing) return;
      flushing = true;
      // Coalesce the steps of one tick (a command and the timer steps it causes) into one broadcast.
      queueMicrotask(() => {
        flushing = false;
        const rooms = [...dirty];
        dirty.clear();
        for (const r of rooms) afterStep(r);
      });
    },
  });
  const broadcaster = new Broadcaster(io, (live) => registry.gameId(live));

  io.engine.opts.allowRequest = (req, callback) => {
    const problem = checkOrigin(req.headers.origin, req.headers.host, options.origins ?? []);
    if (problem) log.warn("origin refused", { origin: String(req.headers.origin ?? "") });
    callback(problem, problem === null);
  };

  function afterStep(live: LiveRoom): void {
    broadcaster.room(live);
    // Seats the teacher removed or banned, or that left: tell their sockets and let them go.
    for (const socket of broadcaster.playersOf(live.code)) {
      const data = socket.data as SocketData;
      const seat = data.seat ? live.room.context.seats[data.seat] : undefined;
      if (seat && (seat.status === "removed" || seat.status === "banned" || seat.status === "left")) {
        const message =
          seat.status === "banned"
            ? "The teacher has removed you from this game."
            : seat.status === "removed"
              ? "The teacher has taken you out of the game. You can join again with the code."
              : "You left the game.";
        socket.emit("notice", { code: seat.status === "banned" ? "banned" : "removed", message });
        if (seat.status !== "banned") forgetTokens(live, seat.id);
        socket.disconnect(true);
      }
    }
  }

  function forgetTokens(live: LiveRoom, seat: string): void {
    for (const [hash, auth] of Object.entries(live.auth.tokens))
      if (auth.seat === seat) delete live.auth.tokens[hash];
  }

  const restored = registry.restore();
  if (restored > 0) log.info("rooms restored", { rooms: restored });

  io.use((socket, next) => {
    const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      const stale = (socket.handshake.auth as { protocol?: unknown })?.protocol !== PROTOCOL_VERSION;
      return next(
        stale
          ? handshakeError("stale_client", "This page is out of date: reload it to carry on.")
          : handshakeError("bad_request", "Could not connect: check the join code."),
      );
    }
    const auth = parsed.data;
    if (auth.protocol !== PROTOCOL_VERSION)
      return next(handshakeError("stale_client", "This page is out of date: reload it to carry on."));
    const ip = socket.handshake.address;
    const attempt = { clientId: auth.device, ip };
    const verdict = guard.check(attempt);
    if (!verdict.ok) return next(handshakeError("slow_down", verdict.message));
    const live = registry.get(auth.code);
    if (!live) {
      guard.recordFailure(attempt);
      return next(handshakeError("no_room", "There is no game with that code. Check the code on the board."));
    }
    const data: SocketData = {
      code: live.code,
      role: auth.role,
      seat: null,
      device: auth.device ?? "",
      ip,
      team: null,
      lastMe: "",
    };
    if (auth.role === "host") {
      if (!live.isHost(auth.secret)) {
        guard.recordFailure(attempt);
        return next(handshakeError("bad_secret", "This host link is not valid for this game."));
      }
    } else if (auth.role === "player" && auth.token) {
      const seat = live.seatForToken(auth.token, Date.now());
      const status = seat ? live.room.context.seats[seat]?.status : undefined;
      if (!seat || !status)
        return next(handshakeError("bad_token", "Your seat has expired: join again with the code."));
      if (status === "banned")
        return next(handshakeError("banned", "The teacher has removed you from this game."));
      if (status === "removed" || status === "left")
        return next(handshakeError("bad_token", "You are no longer in this game: join again with the code."));
      data.seat = seat;
    }
    guard.recordSuccess(attempt);
    socket.data = data;
    next();
  });

  io.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    const live = registry.get(data.code);
    if (!live) return void socket.disconnect(true);
    const slog = log.child({ room: live.code, role: data.role, sock: socket.id.slice(0, 6) });
    socket.join(group.all(live.code));
    if (data.role === "screen") socket.join(group.screen(live.code));
    if (data.role === "host") socket.join(group.host(live.code));
    if (data.role === "player") {
      socket.join(group.players(live.code));
      broadcaster.addPlayer(live.code, socket);
    }
    if (data.seat) present(live, data.seat);
    broadcaster.sync(live, socket);
    slog.debug("connected", { seat: data.seat ?? "" });

    // Every event passes the rate limit and must be one we know, with an ack to answer.
    socket.use(([event, ...args], next) => {
      const ack = args[args.length - 1];
      const reply = typeof ack === "function" ? (ack as (a: Ack) => void) : null;
      if (event !== "join" && event !== "command") {
        reply?.(refusal("bad_request", `Unknown event "${String(event).slice(0, 40)}".`));
        return;
      }
      if (!reply) return; // nothing to answer: an event without an ack is dropped
      const taken = limiter.take(socket.id);
      if (!taken.ok) {
        reply(refusal("rate_limited", "Too many actions at once: wait a moment."));
        return;
      }
      next();
    });

    socket.on("join", (payload: unknown, ack: (a: JoinAck) => void) => {
      if (data.role !== "player")
        return ack({ ok: false, code: "not_allowed", message: "Only students join a team." });
      if (data.seat)
        return ack({ ok: false, code: "already_joined", message: "You are already in this game." });
      const parsed = JoinSchema.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, code: "bad_request", message: "Type a name to join." });
      const name = checkName(parsed.data.name);
      if (!name.ok) return ack({ ok: false, code: "bad_name", message: name.message });
      const seat = seatId();
      const result = live.dispatch(
        { type: "join", seat, name: name.name, key: hashSecret(`device:${data.device}`) },
        { role: "system" },
        null,
      );
      if (!result.ok) return ack({ ok: false, code: result.code, message: result.message });
      const token = live.issueToken(seat, Date.now());
      if (live.room.context.mode === "homework" && !live.auth.ownerSeat) live.auth.ownerSeat = seat;
      registry.save(live);
      data.seat = seat;
      slog.info("joined", { seat });
      ack({ ok: true, seat, token });
      broadcaster.sync(live, socket);
    });

    socket.on("command", (payload: unknown, ack: (a: Ack) => void) => {
      const parsed = CommandSchema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return ack(
          refusal(
            "bad_request",
            `Bad command${issue ? `: ${issue.path.join(".") || "payload"} ${issue.message}` : ""}.`,
          ),
        );
      }
      const { id, ...command } = parsed.data;
      const actor = actorFor(live, data, command.type);
      if ("error" in actor) return ack(actor.error);
      const by = actor.by;
      const actionKey = id ? `${data.role === "host" ? "host" : data.seat}:${id}` : null;
      const result = live.dispatch(command as Command, by, actionKey);
      slog.debug("command", { event: command.type, seat: data.seat ?? "", ok: result.ok });
      ack(result.ok ? { ok: true, version: result.version } : refusal(result.code, result.message));
    });

    socket.on("disconnect", () => {
      limiter.forget(socket.id);
      if (data.role === "player") broadcaster.removePlayer(live.code, socket);
      if (data.seat) scheduleAway(live, data.seat);
    });
  });

  /** Who a command acts as. Host commands need the host's socket (or, at home, the owner's seat). */
  function actorFor(live: LiveRoom, data: SocketData, type: string): { by: Actor } | { error: Ack } {
    if (data.role === "screen")
      return { error: refusal("not_allowed", "The projector screen is read-only.") };
    const hostish = data.role === "host" || (data.seat !== null && data.seat === live.auth.ownerSeat);
    if (HOST_COMMANDS.has(type as never) || (type === "rename" && data.role === "host")) {
      return hostish
        ? { by: { role: "host" } }
        : { error: refusal("not_allowed", "Only the teacher can do that.") };
    }
    if (!data.seat)
      return {
        error: refusal(
          "not_joined",
          data.role === "host" ? "Join as a student to play cards." : "Join the game first.",
        ),
      };
    return { by: { role: "seat", seat: data.seat } };
  }

  function seatKey(live: LiveRoom, seat: string): string {
    return `${live.code}:${seat}`;
  }

  function present(live: LiveRoom, seat: string): void {
    const key = seatKey(live, seat);
    const timer = awayTimers.get(key);
    if (timer) clearTimeout(timer);
    awayTimers.delete(key);
    if (live.room.context.seats[seat]?.status === "away")
      live.dispatch({ type: "presence", seat, present: true }, { role: "system" }, null);
  }

  function scheduleAway(live: LiveRoom, seat: string): void {
    const still = [...broadcaster.playersOf(live.code)].some((s) => (s.data as SocketData).seat === seat);
    if (still) return;
    const key = seatKey(live, seat);
    const old = awayTimers.get(key);
    if (old) clearTimeout(old);
    awayTimers.set(
      key,
      setTimeout(() => {
        awayTimers.delete(key);
        const back = [...broadcaster.playersOf(live.code)].some((s) => (s.data as SocketData).seat === seat);
        if (!back && live.room.context.seats[seat]?.status === "present")
          live.dispatch({ type: "presence", seat, present: false }, { role: "system" }, null);
      }, AWAY_GRACE_MS),
    );
  }

  const api = createApi({
    registry,
    store: options.store,
    decks: createDeckSource(options.store),
    log,
    origins: options.origins ?? [],
  });

  return {
    registry,
    broadcaster,
    api,
    close() {
      for (const t of awayTimers.values()) clearTimeout(t);
      awayTimers.clear();
      registry.stopAll();
    },
  };
}

/** The plug-in point server/index.ts loads: rooms on the default store in DATA_DIR. */
export async function attachRealtime(io: Server, ctx: ServerContext): Promise<void> {
  const store = openStore({ DATA_DIR: ctx.dataDir, STORE: process.env.STORE });
  const origins = (process.env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const realtime = createRealtime(io, { store, origins });
  ctx.setRoomCount(() => realtime.registry.size);
  ctx.setApi(realtime.api);
  ctx.onShutdown(() => {
    realtime.close();
    store.close();
  });
}
