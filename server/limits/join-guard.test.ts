import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createJoinGuard, JOIN_GUARD_DEFAULTS, type JoinAttempt } from "./join-guard";

const SCHOOL = "203.0.113.7";
const pupil = (n: number): JoinAttempt => ({ clientId: `client-${String(n).padStart(4, "0")}`, ip: SCHOOL });

function setup() {
  let t = 1_700_000_000_000;
  const guard = createJoinGuard({ now: () => t });
  return {
    guard,
    advance: (ms: number) => (t += ms),
    /** One attempt that fails if allowed; returns whether the guard let it through. */
    fail(a: JoinAttempt): boolean {
      const verdict = guard.check(a);
      if (verdict.ok) guard.recordFailure(a);
      return verdict.ok;
    },
  };
}

describe("per-client back-off", () => {
  it("lets a pupil mistype five times without noticing", () => {
    const s = setup();
    for (let i = 0; i < 5; i++) expect(s.fail(pupil(1))).toBe(true);
  });

  it("then doubles the wait from 1 s up to 60 s", () => {
    const s = setup();
    for (let i = 0; i < 5; i++) s.fail(pupil(1));
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const verdict = s.guard.check(pupil(1));
      expect(verdict.ok).toBe(false);
      if (verdict.ok) return;
      expect(verdict.reason).toBe("client_backoff");
      expect(verdict.message).toMatch(/Check the code on the board and try again in \d+ s\./);
      waits.push(verdict.retryAfterMs);
      s.advance(verdict.retryAfterMs);
      expect(s.fail(pupil(1))).toBe(true);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("does not slow down the pupil's classmates", () => {
    const s = setup();
    for (let i = 0; i < 8; i++) {
      s.fail(pupil(1));
      s.advance(100);
    }
    expect(s.guard.check(pupil(1)).ok).toBe(false);
    expect(s.guard.check(pupil(2)).ok).toBe(true);
  });

  it("is cleared by a successful join", () => {
    const s = setup();
    for (let i = 0; i < 6; i++) s.fail(pupil(1));
    expect(s.guard.check(pupil(1)).ok).toBe(false);
    s.guard.recordSuccess(pupil(1));
    expect(s.guard.check(pupil(1)).ok).toBe(true);
  });

  it("forgets failures older than the window", () => {
    const s = setup();
    for (let i = 0; i < 7; i++) s.fail(pupil(1));
    s.advance(JOIN_GUARD_DEFAULTS.windowMs);
    for (let i = 0; i < 5; i++) expect(s.fail(pupil(1))).toBe(true);
  });

  it("puts attempts without a usable client id in one strict bucket per address", () => {
    const s = setup();
    for (let i = 0; i < 5; i++) s.fail({ clientId: undefined, ip: SCHOOL });
    expect(s.guard.check({ clientId: "x", ip: SCHOOL }).ok).toBe(false); // too short to be ours
    expect(s.guard.check({ clientId: "<script>alert(1)</script>", ip: SCHOOL }).ok).toBe(false);
    expect(s.guard.check({ clientId: undefined, ip: "198.51.100.1" }).ok).toBe(true);
    expect(s.guard.check(pupil(1)).ok).toBe(true);
  });
});

describe("a school behind one address", () => {
  it("five classes of 30 arriving at once, every pupil mistyping once, are never refused", () => {
    const s = setup();
    for (let cls = 0; cls < 5; cls++) {
      for (let p = 0; p < 30; p++) {
        const a = pupil(cls * 30 + p);
        expect(s.fail(a)).toBe(true);
        s.advance(400);
        expect(s.guard.check(a)).toEqual({ ok: true });
        s.guard.recordSuccess(a);
        s.advance(400);
      }
      s.advance(90_000); // the next class arrives a minute and a half later
    }
  });

  it("one pupil hammering the join button for half an hour never locks anyone else out", () => {
    const s = setup();
    let failures = 0;
    for (let t = 0; t < 30 * 60_000; t += 250) {
      if (s.fail(pupil(1))) failures++;
      expect(s.guard.check(pupil(2))).toEqual({ ok: true });
      s.advance(250);
    }
    // Back-off holds one browser to roughly 20 failures per 10 minutes.
    expect(failures).toBeLessThan(70);
  });

  it("a script rotating client ids is held to the network back-off", () => {
    const s = setup();
    let n = 0;
    for (let i = 0; i < JOIN_GUARD_DEFAULTS.ip.freeFailures; i++) expect(s.fail(pupil(n++))).toBe(true);
    const verdict = s.guard.check(pupil(n));
    expect(verdict).toMatchObject({ ok: false, reason: "network_backoff", retryAfterMs: 250 });
    if (!verdict.ok) expect(verdict.message).toMatch(/Try again in 1 s\./);

    // Keep guessing as fast as the guard allows, a fresh client id every time, for an hour.
    let failures = JOIN_GUARD_DEFAULTS.ip.freeFailures;
    for (let elapsed = 0; elapsed < 60 * 60_000; ) {
      const v = s.guard.check(pupil(n));
      if (v.ok) {
        s.fail(pupil(n++));
        failures++;
      } else {
        expect(v.reason).toBe("network_backoff");
        s.advance(v.retryAfterMs);
        elapsed += v.retryAfterMs;
      }
    }
    // The free allowance slides with the window, plus one guess per 5 s: about 1,000 an hour,
    // never enough in any 10 minutes to need the circuit.
    expect(failures).toBeGreaterThan(900);
    expect(failures).toBeLessThan(1_150);
  });

  it("the circuit opens at 300 failures that got past the back-off, and heals by itself", () => {
    const s = setup();
    // Attempts checked concurrently before any failure was recorded all pass the check;
    // their failures still count.
    const racing = Array.from({ length: JOIN_GUARD_DEFAULTS.ipCircuitFailures }, (_, i) => pupil(i));
    for (const a of racing) expect(s.guard.check(a).ok).toBe(true);
    for (const a of racing) s.guard.recordFailure(a);

    const verdict = s.guard.check(pupil(99_999));
    expect(verdict).toMatchObject({ ok: false, reason: "network_circuit" });
    if (verdict.ok) return;
    expect(verdict.message).toMatch(/Joining is paused for 10 min; ask your teacher\./);
    expect(verdict.retryAfterMs).toBe(JOIN_GUARD_DEFAULTS.windowMs);
    // Another network is not affected.
    expect(s.guard.check({ clientId: "client-elsewhere", ip: "198.51.100.1" }).ok).toBe(true);
    s.advance(verdict.retryAfterMs);
    expect(s.guard.check(pupil(99_999)).ok).toBe(true);
  });

  it("successes do not clear the network's count (no laundering guesses)", () => {
    const s = setup();
    for (let i = 0; i < JOIN_GUARD_DEFAULTS.ip.freeFailures; i++) {
      s.fail(pupil(i));
      s.guard.recordSuccess(pupil(i));
    }
    expect(s.guard.check(pupil(5000))).toMatchObject({ ok: false, reason: "network_backoff" });
  });
});

describe("bounds and invariants", () => {
  it("tracks a bounded number of keys and sweeps old ones", () => {
    let t = 0;
    const guard = createJoinGuard({ now: () => t, maxClients: 100, maxIps: 10 });
    for (let i = 0; i < 5000; i++)
      guard.recordFailure({ clientId: `client-${i}-xxxxxx`, ip: `10.0.0.${i % 50}` });
    expect(guard.size().clients).toBeLessThanOrEqual(100);
    expect(guard.size().ips).toBeLessThanOrEqual(10);
    t += JOIN_GUARD_DEFAULTS.windowMs + 1;
    guard.recordFailure(pupil(1));
    expect(guard.size()).toEqual({ clients: 1, ips: 1 });
  });

  it("no address ever gets more failed guesses through than the circuit allows per window", () => {
    const step = fc.record({
      waitMs: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 120_000 }),
      ),
      client: fc.integer({ min: 0, max: 400 }),
      ip: fc.constantFrom("10.0.0.1", "10.0.0.2"),
      succeed: fc.boolean(),
    });
    const small = {
      windowMs: 60_000,
      ipCircuitFailures: 20,
      ip: { freeFailures: 10, baseDelayMs: 10, maxDelayMs: 50 },
    };
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        let t = 0;
        const guard = createJoinGuard({ ...small, now: () => t });
        const passed = new Map<string, number[]>();
        for (const s of steps) {
          t += s.waitMs;
          const a = { clientId: `client-${s.client}-xxxx`, ip: s.ip };
          if (!guard.check(a).ok) continue;
          if (s.succeed) guard.recordSuccess(a);
          else {
            guard.recordFailure(a);
            const list = passed.get(s.ip) ?? [];
            list.push(t);
            passed.set(s.ip, list);
          }
        }
        for (const list of passed.values()) {
          for (let i = 0; i < list.length; i++) {
            const inWindow = list.filter((x) => x >= list[i]! && x < list[i]! + small.windowMs).length;
            expect(inWindow).toBeLessThanOrEqual(small.ipCircuitFailures);
          }
        }
      }),
    );
  });
});
