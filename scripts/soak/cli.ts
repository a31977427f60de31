// `npm run soak -- --minutes M [--rooms 50 --players 31 --humans 16 --warmup W --json]`
//
// A school day in miniature: the real server process (SQLite in a fresh DATA_DIR, DEBUG_STATS=1)
// and, from this separate process, R rooms of P seats — H real socket.io students plus the
// server's own bots — with a teacher and a projector each, playing whole games at classroom pace,
// back to back: when a game ends its people leave and a new room opens in its place, so rooms are
// created, filed and retired all through the run. Students drop now and then (a blip, or a lid
// closed for up to a minute) and come back by themselves.
//
// Reports, as one JSON line with --json: the server's RSS slope after the warm-up (least-squares,
// MB per minute), and the worst timer drift — how late the rooms' timers fired against the deadline
// each was armed for (from the server's debug stats channel), and how late clients saw a phase end
// against the `endsAt` they had been sent. Targets for 30 minutes: slope < 1 MB/min, drift < 100 ms.
//
// Why half real students and half bots by default: leaks live in two places, the per-socket paths
// (handshake, rate-limit buckets, broadcast groups, presence timers, reconnects) and the per-room
// engine (bots' timers, phase timers, filing, the janitor). The mix drives both at once, and keeps the
// client side (900 sockets in one process) from starving the server it measures on a 2-core machine.
// --humans 31 runs real students only.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnServer } from "../../server/testing/process";
import type { DebugStatsBody } from "../../server/debug-stats";
import { openClassroom, type Classroom } from "../chaos/classroom";
import { type Participant, sleep } from "../chaos/participant";
import { scoreAsSuggested, seeded, studentMove } from "../chaos/play";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    rooms: { type: "string", default: "50" },
    players: { type: "string", default: "31" },
    humans: { type: "string", default: "16" },
    warmup: { type: "string" },
    json: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
  },
});
const MINUTES = Number(args.minutes);
const ROOMS = Number(args.rooms);
const PLAYERS = Number(args.players);
const HUMANS = Math.min(Number(args.humans), PLAYERS);
const WARMUP_MIN = args.warmup !== undefined ? Number(args.warmup) : Math.min(5, MINUTES / 4);
const random = seeded(Number(args.seed));
const say = (line: string) => process.stderr.write(`[soak] ${line}\n`);

/** Game pace: a lesson's shape, shortened so a room plays several games in a run. */
const SETTINGS = {
  voteMs: 15_000,
  buildMs: 45_000,
  revealMs: 8_000,
  rebutMs: 20_000,
  resultMs: 8_000,
  bots: false,
};
const TIMED = new Set(["build", "reveal", "rebut", "result", "voteBefore", "voteAfter"]);

const counts = { games: 0, actions: 0, ok: 0, refused: 0, rateLimited: 0, drops: 0, errors: 0 };
/** [minute of the run, ms late] for each timed phase the projectors saw end. */
const clientDrift: [number, number][] = [];
let stopping = false;

/** Watches the projector: when a timed phase ends, how late (server clock) against its endsAt. */
function watchPhases(room: Classroom): void {
  let phase = "";
  let endsAt: number | null = null;
  // After a reconnect the first view says where the room is now; it is not a phase ending.
  room.screen.socket.on("connect", () => {
    phase = "";
  });
  room.screen.socket.on(
    "view",
    (payload: { view: { phase: string; clock: { endsAt: number | null } }; now: number }) => {
      const v = payload.view;
      if (v.phase !== phase) {
        // A vote ends early once everyone has voted: that is not a timer.
        if (TIMED.has(phase) && endsAt !== null && payload.now >= endsAt - 5)
          clientDrift.push([(Date.now() - startedAt) / 60_000, payload.now - endsAt]);
        phase = v.phase;
      }
      endsAt = v.clock.endsAt;
    },
  );
}

async function student(p: Participant, until: () => boolean): Promise<void> {
  let n = 0;
  while (!until() && !stopping) {
    await sleep(3_000 + random() * 4_000);
    if (!p.socket.connected) continue;
    // Now and then a laptop drops: a wifi blip (back at once) or a lid closed for up to a minute.
    const r = random();
    if (r < 0.004) {
      counts.drops++;
      p.socket.disconnect();
      await sleep(10_000 + random() * 50_000);
      if (!stopping) p.socket.connect();
      continue;
    }
    if (r < 0.02) {
      counts.drops++;
      p.socket.io.engine.close();
      continue;
    }
    const move = studentMove(p, random, ++n);
    if (!move) continue;
    counts.actions++;
    void p.command(move).then((ack) => {
      if (ack.ok) counts.ok++;
      else if (ack.code === "rate_limited") counts.rateLimited++;
      else counts.refused++;
    });
  }
}

/** One room slot: games back to back until the run ends. */
async function slot(index: number, endAt: number): Promise<void> {
  for (let game = 0; Date.now() < endAt && !stopping; game++) {
    let room: Classroom | undefined;
    try {
      room = await openClassroom({
        url,
        players: PLAYERS,
        humans: HUMANS,
        tag: `r${index}g${game}`,
        settings: SETTINGS,
        record: false,
      });
      watchPhases(room);
      // Over when either the teacher or the projector has seen the verdict (whichever is sent first:
      // waiting on one while the loop tests the other spun in microtasks and froze this process).
      const over = () => [room?.host, room?.screen].some((p) => p?.view?.phase === "verdict");
      const host = room.host;
      const start = await host.command({ type: "start" });
      if (!start.ok) throw new Error(`start refused: ${start.code}`);
      const playing = room.students.map((s) => student(s, over));
      while (!over() && !stopping) {
        await host.until((h) => h.view?.phase === "judge" || over() || stopping, 600_000);
        if (host.view?.phase === "judge") {
          await sleep(2_000 + random() * 3_000);
          await scoreAsSuggested(host);
          await host.until((h) => h.view?.phase !== "judge", 60_000);
        }
      }
      await Promise.all(playing);
      if (!stopping) counts.games++;
      await sleep(3_000); // the results screen, then everyone leaves
    } catch (err) {
      counts.errors++;
      say(`room slot ${index}: ${(err as Error).message}`);
      await sleep(5_000);
    } finally {
      for (const p of room?.all ?? []) p.close();
    }
  }
}

interface Sample {
  atMin: number;
  stats: DebugStatsBody;
  /** The window's CPU picture, from /proc: was the server starved by other processes? */
  host: { busyPct: number; serverCpuPct: number; serverRunQueueMsPerS: number } | null;
}

/** A window counts as "quiet" when the server waited on the run queue (CPU taken by other processes)
 *  for less than this per second of wall time: drift there is the server's own. */
const QUIET_RUNQUEUE_MS_PER_S = 100;

/** Machine and server-process CPU counters (Linux /proc), for per-window deltas. */
function cpuCounters(
  pid: number | undefined,
): { total: number; idle: number; cpuNs: number; waitNs: number } | null {
  try {
    const cpu = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
    const [cpuNs = 0, waitNs = 0] = readFileSync(`/proc/${pid}/schedstat`, "utf8")
      .trim()
      .split(" ")
      .map(Number);
    return { total: cpu.reduce((a, b) => a + b, 0), idle: (cpu[3] ?? 0) + (cpu[4] ?? 0), cpuNs, waitNs };
  } catch {
    return null;
  }
}

/** Half-width of the slope's 95 % confidence interval (1.96 standard errors). */
function slopeCi95(points: [number, number][]): number {
  const n = points.length;
  if (n < 3) return Number.NaN;
  const b = slope(points);
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const residuals = points.reduce((a, [x, y]) => a + (y - (my + b * (x - mx))) ** 2, 0);
  return 1.96 * Math.sqrt(residuals / (n - 2) / sxx);
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-soak-"));
const server = await spawnServer({
  dataDir,
  // A file, not a pipe: this process is busy with hundreds of sockets, and a server blocked on a
  // full stdout pipe would measure this process, not itself.
  logFile: path.join(dataDir, "server.log"),
  env: { DEBUG_STATS: "1", DEBUG_FINISHED_IDLE_MS: "60000", DEBUG_SWEEP_MS: "15000", LOG_LEVEL: "info" },
  startTimeoutMs: 30_000,
});
const url = server.url;
const stop = async () => {
  stopping = true;
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

const startedAt = Date.now();
const endAt = startedAt + MINUTES * 60_000;
say(
  `server pid ${server.child.pid} on ${url}; ${ROOMS} rooms × ${PLAYERS} seats (${HUMANS} real) for ${MINUTES} min`,
);
const samples: Sample[] = [];
const sampler = (async () => {
  let lastSay = 0;
  let before = cpuCounters(server.child.pid);
  let beforeAt = Date.now();
  while (!stopping && Date.now() < endAt) {
    await sleep(10_000);
    try {
      const res = await fetch(`${url}/api/debug/stats?reset=1`, { signal: AbortSignal.timeout(8_000) });
      const stats = (await res.json()) as DebugStatsBody;
      const atMin = (Date.now() - startedAt) / 60_000;
      const now = cpuCounters(server.child.pid);
      const wallS = (Date.now() - beforeAt) / 1000;
      const host =
        before && now
          ? {
              busyPct: Math.round(
                100 * (1 - (now.idle - before.idle) / Math.max(1, now.total - before.total)),
              ),
              serverCpuPct: Math.round((now.cpuNs - before.cpuNs) / 1e7 / wallS),
              serverRunQueueMsPerS: Math.round((now.waitNs - before.waitNs) / 1e6 / wallS),
            }
          : null;
      before = now;
      beforeAt = Date.now();
      samples.push({ atMin, stats, host });
      if (Date.now() - lastSay >= 60_000) {
        lastSay = Date.now();
        say(
          `${atMin.toFixed(1)} min: rss ${stats.rssMb} MB, heap ${stats.heapUsedMb} MB, rooms ${stats.rooms}, ` +
            `sockets ${stats.sockets}, timers late max ${stats.timersLateMs.max} ms, loop p99 ${stats.eventLoopDelayMs.p99} ms, ` +
            `games ${counts.games}, actions ${counts.actions}; host busy ${host?.busyPct}%, server cpu ${host?.serverCpuPct}%, ` +
            `run-queue wait ${host?.serverRunQueueMsPerS} ms/s`,
        );
      }
    } catch (err) {
      say(`stats: ${(err as Error).message}`);
    }
  }
})();

// Rooms open a second and a half apart, as classes arrive (all within the warm-up).
const slots: Promise<void>[] = [];
for (let i = 0; i < ROOMS; i++) {
  slots.push(slot(i, endAt));
  await sleep(1_500);
}
await sampler;
stopping = true;
await Promise.race([Promise.all(slots), sleep(30_000)]);
await server.stop("SIGTERM");
const serverLog = readFileSync(path.join(dataDir, "server.log"), "utf8").split("\n");
rmSync(dataDir, { recursive: true, force: true });
const warmDrift = clientDrift.filter(([at]) => at >= WARMUP_MIN).map(([, ms]) => ms);

const warm = samples.filter((s) => s.atMin >= WARMUP_MIN);
const quiet = warm.filter((s) => s.host !== null && s.host.serverRunQueueMsPerS < QUIET_RUNQUEUE_MS_PER_S);
const result = {
  minutes: MINUTES,
  rooms: ROOMS,
  players: PLAYERS,
  humans: HUMANS,
  warmupMinutes: WARMUP_MIN,
  games: counts.games,
  actions: counts.actions,
  acks: { ok: counts.ok, refused: counts.refused, rateLimited: counts.rateLimited },
  drops: counts.drops,
  errors: counts.errors,
  rssMb: {
    start: samples[0]?.stats.rssMb ?? null,
    afterWarmup: warm[0]?.stats.rssMb ?? null,
    end: samples.at(-1)?.stats.rssMb ?? null,
    max: Math.max(...samples.map((s) => s.stats.rssMb)),
  },
  rssSlopeMbPerMin: round(slope(warm.map((s) => [s.atMin, s.stats.rssMb]))),
  /** ± this for a 95 % confidence interval: RSS is noisy (garbage, rooms coming and going). */
  rssSlopeCi95: round(slopeCi95(warm.map((s) => [s.atMin, s.stats.rssMb]))),
  heapSlopeMbPerMin: round(slope(warm.map((s) => [s.atMin, s.stats.heapUsedMb]))),
  timerDriftMs: {
    serverMax: Math.max(0, ...warm.map((s) => s.stats.timersLateMs.max)),
    /** The same over windows where the server was not kept off the CPU by other processes. */
    serverMaxQuiet: Math.max(0, ...quiet.map((s) => s.stats.timersLateMs.max)),
    serverP99Quiet: Math.max(0, ...quiet.map((s) => s.stats.timersLateMs.p99)),
    windows: warm.length,
    quietWindows: quiet.length,
    medianWindowMax: percentile(
      warm.map((s) => s.stats.timersLateMs.max),
      50,
    ),
    serverMaxAll: samples.at(-1)?.stats.timersLateMsTotal.max ?? null,
    serverP99: samples.at(-1)?.stats.timersLateMsTotal.p99 ?? null,
    timersFired: samples.at(-1)?.stats.timersLateMsTotal.fired ?? 0,
    clientMax: Math.max(0, ...warmDrift),
    clientP99: percentile(warmDrift, 99),
    clientMaxAll: Math.max(0, ...clientDrift.map(([, ms]) => ms)),
    phaseEnds: warmDrift.length,
  },
  serverLog: {
    errors: serverLog.filter((l) => l.includes("level=error")).length,
    warnings: serverLog.filter((l) => l.includes("level=warn")).length,
    firstErrors: serverLog.filter((l) => l.includes("level=error")).slice(0, 5),
  },
  eventLoopP99MsMax: Math.max(0, ...warm.map((s) => s.stats.eventLoopDelayMs.p99)),
  eventLoopP99MsMaxQuiet: Math.max(0, ...quiet.map((s) => s.stats.eventLoopDelayMs.p99)),
  host: {
    busyPctMedian: percentile(
      warm.flatMap((s) => (s.host ? [s.host.busyPct] : [])),
      50,
    ),
    serverCpuPctMedian: percentile(
      warm.flatMap((s) => (s.host ? [s.host.serverCpuPct] : [])),
      50,
    ),
    runQueueMsPerSMax: Math.max(0, ...warm.flatMap((s) => (s.host ? [s.host.serverRunQueueMsPerS] : []))),
  },
  maxSockets: Math.max(0, ...samples.map((s) => s.stats.sockets)),
  maxRooms: Math.max(0, ...samples.map((s) => s.stats.rooms)),
  rssSeries: samples.map((s) => [round(s.atMin), s.stats.rssMb]),
  windowSeries: samples.map((s) => [
    round(s.atMin),
    s.stats.timersLateMs.max,
    s.stats.eventLoopDelayMs.p99,
    s.host?.busyPct ?? null,
    s.host?.serverRunQueueMsPerS ?? null,
  ]),
};

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

if (args.json) console.log(JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
say(
  `RSS slope ${result.rssSlopeMbPerMin} MB/min (target < 1), timer drift server ${result.timerDriftMs.serverMax} ms ` +
    `(${result.timerDriftMs.serverMaxQuiet} ms in ${result.timerDriftMs.quietWindows}/${result.timerDriftMs.windows} windows ` +
    `not starved by other processes), client ${result.timerDriftMs.clientMax} ms (target < 100)`,
);
process.exit(0);
