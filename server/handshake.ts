// Who is connecting: the gate every socket passes before any event is read. The page's Origin is
// checked before Socket.IO runs (allowRequest); then the handshake's auth is parsed and the socket
// becomes a host (secret), a seated student (token), a student about to join (no token) or the
// projector (nothing). Wrong codes and secrets count as failed attempts for the join guard, which
// slows guessing down per browser and per network without ever slowing a class that types right.
import type { Server, Socket } from "socket.io";
import type { SocketData } from "./broadcast";
import type { JoinGuard } from "./limits/join-guard";
import { createRateLimiter } from "./limits/rate";
import type { Logger } from "./log";
import { checkOrigin } from "./origin";
import { type ErrorCode, HandshakeSchema, PROTOCOL_VERSION } from "./protocol";
import type { Registry } from "./rooms";

type Next = (err?: Error) => void;

function refuse(code: ErrorCode, message: string): Error {
  const err = new Error(message) as Error & { data: { code: ErrorCode; message: string } };
  err.data = { code, message };
  return err;
}

const STALE = "This page is out of date: reload it to carry on.";

/** Refuses HTTP long-polling and WebSocket upgrades from pages of other sites (a browser always
 *  sends Origin on those); the same rule as the API's POSTs. */
export function checkOrigins(io: Server, allowed: readonly string[], log: Logger): void {
  io.engine.opts.allowRequest = (req, callback) => {
    const problem = checkOrigin(req.headers.origin, req.headers.host, allowed);
    if (problem)
      log.warn("origin refused", { event: "bad_origin", origin: String(req.headers.origin ?? "") });
    callback(problem, problem === null);
  };
}

export function createHandshake(deps: { registry: Registry; guard: JoinGuard; log: Logger }) {
  const { registry, guard, log } = deps;
  const quiet = createRateLimiter({ capacity: 1, refillPerSecond: 1 / 60, maxKeys: 1_000 });

  /** The socket's identity, or why it may not connect. */
  function identify(socket: Socket): SocketData | Error {
    const auth = socket.handshake.auth as Record<string, unknown> | undefined;
    // An old page may not even send the fields this version expects: the version decides first.
    if (auth?.protocol !== PROTOCOL_VERSION) return refuse("stale_client", STALE);
    const parsed = HandshakeSchema.safeParse(auth);
    if (!parsed.success) return refuse("bad_request", "Could not connect: check the join code.");
    const hello = parsed.data;
    const ip = socket.handshake.address;
    const attempt = { clientId: hello.device, ip };
    const verdict = guard.check(attempt);
    if (!verdict.ok) {
      // Once a minute per address and limit: a script ignoring the back-off must not flood the log.
      if (quiet.take(`${verdict.reason}:${ip}`).ok)
        log.warn("join attempts slowed", { event: "slow_down", reason: verdict.reason, ip });
      return refuse("slow_down", verdict.message);
    }
    const live = registry.get(hello.code);
    if (!live) {
      guard.recordFailure(attempt);
      return refuse("no_room", "There is no game with that code. Check the code on the board.");
    }
    const data: SocketData = {
      code: live.code,
      role: hello.role,
      seat: null,
      device: hello.device ?? "",
      ip,
      team: null,
      lastMe: "",
      lastRateNoticeAt: 0,
      // Every field from the start: all sockets' data then share one shape, which the code that
      // runs for each socket at every step reads fastest.
      meInputs: undefined,
      patch: false,
      waiting: undefined,
    };
    if (hello.role === "host" && !live.isHost(hello.secret)) {
      guard.recordFailure(attempt);
      log.warn("host secret refused", { room: live.code, event: "bad_secret" });
      return refuse("bad_secret", "This host link is not valid for this game.");
    }
    if (hello.role === "player" && hello.token) {
      const seat = live.seatForToken(hello.token, registry.now());
      const status = seat ? live.room.context.seats[seat]?.status : undefined;
      if (!seat || !status) return refuse("bad_token", "Your seat has expired: join again with the code.");
      if (status === "banned") return refuse("banned", "The teacher has removed you from this game.");
      if (status === "removed" || status === "left")
        return refuse("bad_token", "You are no longer in this game: join again with the code.");
      data.seat = seat;
    }
    guard.recordSuccess(attempt);
    return data;
  }

  return (socket: Socket, next: Next): void => {
    const who = identify(socket);
    if (who instanceof Error) next(who);
    else {
      socket.data = who;
      next();
    }
  };
}
