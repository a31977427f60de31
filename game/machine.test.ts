import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HOST, join, newRoom, seat } from "./testing/harness";
import { PEEL_RUBRIC } from "./rubric";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-28T09:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the room machine, happy path", () => {
  it("plays lobby → votes → one round → verdict on the clock", () => {
    const room = newRoom({ settings: { themes: ["output"] } });
    expect(room.phase).toBe("lobby");
    for (const id of ["a", "b", "c", "d"]) expect(join(room, id, `Pupil ${id}`).ok).toBe(true);
    const teams = Object.values(room.context.seats).map((s) => s.team);
    expect(teams.filter((t) => t === "failure")).toHaveLength(2);
    expect(teams.filter((t) => t === "success")).toHaveLength(2);

    expect(room.dispatch({ type: "start" }, HOST)).toEqual({ ok: true, version: expect.any(Number) });
    expect(room.phase).toBe("voteBefore");
    for (const s of Object.values(room.context.seats)) expect(s.hand).toHaveLength(5);

    // Three vote, the fourth never does: the timer moves the class on.
    for (const id of ["a", "b", "c"])
      expect(room.dispatch({ type: "verdictVote", value: 3 }, seat(id)).ok).toBe(true);
    vi.advanceTimersByTime(29_999);
    expect(room.phase).toBe("voteBefore");
    vi.advanceTimersByTime(1);
    expect(room.phase).toBe("build");
    expect(room.context.round).toBe(0);

    // Each student proposes the first card of their hand that fits the Point slot.
    for (const s of Object.values(room.context.seats)) {
      const copy = s.hand.find((c) => ["point", "counter"].includes(cardKind(room, c)));
      if (copy) expect(room.dispatch({ type: "propose", slot: "point", copy }, seat(s.id)).ok).toBe(true);
    }
    vi.advanceTimersByTime(120_000);
    expect(room.phase).toBe("reveal");
    vi.advanceTimersByTime(20_000);
    expect(room.phase).toBe("rebut");
    vi.advanceTimersByTime(60_000);
    expect(room.phase).toBe("judge");
    // The judge phase waits for the teacher, however long it takes.
    vi.advanceTimersByTime(10 * 60_000);
    expect(room.phase).toBe("judge");
    const marks = Object.fromEntries(PEEL_RUBRIC.criteria.map((c) => [c.id, 1]));
    expect(
      room.dispatch({ type: "score", marks: { failure: marks, success: { ...marks, structure: 0 } } }, HOST)
        .ok,
    ).toBe(true);
    expect(room.phase).toBe("result");
    vi.advanceTimersByTime(20_000);
    expect(room.phase).toBe("voteAfter");
    for (const id of ["a", "b", "c", "d"])
      room.dispatch({ type: "verdictVote", value: id === "a" ? 5 : 2 }, seat(id));
    expect(room.phase).toBe("verdict");
    expect(room.context.finishedAt).not.toBeNull();
  });
});

function cardKind(room: ReturnType<typeof newRoom>, copy: string): string {
  const id = room.context.copies[copy];
  return room.context.deck.cards.find((c) => c.id === id)?.kind ?? "";
}
