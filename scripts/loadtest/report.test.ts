// What a compare says about its capacity ratio, and how the runs read as a table.
import { expect, it } from "vitest";
import { compareResult, compareText, ratioIs, type Search, table } from "./report";
import type { LoadResult } from "./runner";

const run = (
  kind: "game" | "bare",
  rooms: number,
  p95: number,
  more: Partial<LoadResult> = {},
): LoadResult => ({
  rooms,
  players: 31,
  sockets: rooms * 33,
  actions: 1000,
  p50: 2,
  p95,
  p99: p95 * 2,
  delivered: 1,
  viewBytes: { p50: 190, max: 3800 },
  serverCpuPct: kind === "game" ? 40 : 25,
  serverCpu: null,
  serverRssMb: 400,
  eventLoopP99Ms: 12,
  kind,
  views: "patch",
  seconds: 30,
  actionsPerRoomPerS: 1.9,
  framesPerAction: 35,
  maxMs: 200,
  loadCpuPct: 40,
  loadNice: 10,
  eventLoopMaxMs: 30,
  heapMb: 200,
  gc: null,
  games: 3,
  byType: {},
  p95ByType: {},
  errors: {},
  refused: {},
  ...more,
});

const search = (over: Partial<Search>): Search => ({
  players: 31,
  fileLimit: 20_000,
  gameCap: 200,
  bareCap: 250,
  gameEnd: "p95 over 100 ms",
  bareEnd: "p95 over 100 ms",
  repeat: 1,
  steps: [],
  ...over,
});

it("a ratio is measured only between two knees found", () => {
  expect(ratioIs(search({}))).toBe("measured");
  // bare carried the top step: its knee is higher, so the ratio is at most what it says
  expect(ratioIs(search({ bareEnd: "top step" }))).toBe("at most");
  expect(ratioIs(search({ gameEnd: "file limit" }))).toBe("at least");
  expect(ratioIs(search({ gameEnd: "top step", bareEnd: "file limit" }))).toBe("unknown");
  // a server that failed the first step: its knee is below the search
  expect(ratioIs(search({ gameCap: 0 }))).toBe("unknown");
});

it("the compare line carries both runs, the ratios and the search", () => {
  const s = search({});
  const out = compareResult(run("game", 100, 20), run("bare", 100, 10), s);
  expect(out.kind).toBe("game");
  expect(out.baseline.kind).toBe("bare");
  expect(out.ratio).toEqual({ p50: 1, p95: 2, p99: 2, serverCpuPct: 1.6, capacity: 0.8 });
  expect(out.capacity).toMatchObject({ game: 200, bare: 250, ratioIs: "measured", repeat: 1, steps: [] });
  // in words, with the caveat only when the ratio is not measured
  expect(compareText(run("game", 100, 20), run("bare", 100, 10), s, out)).toContain(
    "largest load with p95 < 100 ms (rooms of 31): game 200 (p95 over 100 ms), bare 250 (p95 over 100 ms)\n",
  );
  const open = search({ bareEnd: "top step" });
  expect(
    compareText(
      run("game", 100, 20),
      run("bare", 100, 10),
      open,
      compareResult(run("game", 100, 20), run("bare", 100, 10), open),
    ),
  ).toContain("the ratio is at most 0.8");
});

it("a table has a row per run and lists errors under it", () => {
  const text = table([run("game", 100, 20, { errors: { lost_views: 3 } }), run("bare", 100, 10)]);
  const lines = text.split("\n");
  expect(lines[0]).toMatch(/^\s*server\s+rooms\s+sockets/);
  expect(lines[1]).toMatch(/game\/patch\s+100\s+3300/);
  expect(lines[2]).toMatch(/bare\s+100\s+3300/);
  expect(lines[3]).toBe('game errors: {"lost_views":3}');
});
