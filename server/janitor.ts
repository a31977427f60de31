// Idle rooms leave memory, and their clients are told why; nothing a teacher needs is lost.
//   a finished game nobody is viewing (1 h after the last socket left): already filed, forgotten;
//   a lobby nobody touched for 12 h: deleted (there is nothing to keep);
//   a game abandoned mid-way (no socket and no step for 24 h, past every seat token's life):
//   filed as it stands, so the teacher still has its report, then retired.
// `decide` is the policy, pure; `Janitor` applies it on a slow unref'd interval.
import type { Server } from "socket.io";
import type { Phase } from "../game/types";
import { type Broadcaster, group } from "./broadcast";
import type { Logger } from "./log";
import type { Presence } from "./presence";
import type { NoticeCode } from "./protocol";
import type { Registry, Retirement } from "./rooms";

export interface IdlePolicy {
  finishedIdleMs: number;
  lobbyIdleMs: number;
  abandonedIdleMs: number;
}

export const IDLE_POLICY: IdlePolicy = {
  finishedIdleMs: 60 * 60_000,
  lobbyIdleMs: 12 * 60 * 60_000,
  abandonedIdleMs: 24 * 60 * 60_000,
};

/** Sweeps are cheap (a pass over the rooms) and nothing here is urgent. */
export const SWEEP_EVERY_MS = 5 * 60_000;

export interface RoomIdleness {
  finished: boolean;
  phase: Phase;
  /** Sockets of any role connected to the room now. */
  connected: number;
  /** Milliseconds since the last step, connection or disconnection. */
  idleMs: number;
}

/** What to do with a room now, or null to keep it. */
export function decide(room: RoomIdleness, policy: IdlePolicy = IDLE_POLICY): Retirement | null {
  if (room.finished) {
    if (room.connected === 0 && room.idleMs >= policy.finishedIdleMs) return "forget";
    // A projector left on over a weekend does not keep a finished room for ever.
    return room.idleMs >= policy.abandonedIdleMs ? "forget" : null;
  }
  if (room.phase === "lobby") return room.idleMs >= policy.lobbyIdleMs ? "discard" : null;
  return room.connected === 0 && room.idleMs >= policy.abandonedIdleMs ? "file" : null;
}

const CLOSED_MESSAGE: Record<Retirement, string> = {
  forget: "This game is over and has been put away. The essay plan stays available from its link.",
  discard: "This room was closed because nobody used it for a long time. Ask your teacher for a new code.",
  file: "This game was left unfinished for a long time and has been put away.",
};

export class Janitor {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly deps: {
      io: Server;
      registry: Registry;
      broadcaster: Broadcaster;
      presence: Presence;
      log: Logger;
      policy?: IdlePolicy;
    },
  ) {}

  start(everyMs: number = SWEEP_EVERY_MS): void {
    this.stop();
    this.timer = setInterval(() => this.sweep(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass: retires what the policy says. Returns how many rooms went. */
  sweep(now: number = this.deps.registry.now()): number {
    const { io, registry, broadcaster, presence, log } = this.deps;
    let retired = 0;
    for (const live of [...registry.all()]) {
      const how = decide(
        {
          finished: live.finished,
          phase: live.room.phase,
          connected: broadcaster.connectedCount(live.code),
          idleMs: now - live.lastActive,
        },
        this.deps.policy,
      );
      if (!how) continue;
      try {
        registry.retire(live, how);
        if (registry.get(live.code) === live) continue; // the store refused: kept, tried next sweep
        const code: NoticeCode = "room_closed";
        io.to(group.all(live.code)).emit("notice", { code, message: CLOSED_MESSAGE[how] });
        io.in(group.all(live.code)).disconnectSockets(true);
        presence.clear(live.code);
        retired++;
      } catch (err) {
        log.error("retiring a room failed", { room: live.code, how, err: err as Error });
      }
    }
    return retired;
  }
}
