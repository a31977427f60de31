// The debug stats channel, for soak and chaos runs; off unless DEBUG_STATS=1. It measures how late
// the rooms' timers fire against the deadline each was armed for (a phase timer is armed for its
// stored `endsAt`, so this is "ms late vs the stored deadline"), the event loop's delay, memory and
// counts, and serves them at GET /api/debug/stats to this machine only. Counts and durations only:
// no room code, seat, name or anything a pupil typed. `?reset=1` starts a new window after reading.
//
// Test knobs, read only when DEBUG_STATS=1: DEBUG_FINISHED_IDLE_MS (how long a finished game nobody
// views stays in memory; 1 h in production, which a 30-minute soak could not tell from a leak) and
// DEBUG_SWEEP_MS (how often the janitor looks).
import type { IncomingMessage, ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Scheduler } from "../game/room";
import { IDLE_POLICY, type IdlePolicy } from "./janitor";

/** Lateness histogram resolution: 1 ms buckets up to this, one overflow bucket above. */
const MAX_TRACKED_MS = 10_000;

class Lateness {
  private readonly buckets = new Uint32Array(MAX_TRACKED_MS + 2);
  count = 0;
  max = 0;

  add(ms: number): void {
    const late = Math.max(0, Math.round(ms));
    this.buckets[Math.min(late, MAX_TRACKED_MS + 1)]! += 1;
    this.count++;
    if (late > this.max) this.max = late;
  }

  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let ms = 0; ms < this.buckets.length; ms++) {
      seen += this.buckets[ms] ?? 0;
      if (seen >= rank) return ms;
    }
    return this.max;
  }

  summary() {
    return { fired: this.count, p50: this.percentile(50), p99: this.percentile(99), max: this.max };
  }
}

export interface DebugStatsBody {
  uptimeS: number;
  rssMb: number;
  heapUsedMb: number;
  rooms: number;
  sockets: number;
  /** Room timers (phase deadlines and bot turns): ms late against the time each was armed for. */
  timersLateMs: { fired: number; p50: number; p99: number; max: number };
  /** The same over the whole run, never reset. */
  timersLateMsTotal: { fired: number; p50: number; p99: number; max: number };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export class DebugStats {
  private window = new Lateness();
  private readonly total = new Lateness();
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private readonly startedAt = Date.now();

  constructor(private readonly counts: () => { rooms: number; sockets: number }) {
    this.loop.enable();
  }

  /** The real clock, with every timer's lateness recorded when it fires. */
  readonly scheduler: Scheduler = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      const due = Date.now() + Math.max(0, ms);
      return setTimeout(() => {
        const late = Date.now() - due;
        this.window.add(late);
        this.total.add(late);
        fn();
      }, ms);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };

  read(reset: boolean): DebugStatsBody {
    const mem = process.memoryUsage();
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    const body: DebugStatsBody = {
      uptimeS: Math.round((Date.now() - this.startedAt) / 1000),
      rssMb: mb(mem.rss),
      heapUsedMb: mb(mem.heapUsed),
      ...this.counts(),
      timersLateMs: this.window.summary(),
      timersLateMsTotal: this.total.summary(),
      eventLoopDelayMs: {
        p50: ms(this.loop.percentile(50)),
        p99: ms(this.loop.percentile(99)),
        max: ms(this.loop.max),
      },
    };
    if (reset) {
      this.window = new Lateness();
      this.loop.reset();
    }
    return body;
  }

  /** An /api handler that answers GET /api/debug/stats (loopback only) and passes the rest on. */
  route(next: (req: IncomingMessage, res: ServerResponse) => boolean) {
    return (req: IncomingMessage, res: ServerResponse): boolean => {
      const [path, query = ""] = (req.url ?? "/").split("?", 2);
      if (path !== "/api/debug/stats" || req.method !== "GET") return next(req, res);
      const from = req.socket.remoteAddress ?? "";
      const local = from === "127.0.0.1" || from === "::1" || from === "::ffff:127.0.0.1";
      res.writeHead(local ? 200 : 403, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(local ? this.read(/(^|&)reset=1(&|$)/.test(query)) : { code: "not_allowed" }));
      return true;
    };
  }
}

/** The janitor settings a soak may shorten (only with DEBUG_STATS=1). */
export function debugIdle(env: Readonly<Record<string, string | undefined>>): {
  idle?: IdlePolicy;
  sweepEveryMs?: number;
} {
  const finished = Number(env.DEBUG_FINISHED_IDLE_MS);
  const sweep = Number(env.DEBUG_SWEEP_MS);
  return {
    ...(finished > 0 ? { idle: { ...IDLE_POLICY, finishedIdleMs: finished } } : {}),
    ...(sweep > 0 ? { sweepEveryMs: sweep } : {}),
  };
}
