// Where a server's main thread was busy without a break, and with what: reads a V8 .cpuprofile (as
// `npm run loadtest -- … --cpu-prof DIR` writes them) and cuts its samples into stretches between
// idle samples. A long stretch is a wait for every message that arrives during it, so these, more
// than the total, are what push a p95 up near the knee.
//   npm run profile:stretches -- DIR/server-<pid>.cpuprofile [--top N] [--json]
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Stretch {
  ms: number;
  /** Milliseconds by what the thread was doing (see `kindOf`), largest first. */
  kinds: [string, number][];
}

export interface StretchReport {
  busyMs: number;
  stretches: number;
  /** Stretches at least this long: how many, and their milliseconds together. */
  atLeast: { ms: number; count: number; totalMs: number }[];
  longest: Stretch[];
}

const PROJECT = ["/game/", "/server/", "/content/", "/scripts/"];

/** What a sample was: V8's own entries (idle, GC, program) or a socket write, else the nearest frame
 *  of the project's own code up the stack (`server/broadcast.ts`), else the package (`socket.io`). */
export function kindOf(stack: readonly CallFrame[]): string {
  const top = stack[0];
  if (!top) return "other";
  if (top.functionName === "(idle)") return "idle";
  if (top.functionName === "(garbage collector)") return "gc";
  if (top.functionName === "(program)") return "program";
  // The kernel's share of sending, wherever it was called from (the same for bare Socket.IO).
  if (top.functionName === "writev" || top.functionName === "writeBuffer") return "socket write";
  for (const frame of stack) {
    const at = PROJECT.map((p) => frame.url.lastIndexOf(p)).find((i) => i >= 0);
    if (at !== undefined && !frame.url.includes("node_modules")) return frame.url.slice(at + 1);
  }
  for (const frame of stack) {
    const i = frame.url.lastIndexOf("node_modules/");
    if (i >= 0) return frame.url.slice(i + 13).split("/")[0] ?? "other";
  }
  return top.url.startsWith("node:") ? "node" : "other";
}

export function stretches(profile: CpuProfile, top = 10, limits = [20, 50, 100]): StretchReport {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kinds = new Map<number, string>();
  const kind = (id: number): string => {
    let k = kinds.get(id);
    if (k === undefined) {
      const stack: CallFrame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const node = byId.get(at);
        if (node) stack.push(node.callFrame);
      }
      k = kindOf(stack);
      kinds.set(id, k);
    }
    return k;
  };
  const all: { ms: number; by: Map<string, number> }[] = [];
  let open: { ms: number; by: Map<string, number> } | null = null;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const k = kind(id);
    if (k === "idle") {
      open = null;
      return;
    }
    if (!open) {
      open = { ms: 0, by: new Map() };
      all.push(open);
    }
    open.ms += ms;
    open.by.set(k, (open.by.get(k) ?? 0) + ms);
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  all.sort((a, b) => b.ms - a.ms);
  return {
    busyMs: round(all.reduce((t, s) => t + s.ms, 0)),
    stretches: all.length,
    atLeast: limits.map((ms) => {
      const long = all.filter((s) => s.ms >= ms);
      return { ms, count: long.length, totalMs: round(long.reduce((t, s) => t + s.ms, 0)) };
    }),
    longest: all.slice(0, top).map((s) => ({
      ms: round(s.ms),
      kinds: [...s.by].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v)] as [string, number]),
    })),
  };
}

function text(r: StretchReport): string {
  const lines = [`busy ${r.busyMs} ms in ${r.stretches} stretches`];
  for (const a of r.atLeast) lines.push(`  ${a.ms} ms or more: ${a.count}, ${a.totalMs} ms in all`);
  lines.push("longest:");
  for (const s of r.longest)
    lines.push(
      `  ${s.ms} ms: ${s.kinds
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  return `${lines.join("\n")}\n`;
}

const USAGE = "usage: npm run profile:stretches -- FILE.cpuprofile [--top N] [--json]";

function main(argv: string[]): number {
  let file: string | undefined;
  let top = 10;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--json") json = true;
    else if (a === "--top") {
      const v = argv[++i] ?? "";
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1000) {
        process.stderr.write(`--top must be a whole number from 1 to 1000, not "${v}"\n${USAGE}\n`);
        return 2;
      }
      top = Number(v);
    } else if (a.startsWith("-") || file !== undefined) {
      process.stderr.write(`unexpected argument ${a}\n${USAGE}\n`);
      return 2;
    } else file = a;
  }
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let profile: CpuProfile;
  try {
    profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    if (
      !Array.isArray(profile.nodes) ||
      !Array.isArray(profile.samples) ||
      !Array.isArray(profile.timeDeltas)
    )
      throw new Error("not a V8 CPU profile (nodes, samples and timeDeltas expected)");
  } catch (err) {
    process.stderr.write(`${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const report = stretches(profile, top);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : text(report));
  return 0;
}

if (process.argv[1]?.endsWith("stretches.ts")) process.exitCode = main(process.argv.slice(2));
