// The server under test, as its own process: the real server (`server/index.ts`, headless, SQLite in
// a fresh temporary DATA_DIR) or the bare Socket.IO baseline (`server/baseline/index.ts`), with the
// probe preloaded (probe.ts: event-loop delay over IPC). CPU and RSS are read from /proc/PID/stat,
// as pidusage does, so they cover the whole process whatever it runs.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverNodeFlags } from "../../server/node-flags";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Clock ticks per second for /proc/PID/stat (USER_HZ: 100 on every Linux the project targets). */
const CLK_TCK = 100;
const PAGE_BYTES = 4096;

export interface ProcSample {
  /** Seconds of CPU (user + system) the process has used. */
  cpuS: number;
  /** Of which in user space (JavaScript, V8, libuv) and in the kernel (socket writes and reads). */
  userS: number;
  sysS: number;
  /** The main thread's alone (the event loop: JavaScript, garbage collection, its syscalls), user +
   *  system; null when its task is unreadable. The rest is worker and V8/libuv helper threads. */
  mainS: number | null;
  rssMb: number;
}

/** The fields of a /proc stat line after the command name (which may hold spaces and parentheses:
 *  fields count from after its closing ")"), or null when it cannot be read. */
function statFields(file: string): string[] | null {
  try {
    const stat = readFileSync(file, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** One reading of /proc/PID/stat, or null when the process is gone (or not on Linux). */
export function readProc(pid: number): ProcSample | null {
  // The main thread's task has the process's id. Read first: the process's total, read after it,
  // then holds every tick the main thread had (both move on in 10 ms ticks while they are read).
  const main = statFields(`/proc/${pid}/task/${pid}/stat`);
  const fields = statFields(`/proc/${pid}/stat`);
  if (!fields) return null;
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rssPages = Number(fields[21]);
  return {
    cpuS: (utime + stime) / CLK_TCK,
    userS: utime / CLK_TCK,
    sysS: stime / CLK_TCK,
    mainS: main ? (Number(main[11]) + Number(main[12])) / CLK_TCK : null,
    rssMb: (rssPages * PAGE_BYTES) / 2 ** 20,
  };
}

/** CPU used by a set of processes (the load generators) between two readings, in % of one core. */
export function cpuMeter(pids: number[]): () => number | null {
  const read = () => pids.reduce((sum, pid) => sum + (readProc(pid)?.cpuS ?? 0), 0);
  const at = performance.now();
  const start = read();
  return () => {
    const seconds = (performance.now() - at) / 1000;
    return seconds > 0 ? ((read() - start) / seconds) * 100 : null;
  };
}

/** Garbage-collection pauses of the server in the measured window. */
export interface GcPauses {
  count: number;
  maxMs: number;
  totalMs: number;
  over10: number;
}

/** The server's CPU in the window split by where it went, in % of one core. */
export interface CpuSplit {
  userPct: number;
  sysPct: number;
  /** The main thread's share (null when unreadable). */
  mainThreadPct: number | null;
}

export interface Window {
  gc: GcPauses | null;
  heapMb: number | null;
  cpuPct: number | null;
  cpu: CpuSplit | null;
  rssMb: number | null;
  eventLoopP99Ms: number | null;
  eventLoopMaxMs: number | null;
}

/** Samples a process every second between `start()` and `stop()`. */
export class Sampler {
  private timer: NodeJS.Timeout | undefined;
  private first: { at: number; s: ProcSample } | null = null;
  private last: { at: number; s: ProcSample } | null = null;
  private peakRss = 0;
  probe: { elP99Ms: number; elMaxMs: number; rssMb: number; heapMb?: number; gc?: GcPauses } | null = null;
  /** Resolves once the measured window's profile is written (when profiling). */
  profiled: Promise<void> = Promise.resolve();

  constructor(
    readonly pid: number | null,
    private readonly child: ChildProcess | null = null,
    /** Profile the measured window into this folder (the probe's in-process profiler). */
    private readonly profileDir?: string,
  ) {
    child?.on(
      "message",
      (msg: { type?: string; elP99Ms: number; elMaxMs: number; rssMb: number; gc?: GcPauses }) => {
        if (msg?.type === "probe" && this.timer) this.probe = msg;
      },
    );
  }

  start(): void {
    this.probe = null;
    this.peakRss = 0;
    this.child?.send?.({ type: "reset" });
    if (this.profileDir) this.child?.send?.({ type: "profile", dir: this.profileDir });
    const read = () => {
      if (this.pid === null) return;
      const s = readProc(this.pid);
      if (!s) return;
      const at = performance.now();
      this.first ??= { at, s };
      this.last = { at, s };
      if (s.rssMb > this.peakRss) this.peakRss = s.rssMb;
    };
    this.first = null;
    read();
    this.timer = setInterval(read, 1000);
  }

  stop(): Window {
    clearInterval(this.timer);
    if (this.profileDir && this.child) {
      const child = this.child;
      child.send?.({ type: "profileStop" });
      this.profiled = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(done, 15_000);
        child.on("message", (msg: { type?: string }) => msg?.type === "profiled" && done());
      });
    }
    if (this.pid !== null) {
      const s = readProc(this.pid);
      if (s) {
        this.last = { at: performance.now(), s };
        if (s.rssMb > this.peakRss) this.peakRss = s.rssMb;
      }
    }
    this.timer = undefined;
    const { first, last } = this;
    const seconds = first && last ? (last.at - first.at) / 1000 : 0;
    const pct = (a: number, b: number) => ((b - a) / seconds) * 100;
    return {
      cpuPct: first && last && seconds > 0 ? pct(first.s.cpuS, last.s.cpuS) : null,
      cpu:
        first && last && seconds > 0
          ? {
              userPct: pct(first.s.userS, last.s.userS),
              sysPct: pct(first.s.sysS, last.s.sysS),
              mainThreadPct:
                first.s.mainS === null || last.s.mainS === null ? null : pct(first.s.mainS, last.s.mainS),
            }
          : null,
      rssMb: this.pid === null ? null : this.peakRss,
      eventLoopP99Ms: this.probe?.elP99Ms ?? null,
      eventLoopMaxMs: this.probe?.elMaxMs ?? null,
      gc: this.probe?.gc ?? null,
      heapMb: this.probe?.heapMb ?? null,
    };
  }
}

export interface Target {
  url: string;
  pid: number | null;
  sampler: Sampler;
  /** The server's log (stdout and stderr), kept for when something goes wrong. */
  logFile: string | null;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A server under test that did not come up: its own log says why (a stack trace would not). */
export class StartError extends Error {}

async function waitListening(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new StartError(`server exited before listening:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StartError(`server did not start in 30 s:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
}

/** Starts the real server (kind "game") or the baseline (kind "bare") on a free loopback port. */
export async function startTarget(
  kind: "game" | "bare",
  opts: { env?: Record<string, string>; cpuProf?: string } = {},
): Promise<Target> {
  const profileDir = opts.cpuProf ? path.resolve(opts.cpuProf) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-load-"));
  const logFile = path.join(dataDir, "server.log");
  const log = openSync(logFile, "a");
  const entry = kind === "game" ? "server/index.ts" : "server/baseline/index.ts";
  // Both servers start with the server's V8 flags: only the work differs.
  const execArgv = [...serverNodeFlags(), "--import", "tsx", "--import", "./scripts/loadtest/probe.ts"];
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: path.join(dataDir, "data"),
    SERVE_UI: "0",
    NODE_ENV: "production",
  };
  // The server's own settings only: nothing from a test runner's environment, unless asked.
  delete env.STORE;
  delete env.VITEST;
  Object.assign(env, opts.env);
  const child = spawn(process.execPath, [...execArgv, entry], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", log, log, "ipc"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitListening(url, child, logFile);
  } catch (err) {
    child.kill("SIGKILL");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const sampler = new Sampler(child.pid ?? null, child, profileDir);
  return {
    url,
    pid: child.pid ?? null,
    sampler,
    logFile,
    async stop() {
      await sampler.profiled;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
        await exited;
        clearTimeout(timer);
      }
      if (!process.env.LOADTEST_KEEP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A server someone else started (`--url`): CPU and RSS only when its `pid` is given. */
export function externalTarget(url: string, pid: number | null): Target {
  return { url, pid, sampler: new Sampler(pid), logFile: null, stop: async () => {} };
}
