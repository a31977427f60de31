// The room layer's wiring: the registry of live rooms, the only broadcaster, the handshake, one
// connection handler per socket, presence and the janitor, over one Store. Rules live in game/;
// identity is handshake.ts, limits and acks connection.ts, delivery broadcast.ts.
// server/index.ts loads `attachRealtime`; tests call `createRealtime` with a memory store.
import type { Server, Socket } from "socket.io";
import { type ApiHandler, createApi } from "./api";
import { Broadcaster, dataOf } from "./broadcast";
import { Committer } from "./commit";
import { deviceKey, serveConnection } from "./connection";
import { createDeckSource } from "./decks";
import { DebugStats, debugIdle } from "./debug-stats";
import { checkOrigins, createHandshake } from "./handshake";
import type { ServerContext } from "./http";
import { type IdlePolicy, Janitor, SWEEP_EVERY_MS } from "./janitor";
import { createJoinGuard, type JoinGuard } from "./limits/join-guard";
import { createRateLimiter } from "./limits/rate";
import { createLogger, type Logger } from "./log";
import { AWAY_GRACE_MS, Presence, RESTORE_GRACE_MS } from "./presence";
import { RATE_LIMIT } from "./protocol";
import { type LiveRoom, Registry } from "./rooms";
import { openStore } from "./store";
import type { Store } from "./store/types";
import type { Scheduler } from "../game/room";
import type { Seat } from "../game/types";

export { AWAY_GRACE_MS } from "./presence";

export interface RealtimeOptions {
  store: Store;
  log?: Logger;
  /** Extra allowed origins besides the server's own host (ALLOWED_ORIGINS, comma-separated). */
  origins?: string[];
  /** Per-socket event budget. Default RATE_LIMIT. */
  rate?: { capacity: number; refillPerSecond: number };
  joinGuard?: JoinGuard;
  /** Grace before a dropped student shows as away. Default AWAY_GRACE_MS. */
  awayGraceMs?: number;
  /** How long a restored room's students have to come back after a restart (RESTORE_GRACE_MS). */
  restoreGraceMs?: number;
  /** When idle rooms are retired; the sweep runs every `sweepEveryMs` (0: never by itself). */
  idle?: IdlePolicy;
  sweepEveryMs?: number;
  /** The rooms' clock and timers (default: the real ones). */
  scheduler?: Scheduler;
  /** The address the server listens on (HOST, default 0.0.0.0): /api/info's join addresses. */
  listenHost?: string;
}

export interface Realtime {
  registry: Registry;
  broadcaster: Broadcaster;
  janitor: Janitor;
  /** The HTTP API (/api/*) over the same rooms and store. */
  api: ApiHandler;
  close(): void;
}

export function createRealtime(io: Server, options: RealtimeOptions): Realtime {
  const log = options.log ?? createLogger({ component: "realtime" });
  const store = options.store;
  const dirty = new Set<LiveRoom>();
  let flushQueued = false;

  const registry: Registry = new Registry({
    store,
    log,
    scheduler: options.scheduler,
    onStep: (live) => {
      dirty.add(live);
      if (flushQueued) return;
      flushQueued = true;
      // Coalesce the steps of one tick (a command and the steps it causes) into one broadcast.
      queueMicrotask(() => {
        flushQueued = false;
        const rooms = [...dirty];
        dirty.clear();
        for (const r of rooms) {
          try {
            afterStep(r);
          } catch (err) {
            log.error("broadcast failed", { room: r.code, err: err as Error });
          }
        }
      });
    },
  });
  const broadcaster = new Broadcaster(io, (live) => registry.gameId(live));
  const presence = new Presence(broadcaster, options.awayGraceMs ?? AWAY_GRACE_MS);
  const janitor = new Janitor({ io, registry, broadcaster, presence, log, policy: options.idle });

  /** Per room, the seat table the last step's departures were looked for in. */
  const seen = new WeakMap<LiveRoom, Readonly<Record<string, Seat>>>();

  /** Did a seat leave the game (removed, banned, left, or deleted in the lobby) since `last`? The
   *  engine keeps an unchanged seat, and an unchanged seat table, as the same object (game/edit.ts):
   *  only the seats a step touched are looked at, and a step that touched none is skipped whole. */
  function departures(
    last: Readonly<Record<string, Seat>> | undefined,
    seats: Readonly<Record<string, Seat>>,
  ) {
    if (last === undefined) return true;
    if (last === seats) return false;
    for (const id in last) {
      const seat = seats[id];
      if (seat === last[id]) continue;
      if (!seat || seat.status === "removed" || seat.status === "banned" || seat.status === "left")
        return true;
    }
    return false;
  }

  function afterStep(live: LiveRoom): void {
    if (registry.get(live.code) !== live) return; // retired meanwhile
    broadcaster.room(live);
    const seats = live.room.context.seats;
    const last = seen.get(live);
    seen.set(live, seats);
    if (!departures(last, seats)) return;
    // Seats the teacher removed or banned, or that left: tell their sockets and let them go. A
    // removed or departed seat's tokens are forgotten (a fresh join makes a fresh seat); a banned
    // one's are kept so its browser hears "banned" rather than an invitation to join again.
    const banned = new Set(live.room.context.bannedKeys);
    for (const socket of broadcaster.playersOf(live.code)) {
      const data = dataOf(socket);
      if (!data.seat) continue;
      const seat = seats[data.seat];
      // In the lobby a removed or banned seat is deleted outright: its socket still needs telling.
      const status = seat ? seat.status : banned.has(deviceKey(data.device)) ? "banned" : "removed";
      if (status !== "removed" && status !== "banned" && status !== "left") continue;
      const message =
        status === "banned"
          ? "The teacher has removed you from this game."
          : status === "removed"
            ? "The teacher has taken you out of the game. You can join again with the code."
            : "You left the game.";
      socket.emit("notice", { code: status === "banned" ? "banned" : "removed", message });
      letGo(socket);
    }
    let forgot = false;
    for (const seat of Object.values(seats))
      if (seat.status === "removed" || seat.status === "left") forgot = live.forgetTokens(seat.id) || forgot;
    // Tokens of seats deleted in the lobby open nothing any more.
    for (const auth of Object.values(live.auth.tokens))
      if (!seats[auth.seat]) forgot = live.forgetTokens(auth.seat) || forgot;
    if (forgot) registry.save(live);
  }

  /** Closes a socket once the acks already waiting for this step have gone out: a student's own
   *  `leave` is answered before its socket closes (closed at once, the ack was lost with it). */
  function letGo(socket: Socket): void {
    try {
      commit.after(() => socket.disconnect(true));
    } catch {
      socket.disconnect(true);
    }
  }

  checkOrigins(io, options.origins ?? [], log);
  io.use(createHandshake({ registry, guard: options.joinGuard ?? createJoinGuard(), log }));

  const restored = registry.restore();
  if (restored > 0) log.info("rooms restored", { rooms: restored });
  // After a restart nobody is connected: each student counts as just dropped, and whoever is not back
  // within the restore grace is marked away, so a vote stops waiting for them (not at once: the first
  // browser back would otherwise find the class away and end the vote without the rest).
  const restoreGraceMs = options.restoreGraceMs ?? RESTORE_GRACE_MS;
  for (const live of registry.all())
    for (const seat of Object.values(live.room.context.seats))
      if (seat.kind === "human" && seat.status === "present")
        presence.departed(live, seat.id, restoreGraceMs);

  const limiter = createRateLimiter(options.rate ?? RATE_LIMIT);
  const commit = new Committer(store, log);
  io.on("connection", (socket) => {
    try {
      serveConnection(socket, { registry, broadcaster, presence, commit, limiter, log });
    } catch (err) {
      log.error("connection setup failed", { room: dataOf(socket).code, err: err as Error });
      socket.disconnect(true);
    }
  });

  const sweepEvery = options.sweepEveryMs ?? SWEEP_EVERY_MS;
  if (sweepEvery > 0) janitor.start(sweepEvery);

  const api = createApi({
    registry,
    store,
    decks: createDeckSource(store),
    log,
    origins: options.origins ?? [],
    listenHost: options.listenHost ?? "0.0.0.0",
  });

  return {
    registry,
    broadcaster,
    janitor,
    api,
    close() {
      janitor.stop();
      presence.clear();
      registry.stopAll();
    },
  };
}

/** The plug-in point server/index.ts loads: rooms on the default store in DATA_DIR. */
export async function attachRealtime(io: Server, ctx: ServerContext): Promise<void> {
  const store = openStore({ ...process.env, DATA_DIR: ctx.dataDir });
  const origins = (process.env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Off by default: timer lateness, memory and counts for soak and chaos runs (debug-stats.ts).
  const stats =
    process.env.DEBUG_STATS === "1"
      ? new DebugStats(() => ({ rooms: realtime.registry.size, sockets: io.engine.clientsCount }))
      : null;
  const realtime = createRealtime(io, {
    store,
    origins,
    listenHost: ctx.host,
    ...(stats ? { scheduler: stats.scheduler, ...debugIdle(process.env) } : {}),
  });
  ctx.setRoomCount(() => realtime.registry.size);
  ctx.setApi(stats ? stats.route(realtime.api) : realtime.api);
  // http.ts runs hooks after every socket is disconnected: stop the rooms' timers first so no
  // step lands after the final flush, then flush and close the store.
  ctx.onShutdown(() => {
    realtime.close();
    store.close();
  });
}
