// What an action's latency means: from its emit to the last member's first view of at least its
// version, whether the view came before the ack or after it.
import { expect, it } from "vitest";
import { type Pending, quantile, Receipts } from "./measure";

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
