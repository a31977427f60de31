// `npm run loadtest -- --rooms R --players P --seconds S [--json] [--url URL [--pid PID]]
//                     [--baseline | --compare [--steps 25,50,100,150,200,250] [--step-seconds N] [--repeat N]]
//                     [--workers N] [--load-nice N] [--rate A] [--game SECONDS] [--cpu-prof DIR]`
// Starts the server under test as its own process (fresh temporary DATA_DIR, SERVE_UI=0), or aims
// at --url; runs the load from --workers separate processes; prints a table, or one JSON line.
// The README's "Performance" section says what each figure means.
import { readFileSync } from "node:fs";
import type { BarePayload } from "../../server/baseline/index";
import { type Pace, paceFor } from "./driver";
import { LOAD_NICE, type LoadResult, runLoad, shapeOf } from "./runner";
import { derivedShape } from "./shape";
import { externalTarget, StartError, startTarget, type Target } from "./target";
import { compareResult, compareText, table } from "./report";
import { failure, type StepTries, tryStep } from "./tries";

const USAGE = `usage: npm run loadtest -- --rooms R --players P --seconds S [options]
  --json               print one JSON line
  --url URL [--pid N]  load a server that is already running (CPU/RSS only with its pid)
  --baseline           the same traffic against the bare Socket.IO server (server/baseline/)
  --compare            the game server, then the baseline, with ratios, then a step search for
                       the largest load whose p95 stays under 100 ms on each
  --steps LIST         room counts for the search (default 25,50,100,150,200,250)
  --step-seconds N     measured seconds per search step (default 30)
  --repeat N           tries per search step on each server, up to N (odd; default 1): a step is
                       decided by most of them and reported by their median p95 (3: two alike
                       settle it, a split gets a third)
  --workers N          load processes (default 1)
  --load-nice N        how many nice levels the load processes run below the server under test,
                       0-19 (default 10: they share the machine's cores with it; 0: the same);
                       with --url, below this process (the server's own priority is not ours)
  --rate A             pupil actions per room per second in Build and Rebut (default 1.5)
  --game SECONDS       length of one game; after the verdict the class starts another (default 300)
  --views patch|full   how the game server's clients take views: only the changed fields after the
                       first whole view (default, as the app does) or whole after every step
  --bare-payload shaped|flat  the baseline's padding: JSON shaped like a view's (default: a client
                       parses it at a real view's cost) or one long string (cheaper to parse: the
                       baseline before 2026-11-29)
  --cpu-prof DIR       write CPU profiles of the measured window to DIR: the server's and each
                       load process's (load-game-<pid>.cpuprofile, load-bare-<pid>.cpuprofile)
  --server-env K=V     an environment variable for the game server (repeatable), e.g. STORE=memory`;

interface Options {
  rooms: number;
  players: number;
  seconds: number;
  json: boolean;
  url: string | null;
  pid: number | null;
  baseline: boolean;
  compare: boolean;
  steps: number[];
  stepSeconds: number;
  repeat: number;
  workers: number;
  loadNice: number;
  rate: number;
  game: number;
  views: "full" | "patch";
  cpuProf: string | null;
  serverEnv: Record<string, string>;
  barePayload: BarePayload;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): Options {
  const o: Options = {
    rooms: 10,
    players: 31,
    seconds: 30,
    json: false,
    url: null,
    pid: null,
    baseline: false,
    compare: false,
    steps: [25, 50, 100, 150, 200, 250],
    stepSeconds: 30,
    repeat: 1,
    workers: 1,
    loadNice: LOAD_NICE,
    rate: 1.5,
    game: 300,
    views: "patch",
    cpuProf: null,
    serverEnv: {},
    barePayload: "shaped",
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const num = (min: number, max: number) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min || n > max) fail(`${flag} must be a number from ${min} to ${max}`);
      return n;
    };
    switch (flag) {
      case "--rooms":
        o.rooms = Math.round(num(1, 2000));
        break;
      case "--players":
        o.players = Math.round(num(2, 58));
        break;
      case "--seconds":
        o.seconds = num(1, 86_400);
        break;
      case "--json":
        o.json = true;
        break;
      case "--url":
        o.url = value().replace(/\/$/, "");
        break;
      case "--pid":
        o.pid = Math.round(num(1, 2 ** 31));
        break;
      case "--baseline":
        o.baseline = true;
        break;
      case "--compare":
        o.compare = true;
        break;
      case "--steps":
        o.steps = value()
          .split(",")
          .map((s) => Math.round(Number(s)))
          .filter((n) => n > 0);
        break;
      case "--step-seconds":
        o.stepSeconds = num(5, 3600);
        break;
      case "--repeat": {
        const n = num(1, 9);
        if (!Number.isInteger(n) || n % 2 === 0)
          fail("--repeat must be an odd number from 1 to 9 (most of them decide)");
        o.repeat = n;
        break;
      }
      case "--workers":
        o.workers = Math.round(num(1, 32));
        break;
      case "--load-nice": {
        const n = num(0, 19);
        if (!Number.isInteger(n)) fail("--load-nice must be a whole number from 0 to 19");
        o.loadNice = n;
        break;
      }
      case "--rate":
        o.rate = num(0.01, 100);
        break;
      case "--game":
        o.game = num(10, 3600);
        break;
      case "--views": {
        const v = value();
        if (v !== "full" && v !== "patch") fail("--views is full or patch");
        o.views = v;
        break;
      }
      case "--server-env": {
        const [k, ...v] = value().split("=");
        if (!k || v.length === 0) fail("--server-env takes KEY=VALUE");
        o.serverEnv[k] = v.join("=");
        break;
      }
      case "--bare-payload": {
        const v = value();
        if (v !== "shaped" && v !== "flat") fail("--bare-payload is shaped or flat");
        o.barePayload = v;
        break;
      }
      case "--cpu-prof":
        o.cpuProf = value();
        break;
      case "--help":
      case "-h":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown option ${flag}`);
    }
  }
  if (o.baseline && o.compare) fail("--baseline and --compare: choose one (--compare runs both)");
  if (o.url && o.compare) fail("--compare starts both servers itself: leave out --url");
  return o;
}

let current: Target | null = null;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function withTarget<T>(o: Options, kind: "game" | "bare", fn: (t: Target) => Promise<T>): Promise<T> {
  const target = o.url
    ? externalTarget(o.url, o.pid)
    : await startTarget(kind, {
        cpuProf: o.cpuProf ?? undefined,
        env: kind === "game" ? o.serverEnv : { BARE_PAYLOAD: o.barePayload },
      });
  current = target;
  try {
    return await fn(target);
  } finally {
    await target.stop();
    current = null;
  }
}

async function gameRun(o: Options, rooms: number, seconds: number, pace: Pace) {
  return withTarget(o, "game", (target) =>
    runLoad({
      kind: "game",
      target,
      rooms,
      students: o.players,
      seconds,
      workers: o.workers,
      loadNice: o.loadNice,
      pace,
      views: o.views,
      cpuProf: o.cpuProf ?? undefined,
      log,
    }),
  );
}

async function bareRun(o: Options, rooms: number, seconds: number, shape: ReturnType<typeof shapeOf>) {
  const run = await withTarget(o, "bare", (target) =>
    runLoad({
      kind: "bare",
      target,
      rooms,
      students: o.players,
      seconds,
      workers: o.workers,
      loadNice: o.loadNice,
      shape,
      cpuProf: o.cpuProf ?? undefined,
      log,
    }),
  );
  // A server aimed at with --url pads as it was started (BARE_PAYLOAD); one started here as asked.
  return o.url ? run : { ...run, result: { ...run.result, payload: o.barePayload } };
}

/** How many files (sockets included) a process may hold open here, when the system says (Linux). */
function openFileLimit(): number | null {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) ? soft : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  const pace = paceFor(o.game, o.rate);
  if (!o.compare) {
    const { result } = o.baseline
      ? await bareRun(o, o.rooms, o.seconds, derivedShape(o.players, pace, o.game))
      : await gameRun(o, o.rooms, o.seconds, pace);
    process.stdout.write(o.json ? `${JSON.stringify(result)}\n` : `${table([result])}\n`);
    process.exitCode = result.delivered < 1 || Object.keys(result.errors).length > 0 ? 1 : 0;
    return;
  }
  // --compare: the same run on both servers, then the search, each step on both, back to back.
  const game = await gameRun(o, o.rooms, o.seconds, pace);
  const bare = await bareRun(o, o.rooms, o.seconds, shapeOf(game.tally, o.rooms, o.seconds, o.game));
  const steps: { rooms: number; game: StepTries | null; bare: StepTries | null }[] = [];
  /** A try that could not run (rooms never got going, e.g. out of file descriptors) is a load the
   *  server did not carry, not the end of the whole comparison. */
  const attempt = async (
    kind: "game" | "bare",
    rooms: number,
    run: () => Promise<{ result: LoadResult }>,
  ) => {
    try {
      return (await run()).result;
    } catch (err) {
      const why = (err as Error).message;
      log(`step ${rooms} rooms: a ${kind} try failed: ${why}`);
      return why;
    }
  };
  let gameCap = 0;
  let bareCap = 0;
  /** Why each server's search ended (null: still going): a knee, or a limit of the search itself. */
  let gameEnd: string | null = null;
  let bareEnd: string | null = null;
  const fileLimit = openFileLimit();
  for (const rooms of o.steps) {
    if (gameEnd && bareEnd) break;
    const sockets = rooms * (o.players + 2);
    if (fileLimit !== null && sockets > fileLimit - 200) {
      // Neither server could hold them: a limit of this machine, not of either server.
      log(
        `step ${rooms} rooms: ${sockets} sockets is more than a process may open here (${fileLimit} files); ` +
          "the search stops below it",
      );
      gameEnd ??= "file limit";
      bareEnd ??= "file limit";
      break;
    }
    const step: (typeof steps)[number] = { rooms, game: null, bare: null };
    // The bare server's traffic: the shape of the game's latest try at this step (the first run's
    // when the game's search has ended).
    let shape = shapeOf(game.tally, o.rooms, o.seconds, o.game);
    if (!gameEnd) {
      step.game = await tryStep(o.repeat, () =>
        attempt("game", rooms, async () => {
          const g = await gameRun(o, rooms, o.stepSeconds, pace);
          shape = shapeOf(g.tally, rooms, o.stepSeconds, o.game);
          return g;
        }),
      );
      if (step.game.carried) gameCap = rooms;
      else gameEnd = failure(step.game.result);
    }
    if (!bareEnd) {
      const bareShape = shape;
      step.bare = await tryStep(o.repeat, () =>
        attempt("bare", rooms, () => bareRun(o, rooms, o.stepSeconds, bareShape)),
      );
      if (step.bare.carried) bareCap = rooms;
      else bareEnd = failure(step.bare.result);
    }
    steps.push(step);
    const said = (t: StepTries | null) =>
      t === null
        ? "-"
        : `${t.p95s.map((p) => p ?? "failed").join("/")} ms (${t.carried ? "carried" : "not carried"})`;
    log(`step ${rooms} rooms: game p95 ${said(step.game)}, bare p95 ${said(step.bare)}`);
  }
  gameEnd ??= "top step";
  bareEnd ??= "top step";
  const search = {
    players: o.players,
    fileLimit,
    gameCap,
    bareCap,
    gameEnd,
    bareEnd,
    repeat: o.repeat,
    steps,
  };
  const out = compareResult(game.result, bare.result, search);
  process.stdout.write(
    o.json ? `${JSON.stringify(out)}\n` : compareText(game.result, bare.result, search, out),
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });

main().catch((err: Error) => {
  log(err instanceof StartError ? err.message : (err.stack ?? err.message));
  void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
});
