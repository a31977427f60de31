// changedSeats may only leave out a seat whose private part is exactly as it was: checked at every
// step (bots' and the clock's too) of a whole 31-seat class game, and of seeded random play with the
// teacher moving, renaming, removing and banning students mid-game.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedDeck } from "../content/decks";
import type { Actor, Command } from "../game/events";
import { Room } from "../game/room";
import { legalMoves } from "../game/rules";
import { VirtualClock } from "../game/sim/virtual-clock";
import type { TeamSide } from "../game/types";
import { HOST, join, newRoom, seat } from "../game/testing/harness";
import { seatView } from "../game/views";
import { classGame } from "../scripts/bench/inproc";
import { addMarkChanges, changedSeats, type SeatBasis } from "./seat-changes";

/** Follows a room step by step as the broadcast does, and checks each step's answer. */
function follower() {
  let basis: SeatBasis | undefined;
  const parts = new Map<string, string>();
  const seen = new Set<string>();
  const tally = { steps: 0, everyone: 0, looked: 0 };
  return {
    tally,
    last: () => basis,
    step(room: Room): Set<string> | null {
      const ctx = room.context;
      const phase = room.phase;
      const changed = changedSeats(basis, ctx, phase);
      basis = { ctx, phase };
      for (const id of Object.keys(ctx.seats)) seen.add(id);
      tally.steps++;
      if (changed === null) tally.everyone++;
      else tally.looked += changed.size;
      for (const id of seen) {
        const part = JSON.stringify(seatView(ctx, phase, id));
        const was = parts.get(id);
        parts.set(id, part);
        if (changed === null || was === undefined) continue;
        if (part !== was && !changed.has(id))
          throw new Error(
            `step ${tally.steps} (${phase}): ${id}'s part changed, not reported\n${was}\n${part}`,
          );
      }
      return changed;
    },
  };
}

describe("changedSeats", () => {
  it("reports every seat whose private part a step changed, in a whole class game, and few others", () => {
    const game = classGame({ students: 31, seed: 3, rounds: 3 });
    const follow = follower();
    follow.step(game.room);
    for (let move = game.next(); move; move = game.next()) {
      const result = game.room.dispatch(move.command as Command, move.by);
      if (result.ok) follow.step(game.room);
    }
    game.stop();
    const { steps, everyone, looked } = follow.tally;
    expect(steps).toBeGreaterThan(300);
    // Phase changes look at everyone; a vote or a proposal at one or two students.
    expect(everyone / steps).toBeLessThan(0.1);
    expect(looked / (steps - everyone)).toBeLessThan(3);
  });

  it("reports students whose marks changed when their seats did not (a sentence withdrawn)", () => {
    const room = newRoom({ settings: { themes: ["output"] } });
    for (const id of ["a", "b", "c", "d"]) join(room, id, `Pupil ${id}`);
    room.dispatch({ type: "start" }, HOST);
    room.dispatch({ type: "skip" }, HOST);
    expect(room.phase).toBe("build");
    const [writer, backer] = Object.values(room.context.seats).filter((s) => s.team === "failure");
    if (!writer || !backer) throw new Error("two students on a team expected");
    expect(
      room.dispatch({ type: "write", slot: "point", text: "Steel output doubled" }, seat(writer.id)).ok,
    ).toBe(true);
    const proposal = room.context.teams.failure.proposals[0]?.id ?? "";
    expect(room.dispatch({ type: "support", proposal }, seat(backer.id)).ok).toBe(true);
    const follow = follower();
    follow.step(room);
    expect(room.dispatch({ type: "withdraw", proposal }, seat(writer.id)).ok).toBe(true);
    const seatsBefore = follow.last()?.ctx.seats;
    expect(room.context.seats[backer.id]).toBe(seatsBefore?.[backer.id]);
    expect(follow.step(room)).toEqual(new Set([writer.id, backer.id]));
    room.stop();
  });

  const SEATS = ["s1", "s2", "s3", "s4", "s5", "s6"];
  const anySeat = fc.constantFrom(...SEATS);
  const step = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant("legal" as const), seat: anySeat, pick: fc.nat() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("time" as const), ms: fc.integer({ min: 0, max: 90_000 }) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("host" as const),
        command: fc.oneof(
          fc.constantFrom<Command>(
            { type: "start" },
            { type: "skip" },
            { type: "pause" },
            { type: "resume" },
          ),
          fc.record({
            type: fc.constant("move" as const),
            seat: anySeat,
            team: fc.constantFrom<TeamSide>("failure", "success"),
          }),
          fc.record({ type: fc.constant("remove" as const), seat: anySeat }),
          fc.record({ type: fc.constant("ban" as const), seat: anySeat }),
          fc.record({
            type: fc.constant("rename" as const),
            seat: anySeat,
            name: fc.constantFrom("Ann", "Bo", "Cy"),
          }),
          fc.record({ type: fc.constant("presence" as const), seat: anySeat, present: fc.boolean() }),
          fc.constant<Command>({ type: "addBot", team: null, level: "easy" }),
        ) as fc.Arbitrary<Command>,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("leave" as const), seat: anySeat }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("join" as const), seat: anySeat }) },
  );

  it("never leaves out a changed part in random play with the teacher moving students about", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(step, { minLength: 20, maxLength: 120 }),
        (seed, steps) => {
          const clock = new VirtualClock(1_800_000_000_000);
          const follow = follower();
          const room = new Room({
            scheduler: clock,
            botPace: "instant",
            onStep: (r) => follow.step(r),
            input: {
              code: "SEATCH",
              deck: seedDeck,
              mode: "class",
              seed,
              createdAt: clock.now(),
              settings: { themes: ["output", "prestige-projects"] },
            },
          });
          const system: Actor = { role: "system" };
          for (const id of SEATS.slice(0, 4))
            room.dispatch({ type: "join", seat: id, name: `Kid ${id}`, key: `k-${id}` }, system);
          for (const s of steps) {
            if (s.kind === "time") clock.advance(s.ms);
            else if (s.kind === "host") room.dispatch(s.command, { role: "host" });
            else if (s.kind === "leave") room.dispatch({ type: "leave" }, { role: "seat", seat: s.seat });
            else if (s.kind === "join")
              room.dispatch(
                { type: "join", seat: s.seat, name: `Kid ${s.seat}`, key: `k-${s.seat}` },
                system,
              );
            else {
              const moves = legalMoves(room.context, room.phase, s.seat);
              const move = moves[s.pick % Math.max(1, moves.length)];
              if (move) room.dispatch(move, { role: "seat", seat: s.seat });
            }
          }
          room.stop();
        },
      ),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it("compares proposals by identity: who joined or left, who was on one added, dropped or moved", () => {
    type P = Parameters<typeof addMarkChanges>[0][number];
    const p = (id: string, supporters: string[], copies: string[] = [], slot = "point"): P =>
      ({ id, slot, supporters, copies: copies.map((seat, i) => ({ seat, copy: `${id}-${i}` })) }) as P;
    const changes = (was: P[], now: P[]) => {
      const changed = new Set<string>();
      addMarkChanges(was, now, changed);
      return [...changed].sort();
    };
    const a = p("a", ["s1", "s2"], ["s1"]);
    const b = p("b", ["s3"], ["s3", "s4"]);
    expect(changes([a, b], [a, b])).toEqual([]);
    // A vote moved from a to b: the one voter.
    expect(changes([a, b], [p("a", ["s1"], ["s1"]), p("b", ["s3", "s2"], ["s3", "s4"])])).toEqual(["s2"]);
    // A copy taken back: its owner.
    expect(changes([a, b], [a, p("b", ["s3"], ["s3"])])).toEqual(["s4"]);
    // Added and dropped: everyone on them.
    expect(changes([a], [a, b])).toEqual(["s3", "s4"]);
    expect(changes([a, b], [b])).toEqual(["s1", "s2"]);
    // In another slot: everyone on either version.
    expect(changes([a, b], [p("a", ["s1", "s2"], ["s1"], "evidence"), b])).toEqual(["s1", "s2"]);
    // Reordered (nothing does this today): everyone.
    expect(changes([a, b], [b, a])).toEqual(["s1", "s2", "s3", "s4"]);
  });
});
