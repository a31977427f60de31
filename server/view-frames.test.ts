import fc from "fast-check";
import { expect, it } from "vitest";
import { ViewAssembly } from "../app/_lib/view-assembly";
import { MAX_VIEW_FRAME_BYTES, viewParts } from "./view-frames";

const json = (value: unknown) => JSON.stringify(value) ?? "";

it("cuts a view into parts of whole fields, in order, each within the budget, that merge back to it", () => {
  const field = fc.oneof(
    fc.string({ maxLength: 2_000 }),
    fc.array(fc.string({ maxLength: 60 }), { maxLength: 40 }),
    fc.integer(),
  );
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), field, { maxKeys: 12 }), (view) => {
      const parts = viewParts(view, json);
      // Put back together by the clients' own code, sent as broadcast.ts sends them (the first part
      // as the view, the rest as patches, `more` on all but the last).
      const views = new ViewAssembly<Record<string, unknown>>();
      parts.forEach((part, i) => {
        views.take({
          view: part,
          ...(i > 0 ? { patch: true as const } : {}),
          ...(i < parts.length - 1 ? { more: true as const } : {}),
        });
      });
      expect(JSON.stringify(views.view)).toBe(JSON.stringify(view));
      for (const part of parts) {
        // Over the budget only as a single field that is itself bigger.
        if (Object.keys(part).length > 1)
          expect(JSON.stringify(part).length).toBeLessThanOrEqual(MAX_VIEW_FRAME_BYTES);
      }
    }),
    { numRuns: 300 },
  );
});

it("keeps a small view in one part", () => {
  expect(viewParts({ audience: "screen", version: 3, phase: "build" }, json)).toEqual([
    { audience: "screen", version: 3, phase: "build" },
  ]);
});
