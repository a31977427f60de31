// A room's state as many small parts, so that saving a step costs what the step changed. The store
// keeps each top-level entry of a snapshot as its own part and rewrites only those whose JSON
// changed (store/sqlite.ts); this module cuts a value into such entries and puts it back together.
//
// A value is split as `Split` says, per field (to a depth, or field by field): a split object
// becomes a node part (its key order, and its primitive fields inline) plus one part per
// object-valued field; anything not split further is a leaf part, its whole JSON. The engine never mutates its context (each step
// builds new objects for what changed and shares the rest), so an object seen at the same place last
// time has the same parts: an unchanged seat, team or round is neither walked, encoded nor written.
import { EncodedJson } from "./store/types";

/** How each field is split into parts: a number, how many more levels every child down to that
 *  depth is split; a nested Split, this field is split and its own fields as that says (absent: the
 *  field is one part). */
export type Split = { readonly [field: string]: number | Split };

/** A child's split under its parent's: a level less, or what the nested one says for its name. */
function childSplit(split: number | Split, key: string | number): number | Split {
  if (typeof split === "number") return split - 1;
  return Object.hasOwn(split, key) ? (split[key] as number | Split) : 0;
}

type Path = readonly (string | number)[];

/** A part's key: the prefix, `=` for a leaf or `#` for a node, and its path as JSON. */
const leafKey = (prefix: string, path: string) => `${prefix}=${path}`;
const nodeKey = (prefix: string, path: string) => `${prefix}#${path}`;

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

/** A node's descriptor: its keys in order (or its length), and its primitive fields inline. */
function descriptorOf(value: Record<string, unknown> | unknown[], omit?: string): NodeDescriptor {
  if (Array.isArray(value)) return { n: value.length };
  const k: string[] = [];
  // No prototype: a "__proto__" field is kept as data, like any other.
  const p: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (key === omit || field === undefined || typeof field === "function" || typeof field === "symbol")
      continue;
    k.push(key);
    if (typeof field !== "object" || field === null) p[key] = field;
  }
  return { k, p };
}

/** What was last put at a path: the value (by identity), and for a node its children's paths. */
interface Placed {
  segments: Path;
  value: unknown;
  node: boolean;
  children: Map<string | number, string> | null;
}

/**
 * Keeps the parts of one value under `prefix` in `parts`, step after step. `update` walks only
 * what changed: a subtree whose object is the one it saw last time (the engine builds new objects
 * for what a step changes and shares the rest) is skipped whole, and its parts stay as they were.
 * So a step costs the seat, team field and round it touched, not the whole room.
 */
export class PartSplitter {
  private readonly placed = new Map<string, Placed>();
  /** The root's field left out of this update. */
  private omit: string | undefined;

  constructor(
    /** The snapshot's entries: this splitter owns the keys that start with `prefix`. */
    private readonly parts: Record<string, unknown>,
    private readonly prefix: string,
    private readonly split: Split,
    /** Collects the key of every entry this splitter sets or deletes (see RoomRecord.changed). */
    private readonly changed?: Set<string>,
  ) {}

  private set(key: string, json: string): void {
    // A new object with the same JSON (a node whose keys and primitives stayed, a rebuilt value):
    // the part on disk is already right, and naming it would only make the save bigger.
    const last = this.parts[key];
    if (last instanceof EncodedJson && last.json === json) return;
    this.parts[key] = new EncodedJson(json);
    this.changed?.add(key);
  }

  private drop(key: string): void {
    if (!Object.hasOwn(this.parts, key)) return;
    delete this.parts[key];
    this.changed?.add(key);
  }

  /** Cuts `value`, as if it had no field `omit` (kept elsewhere: a shipped deck goes by reference). */
  update(value: Record<string, unknown>, omit?: string): void {
    this.omit = omit;
    this.put(JSON.stringify([]), [], value, this.split, true);
  }

  /** `split`: how this path is split (the root: by the splitter's own `split`). */
  private put(path: string, segments: Path, value: unknown, split: number | Split, root = false): void {
    const before = this.placed.get(path);
    const node = (root || typeof split !== "number" || split > 0) && isNode(value);
    if (before && before.value === value && before.node === node) return; // unchanged: same object
    if (before && before.node !== node) this.remove(path);
    const children = (node && (before?.children ?? new Map())) || null;
    this.placed.set(path, { segments, value, node, children });
    if (!node) {
      const json = JSON.stringify(value);
      if (json === undefined) this.drop(leafKey(this.prefix, path));
      else this.set(leafKey(this.prefix, path), json);
      return;
    }
    const container = value as Record<string, unknown> | unknown[];
    const omit = root ? this.omit : undefined;
    this.set(nodeKey(this.prefix, path), JSON.stringify(descriptorOf(container, omit)));
    const seen = new Set<string | number>();
    const kids = children as Map<string | number, string>;
    if (Array.isArray(container))
      for (let i = 0; i < container.length; i++) this.visit(container, split, segments, kids, seen, i);
    else
      for (const key of Object.keys(container))
        if (key !== omit) this.visit(container, split, segments, kids, seen, key);
    for (const [key, childPath] of kids)
      if (!seen.has(key)) {
        this.remove(childPath);
        kids.delete(key);
      }
  }

  /** One field or item of a node being put (a method, not a closure made per node: this runs for
   *  every child of every changed node at every save). */
  private visit(
    container: Record<string, unknown> | unknown[],
    split: number | Split,
    segments: Path,
    children: Map<string | number, string>,
    seen: Set<string | number>,
    key: string | number,
  ): void {
    const child = (container as Record<string | number, unknown>)[key];
    // Primitive fields of an object are inline in its descriptor; array items are parts (as JSON:
    // undefined and functions become null).
    const array = Array.isArray(container);
    if (!array && (typeof child !== "object" || child === null)) return;
    seen.add(key);
    // A child's path (and its segments) is made once, when the child first appears.
    let childPath = children.get(key);
    let childSegments = childPath === undefined ? undefined : this.placed.get(childPath)?.segments;
    if (childPath === undefined || childSegments === undefined) {
      childSegments = [...segments, key];
      childPath = JSON.stringify(childSegments);
      children.set(key, childPath);
    }
    const item = array && (child === undefined || typeof child === "function") ? null : child;
    this.put(childPath, childSegments, item, childSplit(split, key));
  }

  /** Drops the parts at and under a path. */
  private remove(path: string): void {
    const placed = this.placed.get(path);
    if (!placed) return;
    this.placed.delete(path);
    this.drop(leafKey(this.prefix, path));
    this.drop(nodeKey(this.prefix, path));
    for (const child of placed.children?.values() ?? []) this.remove(child);
  }
}

/** The value a `PartSplitter` cut under `prefix`, from the loaded entries (each already parsed). Throws
 *  if a part is missing: a room put back with a hole in it would be worse than no room. */
export function joinParts(parts: Readonly<Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const get = (key: string) => (Object.hasOwn(parts, key) ? parts[key] : undefined);
  const build = (path: Path): unknown => {
    const node = get(nodeKey(prefix, JSON.stringify(path))) as NodeDescriptor | undefined;
    if (node === undefined) {
      const key = leafKey(prefix, JSON.stringify(path));
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
