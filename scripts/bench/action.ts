// `npm run bench -- [--students 31] [--actions 5000] [--json]`
// Times one applied action in a class room, in-process: the machine step plus every view the
// server builds for it (screen, host, both teams, each seat's private part), and the same again
// with each of those views serialised to JSON as the server does (one per group, one per seat to
// spot unchanged private parts). Prints the distribution in µs and the largest view in bytes.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { allViews, classGame } from "./inproc";

const USAGE = "usage: npm run bench -- [--students N] [--actions N] [--json]";

function parse(argv: string[]) {
  const opts = { students: 31, actions: 5000, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const int = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) {
        process.stderr.write(`${flag} needs a whole number\n${USAGE}\n`);
        process.exit(2);
      }
      return n;
    };
    if (flag === "--students") opts.students = int();
    else if (flag === "--actions") opts.actions = int();
    else if (flag === "--json") opts.json = true;
    else {
      process.stderr.write(`unknown flag ${flag}\n${USAGE}\n`);
      process.exit(flag === "--help" || flag === "-h" ? 0 : 2);
    }
  }
  return opts;
}

export interface Distribution {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export function distribution(samples: number[]): Distribution {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    n: sorted.length,
  };
}

export interface BenchResult {
  students: number;
  actions: number;
  /** Step + every view object (µs). */
  stepAndViewsUs: Distribution;
  /** Step + every view serialised as sent (µs). */
  withJsonUs: Distribution;
  maxViewBytes: number;
}

export function bench(students: number, actions: number): BenchResult {
  const plain: number[] = [];
  const withJson: number[] = [];
  let maxViewBytes = 0;
  let seed = 1;
  // Warm up the JIT on a game that is not measured.
  const warm = classGame({ students, seed: 999 });
  for (let m = warm.next(); m; m = warm.next()) {
    warm.room.dispatch(m.command as never, m.by);
    allViews(warm.room, warm.seats);
  }
  warm.stop();
  while (plain.length + withJson.length < actions * 2) {
    const game = classGame({ students, seed: seed++ });
    let serialise = false;
    for (let move = game.next(); move; move = game.next()) {
      serialise = !serialise;
      const t0 = performance.now();
      const result = game.room.dispatch(move.command as never, move.by);
      if (!result.ok) continue;
      const views = allViews(game.room, game.seats);
      if (serialise) {
        for (const v of [views.screen, views.host, ...views.teams]) {
          const bytes = Buffer.byteLength(JSON.stringify(v));
          if (bytes > maxViewBytes) maxViewBytes = bytes;
        }
        for (const s of views.seats) JSON.stringify(s);
        withJson.push((performance.now() - t0) * 1000);
      } else plain.push((performance.now() - t0) * 1000);
    }
    game.stop();
  }
  return {
    students,
    actions: plain.length + withJson.length,
    stepAndViewsUs: distribution(plain),
    withJsonUs: distribution(withJson),
    maxViewBytes,
  };
}

function main(): void {
  const opts = parse(process.argv.slice(2));
  const result = bench(opts.students, opts.actions);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const row = (label: string, d: Distribution) =>
    `${label.padEnd(34)} ${[d.p50, d.p95, d.p99, d.max].map((x) => String(x).padStart(8)).join("")}`;
  console.log(`One applied action in a ${opts.students}-seat room (${result.actions} actions), µs:`);
  console.log(`${"".padEnd(34)} ${["p50", "p95", "p99", "max"].map((x) => x.padStart(8)).join("")}`);
  console.log(row("step + 4 shared + seat views", result.stepAndViewsUs));
  console.log(row("  … each serialised as sent", result.withJsonUs));
  console.log(`largest shared view: ${result.maxViewBytes} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
