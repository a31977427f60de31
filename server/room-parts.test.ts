// Cutting a value into parts and putting it back gives what JSON would, key order included, at
// any split depth; unchanged objects are encoded once.
import fc from "fast-check";
import { expect, it } from "vitest";
import { joinParts, PartSplitter, type Split } from "./room-parts";
import { EncodedJson } from "./store/types";

/** What the store gives back: every entry parsed from its JSON. */
function throughStore(out: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [
      k,
      JSON.parse(v instanceof EncodedJson ? v.json : JSON.stringify(v)),
    ]),
  );
}

/** Any split: per field a depth, or a nested split (field names from the values' own few). */
const anySplit = (names: fc.Arbitrary<string>): fc.Arbitrary<Split> =>
  fc.letrec<{ split: Split }>((tie) => ({
    split: fc.dictionary(
      names,
      fc.oneof({ depthSize: "small" }, fc.integer({ min: 0, max: 4 }), tie("split")),
      {
        maxKeys: 4,
      },
    ),
  })).split;

it("puts back exactly what JSON would, key order included, however it is split", () => {
  const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 });
  fc.assert(
    fc.property(
      object,
      fc.oneof(
        fc.dictionary(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 4 })),
        anySplit(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("0", "1", "a", "b", "__proto__"))),
      ),
      (value, split) => {
        const out: Record<string, unknown> = {};
        new PartSplitter(out, "ctx", split).update(value);
        expect(JSON.stringify(joinParts(throughStore(out), "ctx"))).toBe(JSON.stringify(value));
      },
    ),
    { numRuns: 400 },
  );
});

it("keeps the parts right through any sequence of values, dropping what went (one splitter, many saves)", () => {
  const object = fc.dictionary(
    fc.constantFrom("a", "b", "seats", "list", "__proto__"),
    fc.jsonValue({ maxDepth: 3 }),
    {
      maxKeys: 5,
    },
  );
  // The room's own kind of split (depths), and nested ones (a field split field by field).
  const splits = fc.oneof(
    fc.constant<Split>({ seats: 2, list: 1, a: 3 }),
    anySplit(fc.constantFrom("a", "b", "seats", "list", "0", "1", "x")),
  );
  fc.assert(
    fc.property(fc.array(object, { minLength: 1, maxLength: 6 }), splits, (values, split) => {
      const out: Record<string, unknown> = {};
      const changed = new Set<string>();
      const splitter = new PartSplitter(out, "ctx", split, changed);
      let before: Record<string, unknown> = {};
      for (const value of values) {
        changed.clear();
        splitter.update(value);
        expect(JSON.stringify(joinParts(throughStore(out), "ctx"))).toBe(JSON.stringify(value));
        // `changed` names exactly the parts that were set to new JSON or removed (what a store
        // rewrites): every one of them, and none that came out the same.
        const after = throughStore(out);
        const differ = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
        );
        expect([...changed].sort()).toEqual(differ.sort());
        before = after;
        // No part is left over from an earlier value: a fresh splitter makes the same keys.
        const fresh: Record<string, unknown> = {};
        new PartSplitter(fresh, "ctx", split).update(value);
        expect(Object.keys(out).sort()).toEqual(Object.keys(fresh).sort());
      }
    }),
    { numRuns: 300 },
  );
});

it("leaves out what JSON leaves out, writes null where JSON does, and keeps __proto__ as data", () => {
  const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
  Object.assign(value, {
    gone: undefined,
    fn: () => 1,
    list: [1, undefined, { x: 1 }, () => 2],
    when: new Date(0),
    nested: { deeper: { k: undefined, n: null } },
  });
  const out: Record<string, unknown> = {};
  new PartSplitter(out, "ctx", JSON.parse('{"list": 1, "nested": 2, "__proto__": 1}')).update(value);
  const back = joinParts(throughStore(out), "ctx");
  expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  expect(Object.hasOwn(back, "__proto__")).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it("leaves the part of an unchanged object as it was: not walked, not encoded again", () => {
  const out: Record<string, unknown> = {};
  const splitter = new PartSplitter(out, "ctx", { seats: 1 });
  const seat = { name: "Ada", hand: ["c1"] };
  const other = { name: "Bo", hand: ["c2"] };
  splitter.update({ seats: { s1: seat, s2: other }, version: 1 });
  const key = 'ctx=["seats","s1"]';
  const first = out[key];
  splitter.update({ seats: { s1: seat, s2: { ...other, hand: [] } }, version: 2 });
  expect(out[key]).toBe(first);
  expect((out['ctx=["seats","s2"]'] as EncodedJson).json).toBe('{"name":"Bo","hand":[]}');
  splitter.update({ seats: { s2: other }, version: 3 });
  expect(out[key]).toBeUndefined();
});

it("refuses to put back a room with a part missing", () => {
  const out: Record<string, unknown> = {};
  new PartSplitter(out, "ctx", { seats: 1 }).update({ seats: { s1: { hand: ["c1"] } } });
  const parts = throughStore(out);
  delete parts['ctx=["seats","s1"]'];
  expect(() => joinParts(parts, "ctx")).toThrow(/no part ctx=\["seats","s1"\]/);
});
