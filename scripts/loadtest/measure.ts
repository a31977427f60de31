// What the load test measures, on the client side. Definitions (the README repeats them):
//   action    a `command` a load client emits that the server acknowledges { ok: true, version: V }.
//   latency   from the emit to the moment the LAST member of the room (every student, the host and
//             the projector screen connected to it) has received a `view` whose `version` is at
//             least V, in ms. All of a room's clients live in one process, so one clock times them.
//   delivered (member, action) pairs whose view arrived within DELIVERY_TIMEOUT_MS, over all pairs.
// A member keeps the versions it received and when; an acknowledged action looks its V up in each
// member's history (the view often lands before the ack) or waits on those that have not got it yet.
import { performance } from "node:perf_hooks";

/** A view that has not arrived this long after its action counts as lost. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much receive history each member keeps (longer than any ack can take). */
const HISTORY_MS = DELIVERY_TIMEOUT_MS + 5_000;

export interface Pending {
  /** The command's type (for latency by type). */
  type?: string;
  t0: number;
  version: number;
  /** Latest arrival so far among the members that have it. */
  last: number;
  /** Members still waiting. */
  remaining: number;
  settled: boolean;
}

/** One connected client's view receipts: versions in the order they came, with their times. */
export class Receipts {
  private versions: number[] = [];
  private times: number[] = [];
  private waiting: Pending[] = [];
  latest = -1;

  constructor(private readonly onSettle: (p: Pending) => void) {}

  /** A `view` with this version arrived now. */
  received(version: number, at = performance.now()): void {
    if (version > this.latest) {
      this.latest = version;
      this.versions.push(version);
      this.times.push(at);
    }
    if (this.waiting.length === 0) return;
    const still: Pending[] = [];
    for (const p of this.waiting) {
      if (p.settled) continue;
      if (p.version <= version) {
        if (at > p.last) p.last = at;
        if (--p.remaining === 0) this.onSettle(p);
      } else still.push(p);
    }
    this.waiting = still;
  }

  /** When this member first had a view of at least `version`, or null (then `p` waits here). */
  arrivalOf(p: Pending): number | null {
    if (this.latest >= p.version) {
      // Binary search for the first version >= p.version.
      let lo = 0;
      let hi = this.versions.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.versions[mid] as number) >= p.version) hi = mid;
        else lo = mid + 1;
      }
      return this.times[lo] as number;
    }
    this.waiting.push(p);
    return null;
  }

  /** Drops history no ack can still ask about. */
  trim(now = performance.now()): void {
    let drop = 0;
    while (drop < this.times.length - 1 && now - (this.times[drop] as number) > HISTORY_MS) drop++;
    if (drop > 0) {
      this.versions.splice(0, drop);
      this.times.splice(0, drop);
    }
  }

  /** This member has gone (closed, or disconnected): whatever waits on it will not arrive. */
  abandon(): void {
    this.waiting = [];
  }
}

/** A bounded uniform sample of a stream of sizes (reservoir sampling, Algorithm R), with how many
 *  values the stream has had: every value seen so far is in `xs` with the same chance. */
export interface Sample {
  xs: number[];
  seen: number;
}

export const SAMPLE_CAP = 20_000;

export function sample(into: Sample, x: number, cap = SAMPLE_CAP): void {
  into.seen++;
  if (into.xs.length < cap) into.xs.push(x);
  else {
    const j = Math.floor(Math.random() * into.seen);
    if (j < cap) into.xs[j] = x;
  }
}

/** `n` values of `xs` picked at random without replacement (all of them when it has no more). */
export function pick(xs: readonly number[], n: number, random = Math.random): number[] {
  const copy = xs.slice();
  const take = Math.min(n, copy.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as number, copy[i] as number];
  }
  return copy.slice(0, take);
}

/** Samples of several streams as one sample of them all: each stream gives values in proportion to
 *  how many it had (two load processes that saw 3:1 frames weigh 3:1), up to `cap` in all. */
export function mergeSamples(parts: readonly Sample[], cap = SAMPLE_CAP): Sample {
  const seen = parts.reduce((n, p) => n + p.seen, 0);
  const held = parts.reduce((n, p) => n + p.xs.length, 0);
  if (held <= cap && parts.every((p) => p.xs.length === p.seen))
    return { xs: parts.flatMap((p) => p.xs), seen };
  // As many as the most under-sampled stream allows, so that no stream is over-represented.
  const room = Math.min(cap, ...parts.filter((p) => p.seen > 0).map((p) => (p.xs.length * seen) / p.seen));
  return { xs: parts.flatMap((p) => pick(p.xs, Math.floor((room * p.seen) / Math.max(1, seen)))), seen };
}

/** What one load process saw while measuring (merged across processes by the runner). */
export interface Tally {
  actions: number;
  /** Acknowledged actions by command type. */
  byType: Record<string, number>;
  latencies: number[];
  /** The same latencies by command type. */
  latencyByType: Record<string, number[]>;
  /** Member-action pairs expected and delivered in time. */
  pairs: number;
  delivered: number;
  /** Refused acks by code (rule refusals in a race are normal; transport codes are errors). */
  refused: Record<string, number>;
  /** Things that must not happen: ack timeouts, unexpected disconnects, connect errors… */
  errors: Record<string, number>;
  /** View frame sizes per audience, every view frame, and private-part frames (uniform samples). */
  viewBytes: Record<"screen" | "host" | "team" | "all" | "me", Sample>;
  viewMax: number;
  /** View and private-part frames received while measuring, and `me` frames per action. */
  frames: number;
  meFrames: number;
  /** Games that reached the verdict (the baseline: game-length stretches played). */
  games: number;
}

export function emptyTally(): Tally {
  return {
    actions: 0,
    byType: {},
    latencies: [],
    latencyByType: {},
    pairs: 0,
    delivered: 0,
    refused: {},
    errors: {},
    viewBytes: {
      screen: { xs: [], seen: 0 },
      host: { xs: [], seen: 0 },
      team: { xs: [], seen: 0 },
      all: { xs: [], seen: 0 },
      me: { xs: [], seen: 0 },
    },
    viewMax: 0,
    frames: 0,
    meFrames: 0,
    games: 0,
  };
}

export function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

export function mergeTallies(tallies: Tally[]): Tally {
  const out = emptyTally();
  for (const t of tallies) {
    out.actions += t.actions;
    for (const [k, v] of Object.entries(t.byType)) bump(out.byType, k, v);
    for (const x of t.latencies) out.latencies.push(x);
    for (const [k, xs] of Object.entries(t.latencyByType)) {
      const into = out.latencyByType[k] ?? [];
      out.latencyByType[k] = into;
      for (const x of xs) into.push(x);
    }
    out.pairs += t.pairs;
    out.delivered += t.delivered;
    for (const [k, v] of Object.entries(t.refused)) bump(out.refused, k, v);
    for (const [k, v] of Object.entries(t.errors)) bump(out.errors, k, v);
    out.viewMax = Math.max(out.viewMax, t.viewMax);
    out.frames += t.frames;
    out.meFrames += t.meFrames;
    out.games += t.games;
  }
  for (const k of ["screen", "host", "team", "all", "me"] as const)
    out.viewBytes[k] = mergeSamples(tallies.map((t) => t.viewBytes[k]));
  return out;
}

/** The q-quantile (0..1) of `xs`, nearest rank; 0 for none. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function sortedCopy(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}
