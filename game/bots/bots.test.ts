import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedDeck } from "../../content/decks";
import { Room } from "../room";
import { simulateGame } from "../sim/simulate";
import { VirtualClock } from "../sim/virtual-clock";
import { brokenInvariants } from "../testing/invariants";
import type { BotLevel } from "../types";

const LEVELS: BotLevel[] = ["easy", "medium", "hard"];

describe("bots", () => {
  it("only ever make legal moves, whatever the seed and levels", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...LEVELS),
        fc.constantFrom(...LEVELS),
        fc.integer({ min: 1, max: 5 }),
        (seed, failure, success, perTeam) => {
          const clock = new VirtualClock(1_900_000_000_000);
          const room = new Room({
            scheduler: clock,
            botPace: "instant",
            input: { code: "BOTBOT", deck: seedDeck, mode: "homework", seed, createdAt: clock.now() },
          });
          // Watch every command a bot sends: none may be refused.
          const original = room.dispatch.bind(room);
          const refused: string[] = [];
          room.dispatch = (command, by) => {
            const result = original(command, by);
            if (by.role === "seat" && !result.ok) refused.push(`${command.type}: ${result.code}`);
            return result;
          };
          for (const team of ["failure", "success"] as const) {
            for (let i = 0; i < perTeam; i++)
              room.dispatch(
                { type: "addBot", team, level: team === "failure" ? failure : success },
                { role: "host" },
              );
          }
          room.dispatch({ type: "start" }, { role: "host" });
          clock.run(() => {
            const broken = brokenInvariants(room.context, room.phase);
            if (broken.length > 0) throw new Error(broken.join("; "));
            return room.phase === "verdict";
          });
          expect(room.phase).toBe("verdict");
          expect(refused).toEqual([]);
          room.stop();
        },
      ),
      { numRuns: 120, seed: 7 },
    );
  }, 120_000);

  it("play the same game from the same seed", () => {
    const run = () =>
      simulateGame({ deck: seedDeck, seed: 99, levels: { failure: "hard", success: "medium" } });
    expect(run()).toEqual(run());
    const other = simulateGame({ deck: seedDeck, seed: 100, levels: { failure: "hard", success: "medium" } });
    expect(other.events).toBeGreaterThan(0);
  });

  it("hard bots beat easy bots from either side", () => {
    let hardWins = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const a = simulateGame({ deck: seedDeck, seed, levels: { failure: "hard", success: "easy" } });
      const b = simulateGame({ deck: seedDeck, seed, levels: { failure: "easy", success: "hard" } });
      if (a.winner === "failure") hardWins++;
      if (b.winner === "success") hardWins++;
    }
    expect(hardWins).toBeGreaterThanOrEqual(64); // at least 80 % of 80 games
  }, 60_000);
});

describe("bots when the game is moved on early", () => {
  it("play their turns before Build ends, so a quick Next never meets an empty paragraph", () => {
    const clock = new VirtualClock(1_900_000_000_000);
    const room = new Room({
      scheduler: clock,
      botPace: "class",
      input: {
        code: "HURRY1",
        deck: seedDeck,
        mode: "homework",
        seed: 5,
        createdAt: clock.now(),
        settings: { timers: "off" },
      },
    });
    room.dispatch({ type: "join", seat: "me", name: "Me", key: "k", team: "failure" }, { role: "system" });
    for (const team of ["failure", "success"] as const)
      room.dispatch({ type: "addBot", team, level: "hard" }, { role: "host" });
    room.dispatch({ type: "start" }, { role: "host" });
    room.dispatch({ type: "skip" }, { role: "host" });
    expect(room.phase).toBe("build");
    // No time passes: the student presses Next at once.
    expect(room.dispatch({ type: "skip" }, { role: "host" }).ok).toBe(true);
    expect(room.phase).toBe("reveal");
    const paragraphs = room.context.rounds[0]?.paragraphs;
    expect(Object.keys(paragraphs?.success ?? {}).length).toBeGreaterThan(0);
    room.stop();
  });
});
