// Cutting a value into parts and putting it back gives what JSON would, key order included, at
// any split depth; unchanged objects are encoded once.
import fc from "fast-check";
import { expect, it } from "vitest";
import { joinParts, PartCache, splitParts } from "./room-parts";
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

it("puts back exactly what JSON would, key order included, at any split depth", () => {
  const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 });
  fc.assert(
    fc.property(
      object,
      fc.dictionary(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 4 })),
      (value, split) => {
        const out: Record<string, unknown> = {};
        splitParts(out, "ctx", value, split, new PartCache());
        expect(JSON.stringify(joinParts(throughStore(out), "ctx"))).toBe(JSON.stringify(value));
      },
    ),
    { numRuns: 400 },
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
  splitParts(
    out,
    "ctx",
    value,
    { list: 1, nested: 2, __proto__: 1 } as Record<string, number>,
    new PartCache(),
  );
  const back = joinParts(throughStore(out), "ctx");
  expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  expect(Object.hasOwn(back, "__proto__")).toBe(true);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it("encodes an unchanged object once: the next save reuses its JSON", () => {
  const cache = new PartCache();
  const seat = { name: "Ada", hand: ["c1"] };
  const first: Record<string, unknown> = {};
  splitParts(first, "ctx", { seats: { s1: seat }, version: 1 }, { seats: 1 }, cache);
  const second: Record<string, unknown> = {};
  splitParts(second, "ctx", { seats: { s1: seat }, version: 2 }, { seats: 1 }, cache);
  const key = 'ctx=["seats","s1"]';
  expect(second[key]).toBe(first[key]);
  const third: Record<string, unknown> = {};
  splitParts(third, "ctx", { seats: { s1: { ...seat, hand: [] } }, version: 3 }, { seats: 1 }, cache);
  expect((third[key] as EncodedJson).json).toBe('{"name":"Ada","hand":[]}');
});

it("refuses to put back a room with a part missing", () => {
  const out: Record<string, unknown> = {};
  splitParts(out, "ctx", { seats: { s1: { hand: ["c1"] } } }, { seats: 1 }, new PartCache());
  const parts = throughStore(out);
  delete parts['ctx=["seats","s1"]'];
  expect(() => joinParts(parts, "ctx")).toThrow(/no part ctx=\["seats","s1"\]/);
});
