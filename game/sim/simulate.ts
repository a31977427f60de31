// Headless bot-only games on virtual time: the same rooms, rules, bots and auto-judge as a real
// game, with nobody waiting. Used by the balance simulator (`npm run simulate`) and by tests.
import type { Deck, TeamSide } from "../../content/schema";
import { outcome, totals } from "../flow";
import { Room } from "../room";
import type { BotLevel, Settings } from "../types";
import { VirtualClock } from "./virtual-clock";

export interface SimGame {
  winner: TeamSide | null;
  scores: Record<TeamSide, number>;
  rounds: number;
  events: number;
}

export interface SimOptions {
  deck: Deck;
  seed: number;
  levels: Record<TeamSide, BotLevel>;
  /** Bots per team (default 3). */
  perTeam?: number;
  settings?: Partial<Settings>;
}

/** Plays one full game of bots and returns who won on points. */
export function simulateGame(opts: SimOptions): SimGame {
  const clock = new VirtualClock(1_700_000_000_000);
  const room = new Room({
    scheduler: clock,
    botPace: "instant",
    input: {
      code: "SIMSIM",
      deck: opts.deck,
      mode: "homework",
      seed: opts.seed,
      createdAt: clock.now(),
      settings: opts.settings,
    },
  });
  const host = { role: "host" as const };
  const perTeam = opts.perTeam ?? 3;
  for (const team of ["failure", "success"] as const) {
    for (let i = 0; i < perTeam; i++) room.dispatch({ type: "addBot", team, level: opts.levels[team] }, host);
  }
  const started = room.dispatch({ type: "start" }, host);
  if (!started.ok) throw new Error(`simulated game could not start: ${started.message}`);
  const events = clock.run(() => room.phase === "verdict");
  if (room.phase !== "verdict") throw new Error(`simulated game stuck in ${room.phase}`);
  const scores = totals(room.context);
  const { winner } = outcome(room.context);
  room.stop();
  return {
    winner,
    scores,
    rounds: room.context.rounds.length,
    events,
  };
}

export interface SimSummary {
  games: number;
  wins: { failure: number; success: number; draw: number };
  meanScore: { failure: number; success: number };
}

export function simulateMany(n: number, base: Omit<SimOptions, "seed">, seed: number): SimSummary {
  const wins = { failure: 0, success: 0, draw: 0 };
  const sum = { failure: 0, success: 0 };
  for (let i = 0; i < n; i++) {
    const game = simulateGame({ ...base, seed: (seed + i * 7919) | 0 });
    wins[game.winner ?? "draw"]++;
    sum.failure += game.scores.failure;
    sum.success += game.scores.success;
  }
  const mean = (x: number) => Math.round((x / Math.max(1, n)) * 100) / 100;
  return { games: n, wins, meanScore: { failure: mean(sum.failure), success: mean(sum.success) } };
}
