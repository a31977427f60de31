// settle(): the context after a step equals the edit the rules made, and every part of it that
// came out equal (as JSON, key order included) to the part before the step is that part's own
// object again, down to the smallest one. Readers rely on both: views and saves skip parts by
// identity, so a part left as a fresh copy costs work, and a part wrongly given back would be stale.
import fc from "fast-check";
import { expect, it } from "vitest";
import { edit, settle } from "./edit";
import type { GameContext } from "./types";

/** A value and the same value after some edits, as fresh objects everywhere (like a step's copies). */
const pairs = fc
  .tuple(
    fc.jsonValue({ maxDepth: 4 }),
    fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }),
  )
  .map(([value, edits]) => {
    let next = structuredClone(value);
    for (const [path, replacement] of edits) {
      if (typeof next !== "object" || next === null || path.length === 0) {
        next = replacement;
        continue;
      }
      let at = next as Record<string, unknown>;
      for (let i = 0; i < path.length; i++) {
        const keys = Object.keys(at);
        if (keys.length === 0) break;
        const key = keys[(path[i] as number) % keys.length] as string;
        const child = at[key];
        if (i === path.length - 1 || typeof child !== "object" || child === null) {
          at[key] = replacement;
          break;
        }
        at = child as Record<string, unknown>;
      }
    }
    return { before: value, after: next };
  });

/** Every place where the result and the value before hold equal JSON: the same object there. */
function expectShared(before: unknown, result: unknown): void {
  if (typeof result !== "object" || result === null) return;
  if (JSON.stringify(before) === JSON.stringify(result)) {
    expect(result).toBe(before);
    return;
  }
  if (typeof before !== "object" || before === null || Array.isArray(before) !== Array.isArray(result))
    return;
  for (const key of Object.keys(result))
    if (Object.hasOwn(before, key))
      expectShared((before as Record<string, unknown>)[key], (result as Record<string, unknown>)[key]);
}

/** A context around a value: settle works on an edit, whose seat map is the edit's mark. */
function contextOf(value: unknown): GameContext {
  return {
    seats: {},
    seatOrder: [],
    teams: {},
    bannedKeys: [],
    clock: {},
    rounds: [],
    verdict: {},
    value,
  } as unknown as GameContext;
}

it("keeps every part that came out equal as the object it was, and the rest as edited", () => {
  fc.assert(
    fc.property(pairs, ({ before, after }) => {
      const prev = contextOf(before);
      const next = edit(prev);
      (next as unknown as { value: unknown }).value = after;
      const expected = JSON.stringify(next);
      const settled = settle(prev, next);
      expect(JSON.stringify(settled)).toBe(expected);
      expectShared(prev, settled);
    }),
    { numRuns: 2000 },
  );
});

it("gives back the context itself when a step changed nothing", () => {
  const prev = contextOf({ a: [1, "x", { b: null }], c: { d: [true] } });
  const next = edit(prev);
  (next as unknown as { value: unknown }).value = structuredClone(
    (prev as unknown as { value: unknown }).value,
  );
  expect(settle(prev, next)).toBe(prev);
});
