// One socket's life after the handshake: join the room's groups, first sync, then every event
// through the gate (rate limit, known event, exactly one payload and an ack) → zod parse → the
// seat from the handshake (never from the payload) → the room's actor, one event at a time →
// an ack. A successful action is acknowledged only once its step is on disk (commit.ts: group
// commit at the end of the event-loop turn), so an acknowledged action survives even a SIGKILL;
// a refusal changed nothing and is answered at once.
import type { Socket } from "socket.io";
import type { Actor, Command } from "../game/events";
import { checkName } from "../game/names";
import { type Broadcaster, dataOf, group, type SocketData, viewGroup } from "./broadcast";
import type { Committer } from "./commit";
import type { RateLimiter } from "./limits/rate";
import type { Logger } from "./log";
import type { Presence } from "./presence";
import {
  type Ack,
  CLIENT_EVENTS,
  type ErrorCode,
  HOST_COMMANDS,
  hasForbiddenKey,
  type JoinAck,
  JoinSchema,
  parseCommand,
} from "./protocol";
import type { LiveRoom, Registry } from "./rooms";
import { hashSecret, newSeatId } from "./secrets";

/** How often one socket may be told it is rate limited. */
export const RATE_NOTICE_EVERY_MS = 5_000;

export interface ConnectionDeps {
  registry: Registry;
  broadcaster: Broadcaster;
  presence: Presence;
  commit: Committer;
  limiter: RateLimiter;
  log: Logger;
}

type Reply<T> = (answer: T) => void;

function refusal(code: ErrorCode, message: string): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message };
}

const KNOWN_EVENTS: ReadonlySet<unknown> = new Set(CLIENT_EVENTS);

export function serveConnection(socket: Socket, deps: ConnectionDeps): void {
  const { registry, broadcaster, presence, commit, limiter, log } = deps;
  const data = dataOf(socket);
  const live = registry.get(data.code);
  if (!live) return void socket.disconnect(true);
  live.lastActive = registry.now();
  const slog = log.child({ room: live.code, role: data.role, sock: socket.id.slice(0, 8) });

  // The handshake's schema has checked `views` (full or patch).
  data.patch = (socket.handshake.auth as { views?: unknown } | undefined)?.views === "patch";
  socket.join(group.all(live.code));
  if (data.role === "screen") socket.join(viewGroup(group.screen(live.code), socket));
  if (data.role === "host") socket.join(viewGroup(group.host(live.code), socket));
  if (data.role === "player") broadcaster.addPlayer(live.code, socket);
  if (data.seat) presence.arrived(live, data.seat);
  broadcaster.sync(live, socket, { deck: true });
  slog.info("connected", { seat: data.seat ?? "" });

  /** Answers once the current step is durable. */
  function durably<T>(reply: Reply<T>, answer: T): void {
    try {
      commit.after(() => reply(answer));
    } catch (err) {
      // Only a closed store throws, i.e. the server is stopping: the client reconnects and retries
      // (the action id makes the retry safe), so no answer is better than an unfounded "ok".
      slog.warn("ack dropped: store closed", { err: err as Error });
    }
  }

  // Every event passes here first. Nothing but the event name and the argument count is read.
  socket.use((packet, next) => {
    const args = packet.slice(1);
    const last = args[args.length - 1];
    const reply = typeof last === "function" ? (last as Reply<Ack>) : null;
    if (reply) args.pop();
    if (!limiter.take(socket.id).ok) {
      reply?.(refusal("rate_limited", "Too many actions at once: wait a moment."));
      tellRateLimited();
      return;
    }
    // An event without an ack cannot be answered; dropping it is the answer.
    if (!reply) return;
    if (!KNOWN_EVENTS.has(packet[0]))
      return reply(refusal("bad_request", `Unknown event "${String(packet[0]).slice(0, 40)}".`));
    if (args.length !== 1) return reply(refusal("bad_request", "Send exactly one payload and an ack."));
    next();
  });

  function tellRateLimited(): void {
    const now = Date.now();
    if (now - data.lastRateNoticeAt < RATE_NOTICE_EVERY_MS) return;
    data.lastRateNoticeAt = now;
    slog.warn("rate limited", { event: "rate_limited", seat: data.seat ?? "" });
    socket.emit("notice", {
      code: "rate_limited",
      message: "You are clicking very fast: slow down a little.",
    });
  }

  /** A handler that throws answers server_error and leaves the room running; never the process. */
  function guarded<T>(name: string, handler: (payload: unknown, reply: Reply<T>) => void) {
    return (payload: unknown, reply: Reply<T>) => {
      try {
        handler(payload, reply);
      } catch (err) {
        slog.error("handler failed", { event: name, seat: data.seat ?? "", err: err as Error });
        reply(refusal("server_error", "Something went wrong on the server: try again.") as T);
      }
    };
  }

  socket.on(
    "join",
    guarded<JoinAck>("join", (payload, reply) => {
      if (data.role !== "player") return reply(refusal("not_allowed", "Only students join a team."));
      if (data.seat) return reply(refusal("already_joined", "You are already in this game."));
      const parsed = hasForbiddenKey(payload) ? null : JoinSchema.safeParse(payload);
      if (!parsed?.success) return reply(refusal("bad_request", "Type a name to join."));
      const name = checkName(parsed.data.name);
      if (!name.ok) return reply(refusal("bad_name", name.message));
      const seat = newSeatId();
      const result = live.dispatch(
        { type: "join", seat, name: name.name, key: deviceKey(data.device) },
        { role: "system" },
        null,
      );
      if (!result.ok) return reply(refusal(result.code, result.message));
      const token = live.issueToken(seat, registry.now());
      if (live.room.context.mode === "homework" && !live.auth.ownerSeat) live.setOwner(seat);
      // The token was issued after the join step saved: save again so the ack covers it.
      registry.save(live);
      data.seat = seat;
      slog.info("joined", { seat });
      durably(reply, { ok: true, seat, token });
    }),
  );

  socket.on(
    "command",
    guarded<Ack>("command", (payload, reply) => {
      const parsed = parseCommand(payload);
      if (!parsed.ok) return reply(refusal("bad_request", parsed.message));
      const { id, ...command } = parsed.command;
      const actor = actorFor(live, data, command.type);
      if ("error" in actor) return reply(actor.error);
      // Action ids are per sender, so one pupil's ids can never answer for another's.
      const actionKey = id ? `${data.role === "host" ? "host" : data.seat}:${id}` : null;
      const result = live.dispatch(command as Command, actor.by, actionKey);
      slog.debug("command", {
        event: command.type,
        seat: data.seat ?? "",
        ok: result.ok,
        code: result.ok ? "" : result.code,
      });
      if (!result.ok) return reply(refusal(result.code, result.message));
      durably(reply, { ok: true, version: result.version });
    }),
  );

  socket.on("disconnect", (reason) => {
    limiter.forget(socket.id);
    if (data.role === "player") broadcaster.removePlayer(live.code, socket);
    if (data.seat) presence.departed(live, data.seat);
    live.lastActive = registry.now();
    slog.info("disconnected", { seat: data.seat ?? "", reason });
  });
}

/** The ban list holds a hash of the browser's id, never the id itself. */
export function deviceKey(device: string): string {
  return hashSecret(`device:${device}`);
}

/** Who a command acts as. Host commands need the host's socket (or, at home, the owner's seat). */
function actorFor(live: LiveRoom, data: SocketData, type: string): { by: Actor } | { error: Ack } {
  if (data.role === "screen") return { error: refusal("not_allowed", "The projector screen is read-only.") };
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
