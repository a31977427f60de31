// Every timed phase ends at its stored deadline; pause, resume, add time and skip move it; a
// restored snapshot re-arms its timer from the deadline and carries on as if never stopped.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Room } from "./room";
import { fakeScheduler, HOST, join, newRoom, seat } from "./testing/harness";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T09:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

function started(settings = {}) {
  const room = newRoom({ settings: { themes: ["output", "experts", "prestige"], ...settings } });
  for (const id of ["a", "b", "c", "d"]) join(room, id);
  expect(room.dispatch({ type: "start" }, HOST).ok).toBe(true);
  return room;
}

describe("phase timers", () => {
  it.each([
    ["voteBefore", 30_000, "build"],
    ["build", 120_000, "reveal"],
    ["reveal", 20_000, "rebut"],
    ["rebut", 60_000, "judge"],
  ] as const)("%s lasts its length, then moves on", (phase, length, next) => {
    const room = started();
    while (room.phase !== phase) vi.advanceTimersByTime(1000);
    const endsAt = room.context.clock.endsAt as number;
    expect(endsAt - Date.now()).toBe(length);
    vi.advanceTimersByTime(length - 1);
    expect(room.phase).toBe(phase);
    vi.advanceTimersByTime(1);
    expect(room.phase).toBe(next);
  });

  it("the result phase moves to the next round, and after the last to the closing vote", () => {
    const room = started();
    for (let round = 0; round < 3; round++) {
      while (room.phase !== "judge") vi.advanceTimersByTime(1000);
      room.dispatch({ type: "skip" }, HOST);
      expect(room.phase).toBe("result");
      vi.advanceTimersByTime(20_000);
      expect(room.phase).toBe(round < 2 ? "build" : "voteAfter");
    }
    vi.advanceTimersByTime(30_000);
    expect(room.phase).toBe("verdict");
  });

  it("pause freezes the clock; resume restores exactly the time left; add time extends it", () => {
    const room = started();
    vi.advanceTimersByTime(30_000); // to Build
    expect(room.phase).toBe("build");
    vi.advanceTimersByTime(50_000);
    room.dispatch({ type: "pause" }, HOST);
    expect(room.context.clock).toMatchObject({ endsAt: null, pausedRemainingMs: 70_000 });
    vi.advanceTimersByTime(10 * 60_000);
    expect(room.phase).toBe("build");
    room.dispatch({ type: "addTime", ms: 30_000 }, HOST);
    room.dispatch({ type: "resume" }, HOST);
    expect((room.context.clock.endsAt as number) - Date.now()).toBe(100_000);
    vi.advanceTimersByTime(99_999);
    expect(room.phase).toBe("build");
    room.dispatch({ type: "addTime", ms: 30_000 }, HOST);
    vi.advanceTimersByTime(1);
    expect(room.phase).toBe("build");
    vi.advanceTimersByTime(30_000);
    expect(room.phase).toBe("reveal");
  });

  it("skip ends any phase at once", () => {
    const room = started();
    for (const next of ["build", "reveal", "rebut", "judge", "result", "build"]) {
      room.dispatch({ type: "skip" }, HOST);
      expect(room.phase).toBe(next);
    }
  });

  it("relaxed timers double every phase; off waits for Next", () => {
    const relaxed = started({ timers: "relaxed" });
    vi.advanceTimersByTime(60_000);
    expect(relaxed.phase).toBe("build");
    expect((relaxed.context.clock.endsAt as number) - Date.now()).toBe(240_000);
    const off = started({ timers: "off" });
    vi.advanceTimersByTime(60 * 60_000);
    expect(off.phase).toBe("voteBefore");
    off.dispatch({ type: "skip" }, HOST);
    vi.advanceTimersByTime(60 * 60_000);
    expect(off.phase).toBe("build");
    expect(off.context.clock.endsAt).toBeNull();
  });

  it("the vote ends early when every present student has voted, and never waits for an absent one", () => {
    const room = started();
    room.dispatch({ type: "presence", seat: "d", present: false }, { role: "system" });
    for (const id of ["a", "b"]) room.dispatch({ type: "verdictVote", value: 2 }, seat(id));
    expect(room.phase).toBe("voteBefore");
    room.dispatch({ type: "verdictVote", value: 4 }, seat("c"));
    expect(room.phase).toBe("build");
  });

  it("a vote with nobody present waits (for them, the clock or Next) instead of ending empty", () => {
    const room = started();
    const away = (id: string, present: boolean) =>
      room.dispatch({ type: "presence", seat: id, present }, { role: "system" });
    // The whole class drops off (the wifi, a server restart): the opening vote is still on.
    for (const id of ["a", "b", "c", "d"]) away(id, false);
    expect(room.phase).toBe("voteBefore");
    expect(room.context.verdict.before).toEqual({});
    // One comes back and votes; the others are still away, so the vote has all it waits for.
    away("a", true);
    expect(room.phase).toBe("voteBefore");
    room.dispatch({ type: "verdictVote", value: 3 }, seat("a"));
    expect(room.phase).toBe("build");

    // Nobody present and nobody back: the vote still ends on its clock.
    const late = started();
    for (const id of ["a", "b", "c", "d"])
      late.dispatch({ type: "presence", seat: id, present: false }, { role: "system" });
    vi.advanceTimersByTime(29_999);
    expect(late.phase).toBe("voteBefore");
    vi.advanceTimersByTime(1); // its clock still ends it
    expect(late.phase).toBe("build");
  });
});

describe("snapshot and restore", () => {
  it("a restored room re-arms its timer from the stored deadline and plays on identically", () => {
    const room = started();
    vi.advanceTimersByTime(30_000 + 45_000); // 45 s into Build
    const copy = room.context.seats.a?.hand[0] as string;
    room.dispatch({ type: "write", slot: "point", text: "Output collapsed by 1962." }, seat("a"));
    room.dispatch({ type: "propose", slot: "evidence1", copy }, seat("a"));
    const saved = JSON.parse(JSON.stringify(room.persisted()));
    room.stop();

    vi.advanceTimersByTime(10_000); // the server was down for ten seconds
    const restored = new Room({ scheduler: fakeScheduler(), snapshot: saved });
    expect(restored.phase).toBe("build");
    expect(restored.context.seats.a?.hand).toEqual(saved.context.seats.a.hand);
    vi.advanceTimersByTime(120_000 - 45_000 - 10_000 - 1);
    expect(restored.phase).toBe("build");
    vi.advanceTimersByTime(1);
    expect(restored.phase).toBe("reveal");

    // The same commands on a twin restored from the same snapshot give the same game.
    const twin = new Room({ scheduler: fakeScheduler(), snapshot: saved });
    twin.dispatch({ type: "skip" }, HOST);
    expect(twin.context.rounds).toEqual(restored.context.rounds);
  });

  it("a room restored after its deadline passed moves on at once", () => {
    const room = started();
    const saved = JSON.parse(JSON.stringify(room.persisted()));
    room.stop();
    vi.advanceTimersByTime(5 * 60_000);
    const restored = new Room({ scheduler: fakeScheduler(), snapshot: saved });
    expect(restored.phase).toBe("voteBefore");
    vi.advanceTimersByTime(0);
    expect(restored.phase).toBe("build");
  });
});
