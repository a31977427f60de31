// A what-if for the baseline: CPU work per command, standing in for the game's own (its rules,
// views and saves), on the server's main thread or on a worker thread of its own. It answers "would
// the game carry more rooms with its per-step work off the Socket.IO thread?" without writing that
// server: with the work on a worker, the main thread does only bare Socket.IO's fan-out and the
// hand-over, as it would with a room thread. The command's frames go out once the work is done.
//   BARE_WORK_US=570 BARE_WORK_THREAD=worker npm run loadtest -- … --compare
import { Worker } from "node:worker_threads";

export type WorkThread = "main" | "worker";

/** The most a command's frames are taken to weigh on their way back from the worker. */
const MAX_FRAMES_BYTES = 1 << 20;

export interface BareWork {
  /** Microseconds of CPU per command (as measured on this machine when the server starts). */
  us: number;
  thread: WorkThread;
}

/** The work the environment asks for: none without BARE_WORK_US; a bad value throws, saying which. */
export function workFromEnv(env: Record<string, string | undefined>): BareWork | null {
  const us = env.BARE_WORK_US;
  const thread = env.BARE_WORK_THREAD ?? "main";
  if (thread !== "main" && thread !== "worker")
    throw new Error(`BARE_WORK_THREAD must be "main" or "worker", not "${thread}"`);
  if (us === undefined || us === "") return null;
  const n = Number(us);
  if (!/^\d+$/.test(us) || !Number.isSafeInteger(n) || n > 1_000_000)
    throw new Error(`BARE_WORK_US must be a whole number of microseconds from 0 to 1000000, not "${us}"`);
  return n === 0 ? null : { us: n, thread };
}

/** Pure CPU: a loop the optimiser cannot drop (its result is kept). Also the worker's (as source). */
function spin(iterations: number): number {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

/** Iterations of `spin` per microsecond on this machine, now. */
function calibrate(): number {
  spin(2e6); // warm up: the loop optimised
  const t0 = process.hrtime.bigint();
  spin(2e7);
  const us = Number(process.hrtime.bigint() - t0) / 1_000;
  return 2e7 / Math.max(1, us);
}

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
${spin.toString()}
let kept = 0;
parentPort.on("message", (m) => {
  kept = (kept + spin(m.iterations)) % 10;
  // Back with a string as long as the command's frames: a room thread hands its frames over.
  parentPort.postMessage({ id: m.id, frames: "x".repeat(m.bytes) + kept });
});`;

/** Runs a command's work, then its sends (at once on the main thread; on a worker, when it answers). */
export class Work {
  private readonly iterations: number;
  private worker: Worker | null;
  private readonly waiting = new Map<number, () => void>();
  private next = 0;
  /** Keeps the main thread's loop from being optimised away. */
  kept = 0;

  constructor(readonly work: BareWork) {
    this.iterations = Math.round(work.us * calibrate());
    this.worker = work.thread === "worker" ? new Worker(WORKER_SOURCE, { eval: true }) : null;
    this.worker?.on("message", (m: { id: number }) => {
      const then = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      then?.();
    });
    // Should the worker die, its commands are still answered and the work goes on here.
    this.worker?.on("error", (err) => {
      console.error(`msg="bare work thread failed, working on the main thread" err="${err.message}"`);
      this.worker = null;
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const then of waiting) then();
    });
    this.worker?.unref();
  }

  /** Does the work for one command whose frames total `bytes`, then calls `then`. */
  run(bytes: number, then: () => void): void {
    if (!this.worker) {
      this.kept = (this.kept + spin(this.iterations)) % 10;
      then();
      return;
    }
    const id = this.next++;
    this.waiting.set(id, then);
    // The sizes come from a client: kept to what a frame may be (server/http.ts allows 16 KB in).
    const frames = Number.isFinite(bytes) ? Math.min(Math.max(0, Math.floor(bytes)), MAX_FRAMES_BYTES) : 0;
    this.worker.postMessage({ id, iterations: this.iterations, bytes: frames });
  }

  close(): Promise<number> | undefined {
    this.waiting.clear();
    return this.worker?.terminate();
  }
}
