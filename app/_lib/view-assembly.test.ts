import { describe, expect, it } from "vitest";
import { ViewAssembly } from "./view-assembly";

type View = { audience: string; version: number; a?: number; b?: number };

describe("ViewAssembly", () => {
  it("lays patches over the view it holds", () => {
    const views = new ViewAssembly<View>();
    expect(views.take({ view: { audience: "team", version: 1, a: 1, b: 1 } })).toEqual({
      view: { audience: "team", version: 1, a: 1, b: 1 },
      complete: true,
    });
    expect(views.take({ view: { version: 2, b: 2 }, patch: true })?.view).toEqual({
      audience: "team",
      version: 2,
      a: 1,
      b: 2,
    });
    expect(views.view).toEqual({ audience: "team", version: 2, a: 1, b: 2 });
  });

  it("holds a view in several frames back until its last frame", () => {
    const views = new ViewAssembly<View>();
    views.take({ view: { audience: "team", version: 1, a: 1, b: 1 } });
    expect(views.take({ view: { version: 2, a: 2 }, patch: true, more: true })).toEqual({
      view: { audience: "team", version: 2, a: 2, b: 1 },
      complete: false,
    });
    expect(views.view?.version).toBe(1);
    expect(views.take({ view: { b: 2 }, patch: true })).toEqual({
      view: { audience: "team", version: 2, a: 2, b: 2 },
      complete: true,
    });
    expect(views.view).toEqual({ audience: "team", version: 2, a: 2, b: 2 });
  });

  it("a whole view replaces what it holds, and a patch without one asks to start again", () => {
    const views = new ViewAssembly<View>();
    expect(views.take({ view: { version: 1, a: 1 }, patch: true })).toBeNull();
    views.take({ view: { audience: "team", version: 1, a: 1 } });
    views.take({ view: { audience: "screen", version: 2, b: 1 } });
    expect(views.view).toEqual({ audience: "screen", version: 2, b: 1 });
    views.reset();
    expect(views.view).toBeNull();
    expect(views.take({ view: { version: 3 }, patch: true })).toBeNull();
  });
});
