// One measured run: fork the load processes, seat every room, start the games, measure for the
// given seconds (server CPU, RSS and event-loop delay over the same window), stop, merge what each
// process saw into one result. Importable (the soak and flood runs reuse it).
import { type ChildProcess, fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BarePayload } from "../../server/baseline/index";
import type { BareShape, Pace } from "./driver";
import { mergeTallies, pick, quantile, sortedCopy, type Tally } from "./measure";
import { cpuMeter, type Target } from "./target";
import type { WorkerPlan } from "./worker";

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface RunOptions {
  kind: "game" | "bare";
  target: Target;
  rooms: number;
  students: number;
  seconds: number;
  workers: number;
  pace?: Pace;
  /** Game server only: patches after a first whole view (the default, as the app asks) or whole views. */
  views?: "full" | "patch";
  shape?: BareShape;
  seed?: number;
  /** Extra seconds over which rooms start; measuring begins after it. Default 0: each room starts
   *  its first game at a random point of it anyway (driver.ts run), so the rooms are spread over a
   *  game from the first second (a district's classes do not all vote in the same minute). */
  stagger?: number;
  /** Profile each load process over the measured window into this folder (load-<kind>-<pid>.cpuprofile). */
  cpuProf?: string;
  /** Nice levels the load processes run below this process (default LOAD_NICE; 0: the same). */
  loadNice?: number;
  log?: (line: string) => void;
}

/** The one-line result (`--json`). Times in ms. */
export interface LoadResult {
  rooms: number;
  players: number;
  sockets: number;
  actions: number;
  p50: number;
  p95: number;
  p99: number;
  delivered: number;
  viewBytes: { p50: number; max: number };
  serverCpuPct: number | null;
  serverRssMb: number | null;
  eventLoopP99Ms: number | null;
  // Beyond the required fields: what a reader needs to trust the figures.
  kind: "game" | "bare";
  views: "full" | "patch";
  seconds: number;
  actionsPerRoomPerS: number;
  /** View and private-part frames received per action, over every member of the room. */
  framesPerAction: number;
  maxMs: number;
  /** The server's CPU split: user space and kernel, and its main thread's share (% of one core). */
  serverCpu: { userPct: number; sysPct: number; mainThreadPct: number | null } | null;
  /** CPU of the load processes together (% of one core): near 100 per process, they were the limit. */
  loadCpuPct: number | null;
  /** The nice value the load processes ran at, as read back (null: it could not be read or set). */
  loadNice: number | null;
  /** The server's event-loop delay at its worst, and its garbage-collection pauses, in the window. */
  eventLoopMaxMs: number | null;
  /** The server's JS heap in use at the end of the window, MB. */
  heapMb: number | null;
  gc: { count: number; maxMs: number; totalMs: number; over10: number } | null;
  /** The baseline's padding (server/baseline BarePayload), when this load test started it. */
  payload?: BarePayload;
  games: number;
  byType: Record<string, number>;
  /** p95 latency (ms) by command type. */
  p95ByType: Record<string, number>;
  errors: Record<string, number>;
  refused: Record<string, number>;
}

/**
 * V8 flags of the load processes. Single-threaded GC: their GC helper threads competed for this
 * machine's two cores with the server under test, whichever server it is. At 450 x 31 (two
 * alternated pairs of 30 s runs) the load processes' CPU fell from 74/77 to 65/66 % and the game
 * server's p95 from 268/155 to 158/61 ms. 32 MB semi-spaces: every received frame is parsed into
 * short-lived objects.
 */
const LOAD_NODE_FLAGS = ["--single-threaded-gc", "--max-semi-space-size=32"];

/**
 * The load processes run at a lower CPU priority than the server under test (game or bare alike):
 * on this two-core machine they share the cores with it, and at the same priority the scheduler
 * gave them the server's main thread's time at the moments it had work, which a school's server,
 * its clients on other machines, never sees. Game server, two alternated pairs of 30 s runs each,
 * nice 0 -> 10: at 200 x 31 p95 415/89 -> 47/76 ms; at 100 x 31 p95 22.5/19.6 -> 21.2/16.4 ms, but
 * its CPU 39.8/38.6 -> 48.6/42.1 % (woken at once for each message, it takes fewer per wake-up).
 * Nice levels below this process's (README, Performance).
 */
export const LOAD_NICE = 10;

/** Lowers a load process's priority `steps` nice levels below this process's (and so the server's
 *  it started); the nice value it then has (null: not set, or not known). */
function lowerPriority(pid: number, steps: number, log?: (line: string) => void): number | null {
  try {
    if (steps > 0) os.setPriority(pid, Math.min(19, os.getPriority() + steps));
    return os.getPriority(pid);
  } catch (err) {
    log?.(`could not lower a load process's priority by ${steps}: ${(err as Error).message}`);
    return null;
  }
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The shape the baseline replays: this run's rate and sizes. */
export function shapeOf(tally: Tally, rooms: number, seconds: number, gameSeconds: number): BareShape {
  return {
    rate: tally.actions / Math.max(1, rooms) / Math.max(1, seconds),
    sizes: {
      // Uniform over the whole window and every load process (until 2026-11-29 these were the
      // first load process's first frames: its first second or so, 15 % lighter than the run's).
      screen: pick(tally.viewBytes.screen.xs, 5000),
      host: pick(tally.viewBytes.host.xs, 5000),
      team: pick(tally.viewBytes.team.xs, 5000),
      me: pick(tally.viewBytes.me.xs, 5000),
    },
    mePerAction: tally.meFrames / Math.max(1, tally.actions),
    deckBytes: 23_500,
    gameSeconds,
  };
}

function waitFor<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("message", onMessage);
      reject(new Error(`load process ${child.pid}: no "${type}" in ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === "fatal") {
        clearTimeout(timer);
        child.off("message", onMessage);
        reject(new Error(`load process ${child.pid}: ${msg.message}`));
      } else if (msg.type === type) {
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve(msg as T);
      }
    };
    child.on("message", onMessage);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(opts: RunOptions): Promise<{ result: LoadResult; tally: Tally }> {
  const seed = opts.seed ?? 1;
  const stagger = opts.stagger ?? 0;
  const workers = Math.max(1, Math.min(opts.workers, opts.rooms));
  const loopback = /^https?:\/\/(127\.|localhost[:/])/.test(opts.target.url);
  const children: ChildProcess[] = [];
  const nices: (number | null)[] = [];
  try {
    for (let w = 0; w < workers; w++) {
      const child = fork(path.join(HERE, "worker.ts"), [], {
        execArgv: [...LOAD_NODE_FLAGS, "--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      child.on("message", (msg: { type: string; line?: string }) => {
        if (msg.type === "log") opts.log?.(`[load ${w}] ${msg.line}`);
      });
      if (child.pid) nices.push(lowerPriority(child.pid, opts.loadNice ?? LOAD_NICE, opts.log));
      children.push(child);
    }
    const ready = children.map((child, w) => {
      const plan: WorkerPlan = {
        kind: opts.kind,
        url: opts.target.url,
        rooms: Array.from({ length: opts.rooms }, (_, i) => i).filter((i) => i % workers === w),
        students: opts.students,
        pace: opts.pace,
        views: opts.views,
        shape: opts.shape,
        seed: seed + w,
        stagger,
        spreadAddresses: loopback,
        profileDir: opts.cpuProf ? path.resolve(opts.cpuProf) : undefined,
      };
      const answer = waitFor<{ seated: number; failed: number }>(child, "ready", 60_000 + opts.rooms * 2_000);
      child.send({ type: "setup", plan });
      return answer;
    });
    const seated = await Promise.all(ready);
    const failed = seated.reduce((s, r) => s + r.failed, 0);
    opts.log?.(`seated ${seated.reduce((s, r) => s + r.seated, 0)} rooms (${failed} failed); playing`);
    const atStart = children.map((child) => waitFor(child, "atStart", 120_000 + stagger * 1000));
    for (const child of children) child.send({ type: "go" });
    // Every room skips through its first game to a random point (so the rooms are spread over a
    // game); that burst of phase changes is not classroom traffic: measuring starts once every
    // room is at its point, and the server has had a moment to catch up.
    const skipping = performance.now();
    await Promise.all(atStart);
    opts.log?.(
      `every room at its starting point after ${((performance.now() - skipping) / 1000).toFixed(1)} s`,
    );
    await sleep(3000);
    opts.target.sampler.start();
    const loadCpu = cpuMeter(children.map((c) => c.pid ?? 0).filter((pid) => pid > 0));
    for (const child of children) child.send({ type: "measure", on: true });
    await sleep(opts.seconds * 1000);
    for (const child of children) child.send({ type: "measure", on: false });
    const window = opts.target.sampler.stop();
    const loadCpuPct = loadCpu();
    if (opts.cpuProf) await Promise.all(children.map((child) => waitFor(child, "profiled", 30_000)));
    const tallies = await Promise.all(
      children.map((child) => {
        const t = waitFor<{ tally: Tally }>(child, "tally", 90_000);
        child.send({ type: "stop" });
        return t.then((m) => m.tally);
      }),
    );
    const tally = mergeTallies(tallies);
    const latencies = sortedCopy(tally.latencies);
    const views = sortedCopy(tally.viewBytes.all.xs);
    const result: LoadResult = {
      rooms: opts.rooms,
      players: opts.students,
      sockets: opts.rooms * (opts.students + 2),
      actions: tally.actions,
      p50: round(quantile(latencies, 0.5)),
      p95: round(quantile(latencies, 0.95)),
      p99: round(quantile(latencies, 0.99)),
      delivered: tally.pairs === 0 ? 0 : round(tally.delivered / tally.pairs, 5),
      viewBytes: { p50: quantile(views, 0.5), max: tally.viewMax },
      serverCpuPct: window.cpuPct === null ? null : round(window.cpuPct),
      serverRssMb: window.rssMb === null ? null : round(window.rssMb),
      eventLoopP99Ms: window.eventLoopP99Ms === null ? null : round(window.eventLoopP99Ms),
      kind: opts.kind,
      views: opts.views ?? "patch",
      seconds: opts.seconds,
      actionsPerRoomPerS: round(tally.actions / opts.rooms / opts.seconds, 2),
      framesPerAction: round(tally.frames / Math.max(1, tally.actions), 2),
      maxMs: round(latencies[latencies.length - 1] ?? 0),
      serverCpu: window.cpu && {
        userPct: round(window.cpu.userPct),
        sysPct: round(window.cpu.sysPct),
        mainThreadPct: window.cpu.mainThreadPct === null ? null : round(window.cpu.mainThreadPct),
      },
      loadCpuPct: loadCpuPct === null ? null : round(loadCpuPct),
      loadNice: nices.length > 0 && nices.every((n) => n === nices[0]) ? (nices[0] ?? null) : null,
      eventLoopMaxMs: window.eventLoopMaxMs === null ? null : round(window.eventLoopMaxMs),
      heapMb: window.heapMb === null ? null : round(window.heapMb),
      gc: window.gc && {
        ...window.gc,
        maxMs: round(window.gc.maxMs),
        totalMs: Math.round(window.gc.totalMs),
      },
      games: tally.games,
      byType: tally.byType,
      p95ByType: Object.fromEntries(
        Object.entries(tally.latencyByType).map(([k, xs]) => [k, round(quantile(sortedCopy(xs), 0.95))]),
      ),
      errors: tally.errors,
      refused: tally.refused,
    };
    return { result, tally };
  } finally {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
