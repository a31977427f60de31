/**
 * Slows down join-code guessing without locking a school out of its own lesson.
 *
 * A whole school usually reaches the server from one address (NAT, or the teacher's laptop
 * hotspot), so limiting joins per IP would punish thirty honest pupils for one curious one.
 * Instead the guard counts FAILED code attempts (a code that names no joinable room), keyed
 * two ways:
 *
 *   per client id  the random id each browser keeps in localStorage. Tight: 5 free failures
 *                  per 10 minutes, then exponential back-off from 1 s, doubling, capped at 60 s.
 *                  A pupil who mistypes a few times never notices; one who hammers the button
 *                  waits. Following the back-off, one browser can add only ~20 failures per
 *                  10 minutes, far under the network's free 150, so one pupil's browser cannot
 *                  slow down the school. A successful join clears the client's record.
 *   per IP         shared by the school, so far looser: 150 free failures per 10 minutes — the
 *                  worst realistic start of a lesson, five classes of 30 arriving at the same
 *                  bell with every pupil mistyping once — then back-off from 250 ms, doubling,
 *                  capped at 5 s, short enough that pupils still get in with a retry or two.
 *                  Successes do NOT clear it, so a script cannot launder guesses by
 *                  interleaving joins to a room it knows.
 *   IP circuit     300 failures in 10 minutes (twice the free allowance) opens the circuit:
 *                  every attempt from that address is refused until enough failures age out of
 *                  the window. It is the backstop, not the main brake: with the back-off
 *                  honoured, a script rotating client ids tops out near 270 failures in its
 *                  first 10 minutes and ~170 per 10 minutes after (~1,000 an hour: the free
 *                  allowance slides with the window, plus one guess per 5 s). With
 *                  22^6 ≈ 1.1e8 codes and ~100 live rooms that is under 1e-3 expected hits per
 *                  hour, and a hit only seats a stranger the teacher can see and remove. The
 *                  circuit catches what slips past the back-off: attempts checked concurrently
 *                  before their failures were recorded (an async lookup), or several server
 *                  paths recording failures for one address.
 *
 * Limits of the design, stated plainly: client ids are chosen by the client, so a script that
 * rotates them meets only the IP limits, and such a script on the school's own network puts
 * the whole network into back-off (classmates wait up to 5 s between tries) while it runs.
 * No rule can tell that script from thirty honest pupils behind the same address; the server
 * should log a warning when a network enters back-off, and it heals within 10 minutes.
 *
 * Use: `check()` before looking the code up, then `recordFailure()` or `recordSuccess()` in the
 * same tick (no await in between), so concurrent attempts cannot all pass one check.
 */

export type JoinVerdict =
  | { ok: true }
  | {
      ok: false;
      retryAfterMs: number;
      /** Student-facing, says what to do. */
      message: string;
      /** Which limit refused: for logs and metrics, not for the student. */
      reason: "client_backoff" | "network_backoff" | "network_circuit";
    };

export interface JoinAttempt {
  /** The browser's random client id; missing or malformed ids share one strict bucket per IP. */
  clientId: string | undefined;
  ip: string;
}

export interface BackoffRule {
  /** Failures inside the window before any delay applies. */
  freeFailures: number;
  /** Delay after the first failure beyond the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface JoinGuardOptions {
  now?: () => number;
  windowMs?: number;
  client?: BackoffRule;
  ip?: BackoffRule;
  /** Failures per IP inside the window that open the circuit. */
  ipCircuitFailures?: number;
  /** Bounds on tracked keys; least recently used are evicted beyond them. */
  maxClients?: number;
  maxIps?: number;
}

export interface JoinGuard {
  check(attempt: JoinAttempt): JoinVerdict;
  recordFailure(attempt: JoinAttempt): void;
  recordSuccess(attempt: JoinAttempt): void;
  /** Tracked keys, for tests and /healthz. */
  size(): { clients: number; ips: number };
}

export const JOIN_GUARD_DEFAULTS = {
  windowMs: 10 * 60_000,
  client: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  ip: { freeFailures: 150, baseDelayMs: 250, maxDelayMs: 5_000 },
  ipCircuitFailures: 300,
  maxClients: 50_000,
  maxIps: 10_000,
} as const satisfies Required<Omit<JoinGuardOptions, "now">>;

/** Client ids are random strings from our own client; anything else is not trusted as a key. */
const CLIENT_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;

/** Failure times inside the window, oldest first. */
type Failures = number[];

export function createJoinGuard(options: JoinGuardOptions = {}): JoinGuard {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? JOIN_GUARD_DEFAULTS.windowMs;
  const clientRule = options.client ?? JOIN_GUARD_DEFAULTS.client;
  const ipRule = options.ip ?? JOIN_GUARD_DEFAULTS.ip;
  const circuit = options.ipCircuitFailures ?? JOIN_GUARD_DEFAULTS.ipCircuitFailures;
  const maxClients = options.maxClients ?? JOIN_GUARD_DEFAULTS.maxClients;
  const maxIps = options.maxIps ?? JOIN_GUARD_DEFAULTS.maxIps;
  // Recording stops growing a list past what any rule looks at, so memory per key is bounded.
  const keepPerIp = Math.max(circuit, ipRule.freeFailures + 32);
  const keepPerClient = clientRule.freeFailures + 32;

  const clients = new Map<string, Failures>();
  const ips = new Map<string, Failures>();

  function clientKey({ clientId, ip }: JoinAttempt): string {
    // Without a well-formed id, all such attempts from one address share one bucket: strict
    // for scripts, and real browsers always send an id.
    return typeof clientId === "string" && CLIENT_ID_RE.test(clientId) ? `c:${clientId}` : `anon:${ip}`;
  }

  function recent(map: Map<string, Failures>, key: string, t: number): Failures {
    const list = map.get(key);
    if (!list) return [];
    let drop = 0;
    while (drop < list.length && list[drop]! <= t - windowMs) drop++;
    if (drop > 0) list.splice(0, drop);
    if (list.length === 0) map.delete(key);
    return list;
  }

  /** When the next attempt is allowed under `rule`, or 0 if now. */
  function backoffUntil(list: Failures, rule: BackoffRule): number {
    const over = list.length - rule.freeFailures;
    if (over < 0) return 0;
    const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(over, 30));
    return list[list.length - 1]! + delay;
  }

  function push(map: Map<string, Failures>, key: string, t: number, keep: number, max: number): void {
    const list = map.get(key) ?? [];
    map.delete(key); // re-insert: Map order is least recently used first
    list.push(t);
    if (list.length > keep) list.splice(0, list.length - keep);
    map.set(key, list);
    while (map.size > max) map.delete(map.keys().next().value as string);
  }

  function seconds(ms: number): number {
    return Math.max(1, Math.ceil(ms / 1000));
  }

  function sweep(map: Map<string, Failures>, t: number): void {
    // Least recently failed first: stop at the first key that still has a failure in the window.
    for (const [key, list] of map) {
      if (list.length > 0 && list[list.length - 1]! > t - windowMs) break;
      map.delete(key);
    }
  }

  return {
    check(attempt) {
      const t = now();
      const ipList = recent(ips, attempt.ip, t);
      if (ipList.length >= circuit) {
        // Open until the failure that brings the count back under the threshold ages out.
        const reopensAt = ipList[ipList.length - circuit]! + windowMs;
        const wait = Math.max(1, reopensAt - t);
        return {
          ok: false,
          retryAfterMs: wait,
          reason: "network_circuit",
          message: `Too many wrong codes from this network. Joining is paused for ${Math.ceil(wait / 60_000)} min; ask your teacher.`,
        };
      }
      const clientWait = backoffUntil(recent(clients, clientKey(attempt), t), clientRule) - t;
      if (clientWait > 0) {
        return {
          ok: false,
          retryAfterMs: clientWait,
          reason: "client_backoff",
          message: `That code didn't work several times. Check the code on the board and try again in ${seconds(clientWait)} s.`,
        };
      }
      const ipWait = backoffUntil(ipList, ipRule) - t;
      if (ipWait > 0) {
        return {
          ok: false,
          retryAfterMs: ipWait,
          reason: "network_backoff",
          message: `Lots of wrong codes on this network just now. Try again in ${seconds(ipWait)} s.`,
        };
      }
      return { ok: true };
    },

    recordFailure(attempt) {
      const t = now();
      push(clients, clientKey(attempt), t, keepPerClient, maxClients);
      push(ips, attempt.ip, t, keepPerIp, maxIps);
      sweep(clients, t);
      sweep(ips, t);
    },

    recordSuccess(attempt) {
      clients.delete(clientKey(attempt));
    },

    size() {
      return { clients: clients.size, ips: ips.size };
    },
  };
}
