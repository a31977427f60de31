import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

describe("token bucket", () => {
  it("allows a burst of capacity, then refuses with the time to wait", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 3, refillPerSecond: 2, now: c.now });
    expect(rl.take("s1")).toEqual({ ok: true });
    expect(rl.take("s1")).toEqual({ ok: true });
    expect(rl.take("s1")).toEqual({ ok: true });
    expect(rl.take("s1")).toEqual({ ok: false, retryAfterMs: 500 });
    c.advance(499);
    expect(rl.take("s1").ok).toBe(false);
    c.advance(1);
    expect(rl.take("s1")).toEqual({ ok: true });
  });

  it("keeps keys apart", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: c.now });
    expect(rl.take("a").ok).toBe(true);
    expect(rl.take("a").ok).toBe(false);
    expect(rl.take("b").ok).toBe(true);
  });

  it("charges cost and says how long until that cost is affordable", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 10, refillPerSecond: 10, now: c.now });
    expect(rl.take("k", 8).ok).toBe(true);
    expect(rl.take("k", 5)).toEqual({ ok: false, retryAfterMs: 300 });
    // A refused take spends nothing.
    expect(rl.take("k", 2).ok).toBe(true);
  });

  it("never refills beyond capacity", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 2, refillPerSecond: 100, now: c.now });
    rl.take("k");
    c.advance(3_600_000);
    expect(rl.take("k").ok).toBe(true);
    expect(rl.take("k").ok).toBe(true);
    expect(rl.take("k").ok).toBe(false);
  });

  it("gives nothing back when the clock steps backwards", () => {
    const c = clock(10_000);
    const rl = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: c.now });
    rl.take("k");
    c.set(5_000);
    expect(rl.take("k").ok).toBe(false);
    c.set(10_999);
    expect(rl.take("k").ok).toBe(false);
    c.set(11_000);
    expect(rl.take("k").ok).toBe(true);
  });

  it("forget resets a key", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 1, refillPerSecond: 0.1, now: c.now });
    rl.take("k");
    expect(rl.take("k").ok).toBe(false);
    rl.forget("k");
    expect(rl.take("k").ok).toBe(true);
  });

  it("rejects nonsense configuration and costs", () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ capacity: 1, refillPerSecond: Number.NaN })).toThrow(RangeError);
    const rl = createRateLimiter({ capacity: 5, refillPerSecond: 1 });
    expect(() => rl.take("k", 6)).toThrow(RangeError);
    expect(() => rl.take("k", 0)).toThrow(RangeError);
    expect(() => rl.take("k", -1)).toThrow(RangeError);
  });
});

describe("bounded memory", () => {
  it("drops idle keys once their buckets are full again", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 5, refillPerSecond: 5, now: c.now });
    for (let i = 0; i < 1000; i++) rl.take(`socket-${i}`);
    expect(rl.size()).toBe(1000);
    c.advance(1000); // 1 s refills 5 tokens: every bucket is full again
    for (let i = 0; i < 256; i++) rl.take("busy");
    expect(rl.size()).toBe(1);
  });

  it("does not drop a key that is still limited", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 2, refillPerSecond: 1, now: c.now });
    rl.take("flooder", 2);
    c.advance(1000); // half refilled
    for (let i = 0; i < 300; i++) rl.take(`k${i}`);
    expect(rl.take("flooder").ok).toBe(true);
    expect(rl.take("flooder").ok).toBe(false);
  });

  it("never tracks more than maxKeys", () => {
    const c = clock();
    const rl = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, now: c.now, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) {
      rl.take(`k${i}`);
      expect(rl.size()).toBeLessThanOrEqual(100);
    }
  });
});

describe("properties", () => {
  const scenario = fc.record({
    capacity: fc.integer({ min: 1, max: 20 }),
    refillPerSecond: fc.double({ min: 0.1, max: 50, noNaN: true }),
    steps: fc.array(
      fc.record({
        waitMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5000 })),
        cost: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 120 },
    ),
  });

  it("never allows more than capacity + refill·t in any window", () => {
    fc.assert(
      fc.property(scenario, ({ capacity, refillPerSecond, steps }) => {
        const c = clock(0);
        const rl = createRateLimiter({ capacity, refillPerSecond, now: c.now });
        const granted: { t: number; cost: number }[] = [];
        for (const step of steps) {
          c.advance(step.waitMs);
          const cost = Math.min(step.cost, capacity);
          if (rl.take("k", cost).ok) granted.push({ t: c.now(), cost });
        }
        for (let i = 0; i < granted.length; i++) {
          let sum = 0;
          for (let j = i; j < granted.length; j++) {
            sum += granted[j]!.cost;
            const windowSeconds = (granted[j]!.t - granted[i]!.t) / 1000;
            expect(sum).toBeLessThanOrEqual(capacity + refillPerSecond * windowSeconds + 1e-6);
          }
        }
      }),
    );
  });

  it("a refused take succeeds after exactly retryAfterMs", () => {
    fc.assert(
      fc.property(scenario, ({ capacity, refillPerSecond, steps }) => {
        const c = clock(0);
        const rl = createRateLimiter({ capacity, refillPerSecond, now: c.now });
        for (const step of steps) {
          c.advance(step.waitMs);
          const cost = Math.min(step.cost, capacity);
          const result = rl.take("k", cost);
          if (!result.ok) {
            expect(result.retryAfterMs).toBeGreaterThan(0);
            c.advance(result.retryAfterMs);
            expect(rl.take("k", cost).ok).toBe(true);
          }
        }
      }),
    );
  });
});
