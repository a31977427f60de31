// A search step is decided by most of its tries and stands for their median.
import fc from "fast-check";
import { expect, it } from "vitest";
import type { LoadResult } from "./runner";
import { carried, failure, tryStep } from "./tries";

function result(p95: number, more: Partial<LoadResult> = {}): LoadResult {
  return { p95, delivered: 1, errors: {}, ...more } as LoadResult;
}

/** Tries that return these outcomes in order, and a count of how many ran. */
function scripted(outcomes: (LoadResult | string)[]) {
  let ran = 0;
  return {
    run: async () => {
      const next = outcomes[ran++];
      if (next === undefined) throw new Error("tried more often than the majority needs");
      return next;
    },
    ran: () => ran,
  };
}

it("one try decides alone, as the search always did", async () => {
  const t = scripted([result(120)]);
  const step = await tryStep(1, t.run);
  expect(step).toMatchObject({ carried: false, p95s: [120] });
  expect(step.result?.p95).toBe(120);
  expect(t.ran()).toBe(1);
});

it("with three, two alike settle it and a split goes to a third", async () => {
  const alike = scripted([result(40), result(60)]);
  expect((await tryStep(3, alike.run)).carried).toBe(true);
  expect(alike.ran()).toBe(2);

  const split = scripted([result(40), result(140), result(180)]);
  const step = await tryStep(3, split.run);
  expect(step).toMatchObject({ carried: false, p95s: [40, 140, 180] });
  expect(split.ran()).toBe(3);
  // It stands for the step by a try that agrees with the verdict: the lower of the two.
  expect(step.result?.p95).toBe(140);
});

it("a stray slow try among good ones does not end the search", async () => {
  const t = scripted([result(97), result(250), result(61)]);
  const step = await tryStep(3, t.run);
  expect(step.carried).toBe(true);
  expect(step.result?.p95).toBe(61);
});

it("a try that could not run counts as a load not carried, and says why", async () => {
  const t = scripted(["rooms never got going", result(30), "out of files"]);
  const step = await tryStep(3, t.run);
  expect(step).toMatchObject({
    carried: false,
    p95s: [null, 30, null],
    errors: ["rooms never got going", "out of files"],
  });
  // No try agrees with the verdict with a result: nothing stands for it, and the reason says so.
  expect(step.result).toBeNull();
  expect(failure(step.result)).toBe("did not run");
});

it("refuses an even number of tries (a tie would settle nothing)", async () => {
  await expect(tryStep(2, scripted([]).run)).rejects.toThrow(/odd/);
});

it("lost views or failed rooms are not carried, whatever the p95", () => {
  expect(carried(result(10))).toBe(true);
  expect(carried(result(100))).toBe(false);
  expect(carried(result(10, { delivered: 0.99 }))).toBe(false);
  expect(failure(result(10, { delivered: 0.99 }))).toBe("views lost");
  expect(carried(result(10, { errors: { room_failed: 1 } }))).toBe(false);
  expect(failure(result(10, { errors: { room_failed: 1 } }))).toBe("rooms failed");
  expect(failure(result(300))).toBe("p95 over 100 ms");
});

it("the verdict is the majority of the tries run, never more than needed", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 4 }).map((k) => 2 * k + 1),
      fc.array(fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constant(-1)), { minLength: 9, maxLength: 9 }),
      async (repeat, draws) => {
        const t = scripted(draws.map((d) => (d < 0 ? "failed" : result(d))));
        const step = await tryStep(repeat, t.run);
        const need = Math.floor(repeat / 2) + 1;
        const yes = step.p95s.filter((p) => p !== null && p < 100).length;
        const no = step.p95s.length - yes;
        expect(step.carried).toBe(yes >= need);
        expect(Math.max(yes, no)).toBe(need); // stopped as soon as one side had its majority
        expect(step.p95s.length).toBeLessThanOrEqual(repeat);
        if (step.result) expect(carried(step.result)).toBe(step.carried);
      },
    ),
  );
});
