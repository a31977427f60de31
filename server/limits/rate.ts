/**
 * Per-key token buckets: the server's general-purpose rate limit (per socket, per seat, per
 * IP for HTTP uploads — whatever key the caller picks). Pure and in memory, with an injected
 * clock, so tests need no real time.
 *
 * A bucket holds up to `capacity` tokens and gains `refillPerSecond` tokens per second. A burst
 * of `capacity` actions is allowed at once (a pupil clicking three cards quickly is fine), and a
 * sustained rate above `refillPerSecond` is refused with the time until enough tokens return,
 * so the client can say "slow down" and when to retry. Over any window of t seconds a key gets
 * at most capacity + refillPerSecond·t tokens.
 *
 * Memory stays bounded: a bucket that has refilled completely is indistinguishable from a new
 * one, so it is dropped (lossless); idle keys are swept from the least recently used end. If
 * more than `maxKeys` keys are busy at once, the least recently used are evicted (that resets
 * their limit, which only matters to someone holding that many keys at once).
 */

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiterOptions {
  /** Burst size: tokens in a full bucket. */
  capacity: number;
  /** Sustained rate. */
  refillPerSecond: number;
  /** Milliseconds clock; default Date.now. */
  now?: () => number;
  /** Hard cap on tracked keys (default 50_000, ~5 MB). */
  maxKeys?: number;
}

export interface RateLimiter {
  /** Spend `cost` tokens (default 1) from `key`'s bucket if it has them. */
  take(key: string, cost?: number): TakeResult;
  /** Drop a key's bucket (e.g. when its socket disconnects). */
  forget(key: string): void;
  /** Number of keys currently tracked (for tests and /healthz). */
  size(): number;
}

interface Bucket {
  tokens: number;
  /** Time of the last refill; never moves backwards, so a clock step back refills nothing. */
  at: number;
}

/** How often (in calls to take) to sweep idle buckets; sweeping is O(idle keys removed). */
const SWEEP_EVERY = 256;
const EPSILON = 1e-9;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 50_000;
  if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError("capacity must be > 0");
  if (!(Number.isFinite(refillPerSecond) && refillPerSecond > 0)) {
    throw new RangeError("refillPerSecond must be > 0");
  }
  if (!(Number.isInteger(maxKeys) && maxKeys > 0)) throw new RangeError("maxKeys must be a positive integer");

  const perMs = refillPerSecond / 1000;
  /** Time for an empty bucket to refill completely; after that a bucket is as good as new. */
  const fullAfterMs = capacity / perMs;
  // Map iteration order is insertion order; re-inserting on use keeps it least-recently-used first.
  const buckets = new Map<string, Bucket>();
  let calls = 0;

  function refill(bucket: Bucket, t: number): void {
    if (t > bucket.at) {
      bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
    }
  }

  function sweep(t: number): void {
    for (const [key, bucket] of buckets) {
      // Buckets are ordered by last use, and a bucket untouched for fullAfterMs is full whatever
      // its level was, so the first one not yet that old ends the sweep.
      if (t - bucket.at < fullAfterMs) break;
      buckets.delete(key);
    }
    while (buckets.size > maxKeys) {
      const oldest = buckets.keys().next().value as string;
      buckets.delete(oldest);
    }
  }

  return {
    take(key, cost = 1) {
      if (!(Number.isFinite(cost) && cost > 0 && cost <= capacity)) {
        throw new RangeError(`cost must be in (0, ${capacity}], got ${cost}`);
      }
      const t = now();
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key);
        refill(bucket, t);
      } else {
        bucket = { tokens: capacity, at: t };
      }
      buckets.set(key, bucket);
      if (++calls % SWEEP_EVERY === 0 || buckets.size > maxKeys) sweep(t);

      // The epsilon absorbs float drift, so waiting exactly retryAfterMs is always enough.
      if (bucket.tokens + EPSILON >= cost) {
        bucket.tokens -= cost;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.max(1, Math.ceil((cost - bucket.tokens) / perMs)) };
    },
    forget(key) {
      buckets.delete(key);
    },
    size() {
      return buckets.size;
    },
  };
}
