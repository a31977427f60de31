// One server at one step of the capacity search (`--compare`), tried up to `--repeat` times. On a
// shared two-core machine one 30-second try near a knee lands either side of it from one run to
// the next (a garbage-collection pause, a neighbour's burst): a step decided by most of its tries,
// and reported by their median, says what the server does at that load rather than what one try
// happened to see. Both servers are tried the same way.
import type { LoadResult } from "./runner";

/** A load the server carried: every room seated and kept, nothing lost, p95 under 100 ms. */
export const carried = (r: LoadResult) =>
  r.delivered >= 0.999 && r.p95 < 100 && !r.errors.room_failed && !r.errors.seat_failed;

/** Why a load was not carried (see `carried`). */
export function failure(r: LoadResult | null): string {
  if (!r) return "did not run";
  if (r.errors.room_failed || r.errors.seat_failed) return "rooms failed";
  if (r.delivered < 0.999) return "views lost";
  return "p95 over 100 ms";
}

/** What one server did at one step. */
export interface StepTries {
  /** Most tries carried the load. */
  carried: boolean;
  /** The try that stands for the step: the median p95 of the tries that agree with the verdict
   *  (null: no try ran). */
  result: LoadResult | null;
  /** Each try's p95 (null: the try could not run), in order. */
  p95s: (number | null)[];
  /** Why tries could not run (a message per such try). */
  errors: string[];
}

/** A try: its result, or why it could not run (a string). */
export type Try = () => Promise<LoadResult | string>;

/**
 * Runs up to `repeat` (odd) tries, and stops as soon as most of `repeat` agree (with 3: two alike
 * settle it; a split goes to a third). A try that could not run counts as a load not carried.
 */
export async function tryStep(repeat: number, run: Try): Promise<StepTries> {
  // Odd, so that most of them is always reached within `repeat` tries (4 of 8 against 4 is not).
  if (!Number.isInteger(repeat) || repeat < 1 || repeat % 2 === 0)
    throw new Error(`tries per step must be an odd number, not ${repeat}`);
  const need = Math.floor(repeat / 2) + 1;
  const results: LoadResult[] = [];
  const p95s: (number | null)[] = [];
  const errors: string[] = [];
  let yes = 0;
  let no = 0;
  while (yes < need && no < need) {
    const r = await run();
    if (typeof r === "string") {
      errors.push(r);
      p95s.push(null);
      no++;
      continue;
    }
    results.push(r);
    p95s.push(r.p95);
    if (carried(r)) yes++;
    else no++;
  }
  const verdict = yes >= need;
  const agreeing = results.filter((r) => carried(r) === verdict).sort((a, b) => a.p95 - b.p95);
  return {
    carried: verdict,
    result: agreeing[Math.floor((agreeing.length - 1) / 2)] ?? null,
    p95s,
    errors,
  };
}
