// A room's state as many small parts, so that saving a step costs what the step changed. The store
// keeps each top-level entry of a snapshot as its own part and rewrites only those whose JSON
// changed (store/sqlite.ts); this module cuts a value into such entries and puts it back together.
//
// A value is split down to a depth given per field (`Split`): a split object becomes a node part
// (its key order, and its primitive fields inline) plus one part per object-valued field; anything
// at the depth limit is a leaf part, its whole JSON. The engine never mutates its context (each step
// builds new objects for what changed and shares the rest), so a part's JSON is cached by the
// object's identity: an unchanged seat, team or round is neither encoded nor written again.
import { EncodedJson } from "./store/types";

/** How many more levels each field is split into parts (absent: the field is one part). */
export type Split = Readonly<Record<string, number>>;

type Path = readonly (string | number)[];

const leafKey = (prefix: string, path: Path) => `${prefix}=${JSON.stringify(path)}`;
const nodeKey = (prefix: string, path: Path) => `${prefix}#${JSON.stringify(path)}`;

/** What a node part holds: its keys in order (or its length), and its primitive fields. */
interface NodeDescriptor {
  k?: string[];
  n?: number;
  p?: Record<string, unknown>;
}

function isNode(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** JSON of values that are never mutated, by identity (held weakly: dropped with the value). */
export class PartCache {
  private readonly leaves = new WeakMap<object, EncodedJson>();
  private readonly nodes = new WeakMap<object, EncodedJson>();

  leaf(value: unknown): EncodedJson | undefined {
    if (typeof value !== "object" || value === null) {
      const json = JSON.stringify(value);
      return json === undefined ? undefined : new EncodedJson(json);
    }
    let encoded = this.leaves.get(value);
    if (!encoded) {
      encoded = new EncodedJson(JSON.stringify(value));
      this.leaves.set(value, encoded);
    }
    return encoded;
  }

  node(value: object, descriptor: () => NodeDescriptor): EncodedJson {
    let encoded = this.nodes.get(value);
    if (!encoded) {
      encoded = new EncodedJson(JSON.stringify(descriptor()));
      this.nodes.set(value, encoded);
    }
    return encoded;
  }
}

/**
 * Adds `value`'s parts to `out` under `prefix`. The root is always a node (it is usually a fresh
 * object); `split` gives the depth below each of its fields. Values JSON leaves out (undefined,
 * functions) are left out here too.
 */
export function splitParts(
  out: Record<string, unknown>,
  prefix: string,
  value: Record<string, unknown>,
  split: Split,
  cache: PartCache,
): void {
  const p: Record<string, unknown> = {};
  const k: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === "function" || typeof field === "symbol") continue;
    k.push(key);
    if (typeof field !== "object" || field === null) p[key] = field;
    else add(out, prefix, [key], field, split[key] ?? 0, cache);
  }
  out[nodeKey(prefix, [])] = new EncodedJson(JSON.stringify({ k, p }));
}

function add(
  out: Record<string, unknown>,
  prefix: string,
  path: Path,
  value: object,
  depth: number,
  cache: PartCache,
) {
  if (depth <= 0 || !isNode(value)) {
    out[leafKey(prefix, path)] = cache.leaf(value);
    return;
  }
  if (Array.isArray(value)) {
    out[nodeKey(prefix, path)] = cache.node(value, () => ({ n: value.length }));
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null) add(out, prefix, [...path, i], item, depth - 1, cache);
      // JSON writes a missing, undefined or function element as null.
      else out[leafKey(prefix, [...path, i])] = cache.leaf(item) ?? new EncodedJson("null");
    }
    return;
  }
  out[nodeKey(prefix, path)] = cache.node(value, () => {
    const k: string[] = [];
    const p: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined || typeof field === "function" || typeof field === "symbol") continue;
      k.push(key);
      if (typeof field !== "object" || field === null) p[key] = field;
    }
    return { k, p };
  });
  for (const [key, field] of Object.entries(value))
    if (typeof field === "object" && field !== null)
      add(out, prefix, [...path, key], field, depth - 1, cache);
}

/** The value `splitParts` cut under `prefix`, from the loaded entries (each already parsed). Throws
 *  if a part is missing: a room put back with a hole in it would be worse than no room. */
export function joinParts(parts: Readonly<Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const get = (key: string) => (Object.hasOwn(parts, key) ? parts[key] : undefined);
  const build = (path: Path): unknown => {
    const node = get(nodeKey(prefix, path)) as NodeDescriptor | undefined;
    if (node === undefined) {
      const key = leafKey(prefix, path);
      if (!Object.hasOwn(parts, key)) throw new Error(`the saved room has no part ${key}`);
      return parts[key];
    }
    if (typeof node.n === "number") return Array.from({ length: node.n }, (_, i) => build([...path, i]));
    const primitives = node.p ?? {};
    return Object.fromEntries(
      (node.k ?? []).map((key) => [
        key,
        Object.hasOwn(primitives, key) ? primitives[key] : build([...path, key]),
      ]),
    );
  };
  const root = build([]);
  if (typeof root !== "object" || root === null || Array.isArray(root))
    throw new Error(`the saved room's ${prefix} is not an object`);
  return root as Record<string, unknown>;
}
