// Seeded random play: thousands of random legal and illegal commands from students, the teacher
// and the clock, with invariants checked after every step.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedDeck } from "../content/decks";
import type { Actor, Command } from "./events";
import { legalMoves } from "./rules";
import { Room } from "./room";
import { VirtualClock } from "./sim/virtual-clock";
import { brokenInvariants } from "./testing/invariants";
import { testDeck } from "./testing/deck";
import { deepFreeze } from "./testing/freeze";

const SEATS = ["s1", "s2", "s3", "s4", "s5"];

const anySeat = fc.constantFrom(...SEATS, "ghost");
const anySlot = fc.constantFrom("point", "evidence1", "evidence2", "explanation", "link", "counter", "nope");

/** A step: a command from someone, a pick among the seat's legal moves, time passing, or the
 *  teacher moving the game on (so runs reach every phase, not just the lobby). */
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      { kind: "raw" as const, actor: { role: "host" } as Actor, command: { type: "start" } as Command },
      { kind: "raw" as const, actor: { role: "host" } as Actor, command: { type: "skip" } as Command },
      { kind: "raw" as const, actor: { role: "host" } as Actor, command: { type: "skip" } as Command },
      { kind: "raw" as const, actor: { role: "host" } as Actor, command: { type: "skip" } as Command },
    ),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("legal" as const), seat: anySeat, pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("time" as const), ms: fc.integer({ min: 0, max: 90_000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("raw" as const),
      actor: fc.oneof(
        fc.constant<Actor>({ role: "host" }),
        anySeat.map<Actor>((seat) => ({ role: "seat", seat })),
      ),
      command: fc.oneof(
        fc.record({
          type: fc.constant("join" as const),
          seat: anySeat,
          name: fc.string({ maxLength: 30 }),
          key: fc.string(),
        }),
        fc.record({
          type: fc.constant("propose" as const),
          slot: anySlot,
          copy: fc.constantFrom("c1", "c2", "c999", "x"),
        }),
        fc.record({
          type: fc.constant("write" as const),
          slot: anySlot,
          text: fc.string({ maxLength: 250 }),
        }),
        fc.record({
          type: fc.constant("support" as const),
          proposal: fc.constantFrom("p1", "p2", "p3", "p50"),
        }),
        fc.record({ type: fc.constant("withdraw" as const), proposal: fc.constantFrom("p1", "p2", "p50") }),
        fc.record({ type: fc.constant("verdictVote" as const), value: fc.integer({ min: -2, max: 8 }) }),
        fc.record({
          type: fc.constant("move" as const),
          seat: anySeat,
          team: fc.constantFrom("failure", "success"),
        }),
        fc.record({ type: fc.constant("remove" as const), seat: anySeat }),
        fc.record({ type: fc.constant("ban" as const), seat: anySeat }),
        fc.record({
          type: fc.constant("rename" as const),
          seat: anySeat,
          name: fc.string({ maxLength: 30 }),
        }),
        fc.record({ type: fc.constant("addTime" as const), ms: fc.integer({ min: -10, max: 400_000 }) }),
        fc.constantFrom<Command>(
          { type: "start" },
          { type: "pause" },
          { type: "resume" },
          { type: "skip" },
          { type: "lock" },
          { type: "unlock" },
          { type: "leave" },
          { type: "addBot", team: null, level: "hard" },
          { type: "timeUp" },
        ),
        fc.record({
          type: fc.constant("score" as const),
          marks: fc.record({
            failure: fc.dictionary(
              fc.constantFrom("knowledge", "analysis", "evaluation", "structure", "x"),
              fc.integer({ min: -1, max: 4 }),
            ),
            success: fc.dictionary(
              fc.constantFrom("knowledge", "analysis", "evaluation", "structure"),
              fc.integer({ min: -1, max: 4 }),
            ),
          }),
        }),
      ) as fc.Arbitrary<Command>,
    }),
  },
);

const reached = new Set<string>();

function play(deckName: "seed" | "test", seed: number, steps: fc.Arbitrary<unknown>[] | unknown[]) {
  const clock = new VirtualClock(1_800_000_000_000);
  const room = new Room({
    scheduler: clock,
    botPace: "instant",
    input: {
      code: "PROPER",
      deck: deckName === "seed" ? seedDeck : testDeck,
      mode: "class",
      seed,
      createdAt: clock.now(),
      // Two rounds, so random runs also reach the closing vote and the verdict.
      settings: { themes: deckName === "seed" ? ["output", "prestige-projects"] : ["output", "prestige"] },
    },
  });
  for (const id of SEATS.slice(0, 4))
    room.dispatch({ type: "join", seat: id, name: `Kid ${id}`, key: `k-${id}` }, { role: "system" });
  const check = (label: string) => {
    const broken = brokenInvariants(room.context, room.phase);
    if (broken.length > 0)
      throw new Error(`${label} (phase ${room.phase}): ${broken.slice(0, 3).join("; ")}`);
  };
  check("after joins");
  deepFreeze(room.context);
  let n = 0;
  for (const s of steps as { kind: string; [k: string]: unknown }[]) {
    // Snapshots are immutable: a step must never change the context it started from.
    const previous = room.context;
    const frozen = n++ % 3 === 0 ? JSON.stringify(previous) : null;
    if (s.kind === "time") clock.advance(s.ms as number);
    else if (s.kind === "legal") {
      const moves = legalMoves(room.context, room.phase, s.seat as string);
      if (moves.length > 0) {
        const move = moves[(s.pick as number) % moves.length] as Command;
        const result = room.dispatch(move, { role: "seat", seat: s.seat as string });
        expect(result.ok, `legal move refused: ${JSON.stringify(move)} ${JSON.stringify(result)}`).toBe(true);
      }
    } else {
      const before = room.context;
      const result = room.dispatch(s.command as Command, s.actor as Actor);
      // A refused command changes nothing.
      if (!result.ok) expect(room.context).toBe(before);
    }
    check(`after ${JSON.stringify(s).slice(0, 120)}`);
    if (frozen !== null) expect(JSON.stringify(previous)).toBe(frozen);
    // Not even an equal value written into an object of an earlier snapshot: they are all frozen,
    // and a write into one throws (the room reports the step as failed and keeps the error).
    expect(room.lastError).toBeNull();
    deepFreeze(room.context);
    reached.add(room.phase);
  }
  room.stop();
}

describe("random play keeps the invariants", () => {
  it("on the seed deck", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(step, { minLength: 10, maxLength: 100 }), (seed, steps) =>
        play("seed", seed, steps),
      ),
      { numRuns: 600, seed: 20261128 },
    );
  }, 120_000);

  it("on a small hand-made deck", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(step, { minLength: 10, maxLength: 100 }), (seed, steps) =>
        play("test", seed, steps),
      ),
      { numRuns: 400, seed: 42 },
    );
  }, 120_000);

  it("reached every phase across the runs", () => {
    expect([...reached].sort()).toEqual([
      "build",
      "judge",
      "lobby",
      "rebut",
      "result",
      "reveal",
      "verdict",
      "voteAfter",
      "voteBefore",
    ]);
  });
});
