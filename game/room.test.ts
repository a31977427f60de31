import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as flow from "./flow";
import { HOST, join, newRoom } from "./testing/harness";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T09:00:00Z") });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the room driver", () => {
  it("puts the room back and reports the step when a rule throws, instead of crashing", () => {
    const room = newRoom({ settings: { themes: ["output", "experts", "prestige"] } });
    for (const id of ["a", "b"]) join(room, id);
    const before = room.context;
    const spy = vi.spyOn(flow, "startGame").mockImplementation(() => {
      throw new Error("boom");
    });
    const result = room.dispatch({ type: "start" }, HOST);
    expect(result).toMatchObject({ ok: false, code: "internal" });
    expect(room.phase).toBe("lobby");
    expect(room.context).toEqual(before);
    spy.mockRestore();
    expect(room.dispatch({ type: "start" }, HOST).ok).toBe(true);
    expect(room.phase).toBe("voteBefore");
    vi.advanceTimersByTime(30_000);
    expect(room.phase).toBe("build");
  });

  it("persists exactly what xstate would, without walking the context", () => {
    const room = newRoom({ settings: { themes: ["output", "experts", "prestige"] } });
    const xstate = () =>
      JSON.stringify(
        (room as unknown as { actor: { getPersistedSnapshot(): unknown } }).actor.getPersistedSnapshot(),
      );
    const same = () => expect(JSON.stringify(room.persisted())).toBe(xstate());
    same();
    for (const id of ["a", "b", "c", "d"]) join(room, id);
    same();
    room.dispatch({ type: "start" }, HOST);
    same();
    vi.advanceTimersByTime(30_000);
    expect(room.phase).toBe("build");
    same();
    expect((room.persisted() as { context: unknown }).context).toBe(room.context);
  });
});
