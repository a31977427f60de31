// A scheduler on virtual time: timers run in order, and the clock jumps straight to the next one.
// A 120-second Build costs nothing, and the same seed always gives the same game.
import type { Scheduler } from "../room";

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class VirtualClock implements Scheduler {
  private time: number;
  private seq = 0;
  private queue: Timer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    // Keep the queue sorted by (at, seq); timers are few, so insertion from the back is cheap.
    let i = this.queue.length;
    while (i > 0) {
      const prev = this.queue[i - 1] as Timer;
      if (prev.at < timer.at || (prev.at === timer.at && prev.seq < timer.seq)) break;
      i--;
    }
    this.queue.splice(i, 0, timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    if (handle) (handle as Timer).cancelled = true;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.queue.length > 0 && (this.queue[0] as Timer).at <= end) {
      const next = this.queue.shift() as Timer;
      if (next.cancelled) continue;
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  /** Runs timers until none are left, `until` returns true, or `maxSteps` timers ran. */
  run(until: () => boolean = () => false, maxSteps = 1_000_000): number {
    let steps = 0;
    while (steps < maxSteps && !until()) {
      const next = this.queue.shift();
      if (!next) break;
      if (next.cancelled) continue;
      this.time = next.at;
      next.fn();
      steps++;
    }
    return steps;
  }
}
