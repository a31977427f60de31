// `npm run bench:save -- [--rooms 150] [--students 31] [--actions 30000] [--repeat 2] [--json]`
// What saving a step costs, in-process and without sockets: many class rooms played in turn through
// the server's own registry (each applied action saved as the server saves it: a log entry, or a
// checkpoint every 64 steps) and acknowledged through group commit, once with the SQLite store
// (its writer thread included) and once with a store that keeps nothing. The difference is the
// cost of saving per action, on the main thread and in the whole process. A load test on this
// shared machine varies by ±10 % from one run to the next; this does not depend on the machine's
// other work nearly as much (no sockets, no load processes), so it can tell a change of a few %.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { seedDeck } from "../../content/decks";
import { VirtualClock } from "../../game/sim/virtual-clock";
import { Committer } from "../../server/commit";
import { silentLogger } from "../../server/log";
import { type LiveRoom, Registry } from "../../server/rooms";
import { openMemoryStore, openSqliteStore, type Store } from "../../server/store";
import { DEFAULT_BATCH_MS } from "../../server/store/sqlite";
import { type ClassGame, classGame } from "./inproc";

const USAGE = "usage: npm run bench:save -- [--rooms N] [--students N] [--actions N] [--repeat N] [--json]";

export interface SaveBenchOptions {
  rooms: number;
  students: number;
  actions: number;
  repeat: number;
}

/** sqlite: the server's store; none: a store that keeps nothing (what the SQLite store's side of
 *  saving costs); unsaved: no save at all, not even the room's snapshot built (what the room's side,
 *  server/room-record.ts, costs). */
export type StoreKind = "sqlite" | "none" | "unsaved";

/** One measured run: CPU per applied action (µs), on the main thread and in the whole process. */
export interface SaveRun {
  store: StoreKind;
  actions: number;
  acked: number;
  /** null where the thread's own CPU time cannot be read (not Linux). */
  mainUs: number | null;
  processUs: number;
  wallUs: number;
  /** Parts the SQLite store wrote (0 for "none"). */
  writtenParts: number;
}

export interface SaveBenchResult extends SaveBenchOptions {
  runs: SaveRun[];
  /** Medians per kind of run, µs per action. */
  sqlite: Cost;
  none: Cost;
  unsaved: Cost;
  /** What saving costs per action: in all (sqlite minus unsaved), the room's snapshot (none minus
   *  unsaved), the store (sqlite minus none). */
  saveUs: { all: Cost; snapshot: Cost; store: Cost };
}

export interface Cost {
  mainUs: number | null;
  processUs: number;
}

export function parseSaveBench(argv: string[]): (SaveBenchOptions & { json: boolean }) | string {
  const opts = { rooms: 150, students: 31, actions: 30_000, repeat: 2, json: false };
  const limits = { rooms: [1, 2000], students: [2, 35], actions: [1, 10_000_000], repeat: [1, 20] } as const;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === "--json") {
      opts.json = true;
      continue;
    }
    const name = flag.replace(/^--/, "") as keyof typeof limits;
    if (!flag.startsWith("--") || !Object.hasOwn(limits, name)) return `unknown flag ${flag}`;
    const [min, max] = limits[name];
    const text = argv[++i];
    const n = Number(text);
    if (text === undefined || !/^\d+$/.test(text) || n < min || n > max)
      return `${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text ?? "")}`;
    opts[name] = n;
  }
  return opts;
}

/** This thread's CPU time in ms (Linux: /proc/thread-self/stat, in clock ticks of 10 ms), or null. */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A store that keeps no room: every other call as the memory store; acks at once. */
function nothingStore(): Store {
  const store = openMemoryStore({ log: silentLogger });
  return {
    ...store,
    saveRoom() {},
    afterWrite(callback) {
      queueMicrotask(callback);
    },
    writeSoon() {},
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Actions applied per event-loop turn: a busy server takes several commands per turn. */
const PER_TURN = 8;

interface Table {
  live: LiveRoom;
  game: ClassGame;
}

export async function runOnce(kind: StoreKind, opts: SaveBenchOptions, seed: number): Promise<SaveRun> {
  const dir = kind === "sqlite" ? mkdtempSync(join(tmpdir(), "debate-deck-bench-save-")) : null;
  const sqlite = dir
    ? openSqliteStore({ dir, batchMs: DEFAULT_BATCH_MS, log: silentLogger, writerThread: true })
    : null;
  const store = sqlite ?? nothingStore();
  const clock = new VirtualClock(1_700_000_000_000);
  const registry = new Registry({ store, log: silentLogger, scheduler: clock, onStep: () => {} });
  // The registry saves every room after every step; here, never.
  if (kind === "unsaved") registry.save = () => {};
  const commit = new Committer(store, silentLogger);
  let games = 0;
  const table = (): Table => {
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    return { live, game: classGame({ students: opts.students, seed: seed + games++, room: live.room }) };
  };
  try {
    const tables = Array.from({ length: opts.rooms }, table);
    store.flush(); // the rooms as created, on disk before the clock starts
    let applied = 0;
    let acked = 0;
    let n = 0;
    const main0 = threadCpuMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (applied < opts.actions) {
      for (let k = 0; k < PER_TURN && applied < opts.actions; k++) {
        const i = n++ % tables.length;
        let at = tables[i] as Table;
        let move = at.game.next();
        if (!move) {
          // The game is over: the class starts its next one in a new room.
          at = table();
          tables[i] = at;
          move = at.game.next();
          if (!move) throw new Error("a new game has no first move");
        }
        const result = at.live.dispatch(move.command as never, move.by, `a-${n}`);
        if (!result.ok) continue;
        applied++;
        commit.after(() => acked++);
      }
      await turn();
    }
    while (acked < applied) await new Promise((resolve) => setTimeout(resolve, 1));
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const main1 = threadCpuMs();
    const mainMs = main0 === null || main1 === null ? null : main1 - main0;
    const per = (ms: number) => Math.round((ms * 1000 * 10) / applied) / 10;
    return {
      store: kind,
      actions: applied,
      acked,
      mainUs: mainMs === null ? null : per(mainMs),
      processUs: per((cpu.user + cpu.system) / 1000),
      wallUs: per(wallMs),
      writtenParts: sqlite?.stats().writtenParts ?? 0,
    };
  } finally {
    for (const live of registry.all()) live.room.stop();
    store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

export async function saveBench(opts: SaveBenchOptions): Promise<SaveBenchResult> {
  // Warm the JIT on both paths first (not counted).
  const warm = { ...opts, rooms: Math.min(opts.rooms, 20), actions: Math.min(opts.actions, 3000) };
  const kinds: StoreKind[] = ["unsaved", "none", "sqlite"];
  for (const kind of kinds) await runOnce(kind, warm, 10_000);
  const runs: SaveRun[] = [];
  // In turn, and the other way round every other time, so a slow stretch of the machine falls on all.
  for (let r = 0; r < opts.repeat; r++)
    for (const kind of r % 2 ? [...kinds].reverse() : kinds)
      runs.push(await runOnce(kind, opts, 1 + r * 1000));
  const of = (kind: StoreKind): Cost => {
    const mine = runs.filter((run) => run.store === kind);
    const main = mine.map((run) => run.mainUs);
    return {
      mainUs: main.every((x) => x !== null) ? median(main as number[]) : null,
      processUs: median(mine.map((run) => run.processUs)),
    };
  };
  const minus = (a: Cost, b: Cost): Cost => ({
    mainUs: a.mainUs === null || b.mainUs === null ? null : Math.round((a.mainUs - b.mainUs) * 10) / 10,
    processUs: Math.round((a.processUs - b.processUs) * 10) / 10,
  });
  const sqlite = of("sqlite");
  const none = of("none");
  const unsaved = of("unsaved");
  return {
    ...opts,
    runs,
    sqlite,
    none,
    unsaved,
    saveUs: { all: minus(sqlite, unsaved), snapshot: minus(none, unsaved), store: minus(sqlite, none) },
  };
}

async function main(): Promise<void> {
  const opts = parseSaveBench(process.argv.slice(2));
  if (typeof opts === "string") {
    process.stderr.write(`${opts}\n${USAGE}\n`);
    process.exit(2);
  }
  const result = await saveBench(opts);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const fmt = (x: number | null) => (x === null ? "n/a" : String(x)).padStart(10);
  console.log(
    `Saving one applied action: ${opts.rooms} rooms of ${opts.students}, ${result.runs[0]?.actions ?? 0} actions a run, CPU µs per action (median of ${opts.repeat}):`,
  );
  const row = (label: string, cost: Cost) =>
    console.log(`${label.padEnd(40)}${fmt(cost.mainUs)}${fmt(cost.processUs)}`);
  console.log(`${"".padEnd(40)}${"main".padStart(10)}${"process".padStart(10)}`);
  row("saved to the SQLite store", result.sqlite);
  row("snapshot built, store keeps nothing", result.none);
  row("not saved", result.unsaved);
  row("saving costs: in all", result.saveUs.all);
  row("  the room's snapshot (room-record.ts)", result.saveUs.snapshot);
  row("  the store (SQLite, writer thread)", result.saveUs.store);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
