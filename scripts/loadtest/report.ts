// What `npm run loadtest` prints: a table of runs, and for `--compare` the two runs side by side
// with their ratios and the step search's verdict (one JSON line with --json). cli.ts runs things;
// this only says what came of them.
import type { LoadResult } from "./runner";
import type { StepTries } from "./tries";

/** What a `--compare` step search found. */
export interface Search {
  players: number;
  /** Open files a process may have here (null: unknown). */
  fileLimit: number | null;
  gameCap: number;
  bareCap: number;
  gameEnd: string;
  bareEnd: string;
  repeat: number;
  steps: { rooms: number; game: StepTries | null; bare: StepTries | null }[];
}

export type RatioIs = "measured" | "at most" | "at least" | "unknown";

export const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;

/**
 * What the capacity ratio is. A server that carried the search's last load has its knee somewhere
 * above it: its figure is a floor. Over a floor the capacity ratio is at most what it says; of a
 * floor, at least. A server that did not carry the first step has its knee somewhere below it: its
 * 0 says nothing.
 */
export function ratioIs(s: Pick<Search, "gameCap" | "bareCap" | "gameEnd" | "bareEnd">): RatioIs {
  const floor = (end: string) => end === "top step" || end === "file limit";
  if (s.gameCap === 0 || s.bareCap === 0 || (floor(s.gameEnd) && floor(s.bareEnd))) return "unknown";
  if (floor(s.bareEnd)) return "at most";
  if (floor(s.gameEnd)) return "at least";
  return "measured";
}

/** The `--compare --json` line: the game's run, the baseline's, the ratios and the search. */
export function compareResult(game: LoadResult, bare: LoadResult, s: Search) {
  return {
    ...game,
    baseline: bare,
    ratio: {
      p50: ratio(game.p50, bare.p50),
      p95: ratio(game.p95, bare.p95),
      p99: ratio(game.p99, bare.p99),
      serverCpuPct: ratio(game.serverCpuPct, bare.serverCpuPct),
      capacity: ratio(s.gameCap, s.bareCap),
    },
    capacity: {
      players: s.players,
      /** Open files a process may have here: the search stops where the sockets would not fit. */
      fileLimit: s.fileLimit,
      game: s.gameCap,
      bare: s.bareCap,
      /** Why each search ended: its knee ("p95 over 100 ms", "views lost", "rooms failed", "did not
       *  run") or the search's own end ("top step", "file limit": the server carried it all). */
      gameEnd: s.gameEnd,
      bareEnd: s.bareEnd,
      /** What `ratio.capacity` is: "measured" (both knees found), "at most" (bare's not reached),
       *  "at least" (the game's not reached), "unknown" (neither, or a server failed the first step:
       *  start --steps lower). */
      ratioIs: ratioIs(s),
      /** Tries per step on each server (`--repeat`): most decide, the median stands for them. */
      repeat: s.repeat,
      steps: s.steps.map((step) => {
        const failed = {
          ...(step.game?.errors.length ? { game: step.game.errors.join("; ") } : {}),
          ...(step.bare?.errors.length ? { bare: step.bare.errors.join("; ") } : {}),
        };
        return {
          rooms: step.rooms,
          gameP95: step.game?.result?.p95 ?? null,
          bareP95: step.bare?.result?.p95 ?? null,
          ...(s.repeat > 1 ? { gameTries: step.game?.p95s ?? [], bareTries: step.bare?.p95s ?? [] } : {}),
          ...(Object.keys(failed).length > 0 ? { failed } : {}),
        };
      }),
    },
  };
}

/** `--compare` without --json: every run's row, the ratios, and the verdict in words. */
export function compareText(
  game: LoadResult,
  bare: LoadResult,
  s: Search,
  out: ReturnType<typeof compareResult>,
): string {
  const rows = [
    game,
    bare,
    ...s.steps.flatMap((step) =>
      [step.game?.result ?? null, step.bare?.result ?? null].filter((r) => r !== null),
    ),
  ];
  const is = out.capacity.ratioIs;
  const caveat =
    is === "measured"
      ? ""
      : `: the ratio is ${is === "unknown" ? "unknown" : `${is} ${out.ratio.capacity}`} (the search must start below both knees and reach past both: lower or raise --steps, or raise --rate to bring both knees under this machine's file limit)`;
  return [
    table(rows as LoadResult[]),
    `ratio game/bare: ${JSON.stringify(out.ratio)}`,
    `largest load with p95 < 100 ms (rooms of ${s.players}): game ${s.gameCap} (${s.gameEnd}), bare ${s.bareCap} (${s.bareEnd})${caveat}`,
    "",
  ].join("\n");
}

/** Runs as a table, one row each, with their errors and refusals under it. */
export function table(rows: LoadResult[]): string {
  const cols: [string, (r: LoadResult) => string][] = [
    ["server", (r) => (r.kind === "game" ? `game/${r.views}` : "bare")],
    ["rooms", (r) => String(r.rooms)],
    ["sockets", (r) => String(r.sockets)],
    ["actions", (r) => String(r.actions)],
    ["/room/s", (r) => String(r.actionsPerRoomPerS)],
    ["p50 ms", (r) => String(r.p50)],
    ["p95 ms", (r) => String(r.p95)],
    ["p99 ms", (r) => String(r.p99)],
    ["max ms", (r) => String(r.maxMs)],
    ["delivered", (r) => String(r.delivered)],
    ["view B p50", (r) => String(r.viewBytes.p50)],
    ["view B max", (r) => String(r.viewBytes.max)],
    ["cpu %", (r) => String(r.serverCpuPct ?? "-")],
    ["rss MB", (r) => String(r.serverRssMb ?? "-")],
    ["loop p99 ms", (r) => String(r.eventLoopP99Ms ?? "-")],
    ["load cpu %", (r) => String(r.loadCpuPct ?? "-")],
    ["load nice", (r) => String(r.loadNice ?? "-")],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => (row[i] as string).length)));
  const lines = cells.map((row) => row.map((c, i) => c.padStart(widths[i] as number)).join("  "));
  const notes = rows.flatMap((r) => {
    const out: string[] = [];
    if (Object.keys(r.errors).length > 0) out.push(`${r.kind} errors: ${JSON.stringify(r.errors)}`);
    if (Object.keys(r.refused).length > 0)
      out.push(`${r.kind} refused (races): ${JSON.stringify(r.refused)}`);
    return out;
  });
  return [...lines, ...notes].join("\n");
}
