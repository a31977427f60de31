// What an action's latency means: from its emit to the last member's first view of at least its
// version, whether the view came before the ack or after it.
import fc from "fast-check";
import { expect, it } from "vitest";
import { mergeSamples, type Pending, pick, quantile, Receipts, type Sample, sample } from "./measure";

function pending(t0: number, version: number): Pending {
  return { t0, version, last: t0, remaining: 0, settled: false };
}

it("finds a view that arrived before the ack, and waits for one that has not", () => {
  const settled: Pending[] = [];
  const early = new Receipts((p) => settled.push(p));
  const late = new Receipts((p) => settled.push(p));
  early.received(4, 100);
  early.received(5, 110);
  early.received(7, 130);
  const p = pending(90, 5);
  expect(early.arrivalOf(p)).toBe(110); // the first view of version >= 5
  p.last = 110;
  expect(late.arrivalOf(p)).toBeNull();
  p.remaining = 1;
  late.received(4, 120); // too old: still waiting
  expect(settled).toEqual([]);
  late.received(6, 140); // a later version covers it (steps coalesce into one broadcast)
  expect(settled).toEqual([p]);
  expect(p.last - p.t0).toBe(50);
});

it("a member that goes away leaves its waiters unresolved (they time out as lost)", () => {
  const settled: Pending[] = [];
  const r = new Receipts((p) => settled.push(p));
  const p = pending(0, 3);
  p.remaining = 1;
  expect(r.arrivalOf(p)).toBeNull();
  r.abandon();
  r.received(3, 10);
  expect(settled).toEqual([]);
});

it("quantiles by nearest rank", () => {
  const xs = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(quantile(xs, 0.5)).toBe(5);
  expect(quantile(xs, 0.95)).toBe(10);
  expect(quantile(new Float64Array(0), 0.5)).toBe(0);
});

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

it("samples sizes uniformly over the whole stream, not its first values", () => {
  // 100,000 frames whose size grows over the window: a sample of the first ones would be light.
  const s: Sample = { xs: [], seen: 0 };
  for (let i = 0; i < 100_000; i++) sample(s, i, 2_000);
  expect(s.seen).toBe(100_000);
  expect(s.xs).toHaveLength(2_000);
  // Uniform over 0..99,999: mean 50,000 (standard error ~650), a quarter in each quarter.
  expect(Math.abs(mean(s.xs) - 50_000)).toBeLessThan(4_000);
  for (let q = 0; q < 4; q++) {
    const inQuarter = s.xs.filter((x) => x >= q * 25_000 && x < (q + 1) * 25_000).length;
    expect(inQuarter).toBeGreaterThan(400);
    expect(inQuarter).toBeLessThan(600);
  }
});

it("merges load processes' samples in proportion to the frames each saw", () => {
  const busy: Sample = { xs: [], seen: 0 };
  const quiet: Sample = { xs: [], seen: 0 };
  for (let i = 0; i < 30_000; i++) sample(busy, 1_000, 1_000);
  for (let i = 0; i < 10_000; i++) sample(quiet, 100, 1_000);
  const merged = mergeSamples([busy, quiet], 1_000);
  expect(merged.seen).toBe(40_000);
  // 3:1, and never more of the quiet process than it holds.
  expect(merged.xs.filter((x) => x === 1_000)).toHaveLength(750);
  expect(merged.xs.filter((x) => x === 100)).toHaveLength(250);
  // Nothing sampled yet: the values as they are.
  expect(
    mergeSamples([
      { xs: [1, 2], seen: 2 },
      { xs: [3], seen: 1 },
    ]).xs,
  ).toEqual([1, 2, 3]);
});

it("a merged sample holds only values of its parts, at most the cap, each stream by its weight", () => {
  const part = fc
    .array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 })
    .chain((xs) => fc.record({ xs: fc.constant(xs), extra: fc.nat(200) }));
  fc.assert(
    fc.property(fc.array(part, { maxLength: 4 }), fc.integer({ min: 1, max: 80 }), (parts, cap) => {
      const samples = parts.map((p) => ({ xs: p.xs, seen: p.xs.length + (p.xs.length > 0 ? p.extra : 0) }));
      const merged = mergeSamples(samples, cap);
      expect(merged.seen).toBe(samples.reduce((n, p) => n + p.seen, 0));
      const all = samples.flatMap((p) => p.xs);
      expect(merged.xs.length).toBeLessThanOrEqual(
        Math.max(cap, samples.every((p) => p.xs.length === p.seen) ? all.length : 0),
      );
      for (const x of merged.xs) expect(all).toContain(x);
    }),
  );
});

it("picks without replacement", () => {
  const xs = Array.from({ length: 50 }, (_, i) => i);
  const picked = pick(xs, 20);
  expect(new Set(picked).size).toBe(20);
  expect(pick(xs, 80).sort((a, b) => a - b)).toEqual(xs);
  expect(xs).toHaveLength(50); // untouched
});
