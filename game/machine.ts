// The room's statechart: lobby → vote → (build → reveal → rebut → judge → result) × rounds → vote → verdict.
// Guards and actions call the pure rules (rules.ts) and phase effects (flow.ts); the chart only says
// when. Time: every event carries `at` from the server's clock, and each timed phase keeps its
// deadline in `context.clock.endsAt`. The machine uses no `after` timers: the room driver (room.ts)
// arms one `timeUp` from the stored deadline after every step — so a restored snapshot re-arms
// exactly like a live one (xstate does not re-arm `after` timers on restore).
import { and, assign, setup } from "xstate";
import type { Deck } from "../content/schema";
import type { CommandType, GameEvent } from "./events";
import { edit, settle } from "./edit";
import {
  allVoted,
  beginBuild,
  beginJudge,
  beginResult,
  endBuild,
  endRebut,
  finish,
  moreRounds,
  openClock,
} from "./flow";
import { apply, legal as isLegal, PHASE_COMMANDS } from "./rules";
import { defaultSettings } from "./settings";
import type { GameContext, Phase, Settings } from "./types";

export interface GameInput {
  code: string;
  deck: Deck;
  mode: "class" | "homework";
  seed: number;
  createdAt: number;
  settings?: Partial<Settings>;
}

export function newContext(input: GameInput): GameContext {
  return {
    format: 1,
    code: input.code,
    mode: input.mode,
    deck: input.deck,
    settings: { ...defaultSettings(input.deck), ...input.settings },
    seats: {},
    seatOrder: [],
    teams: {
      failure: { drawPile: [], discard: [], proposals: [] },
      success: { drawPile: [], discard: [], proposals: [] },
    },
    copies: {},
    nextCopy: 1,
    seq: 1,
    locked: false,
    bannedKeys: [],
    paused: false,
    clock: { endsAt: null, pausedRemainingMs: null, startedAt: input.createdAt },
    round: -1,
    rounds: [],
    verdict: { before: {}, after: {} },
    rng: input.seed | 0,
    version: 0,
    createdAt: input.createdAt,
    finishedAt: null,
  };
}

type PhaseParams = { phase: Phase };

/** Runs a phase effect on an edit of the context (the snapshot before it stays untouched). */
function effect(context: GameContext, at: number, fn: (ctx: GameContext, at: number) => void): GameContext {
  const next = edit(context);
  fn(next, at);
  return settle(context, next);
}

const legal = (phase: Phase) => ({ type: "legal" as const, params: { phase } });
const applied = (phase: Phase) => ({ type: "apply" as const, params: { phase } });

/** The `on` block of a state: every command the phase accepts, guarded by the rules; `moves`
 *  overrides the ones that change phase. */
function commands(phase: Phase, moves: Partial<Record<CommandType, unknown>> = {}) {
  const on: Record<string, unknown> = {};
  for (const type of PHASE_COMMANDS[phase])
    on[type] = moves[type] ?? { guard: legal(phase), actions: applied(phase) };
  // biome-ignore lint/suspicious/noExplicitAny: the chart's `on` is built from a table; xstate checks it at runtime.
  return on as any;
}

const moveTo = (phase: Phase, target: Phase) => ({ guard: legal(phase), target, actions: applied(phase) });

/** After a result: the next round, or the closing vote after the last. */
const nextRound = [
  { guard: and([legal("result"), "moreRounds"]), target: "build", actions: applied("result") },
  moveTo("result", "voteAfter"),
];

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
  },
  guards: {
    legal: ({ context, event }, params: PhaseParams) => isLegal(context, params.phase, event),
    allVoted: ({ context }, params: PhaseParams) => allVoted(context, params.phase),
    moreRounds: ({ context }) => moreRounds(context),
    scored: ({ context }) => context.rounds[context.round]?.scores != null,
  },
  actions: {
    apply: assign(({ context, event }, params: PhaseParams) => apply(context, params.phase, event)),
    openVote: assign(({ context, event }) =>
      effect(context, event.at, (ctx, at) => openClock(ctx, ctx.round < 0 ? "voteBefore" : "voteAfter", at)),
    ),
    beginBuild: assign(({ context, event }) => effect(context, event.at, beginBuild)),
    endBuild: assign(({ context, event }) => effect(context, event.at, endBuild)),
    openReveal: assign(({ context, event }) =>
      effect(context, event.at, (ctx, at) => openClock(ctx, "reveal", at)),
    ),
    openRebut: assign(({ context, event }) =>
      effect(context, event.at, (ctx, at) => openClock(ctx, "rebut", at)),
    ),
    endRebut: assign(({ context, event }) => effect(context, event.at, endRebut)),
    beginJudge: assign(({ context, event }) => effect(context, event.at, beginJudge)),
    beginResult: assign(({ context, event }) => effect(context, event.at, beginResult)),
    finish: assign(({ context, event }) => effect(context, event.at, finish)),
  },
}).createMachine({
  id: "debate",
  initial: "lobby",
  context: ({ input }) => newContext(input),
  states: {
    lobby: {
      on: commands("lobby", { start: moveTo("lobby", "voteBefore") }),
    },
    voteBefore: {
      entry: "openVote",
      always: { guard: { type: "allVoted", params: { phase: "voteBefore" } }, target: "build" },
      on: commands("voteBefore", {
        timeUp: moveTo("voteBefore", "build"),
        skip: moveTo("voteBefore", "build"),
      }),
    },
    build: {
      entry: "beginBuild",
      exit: "endBuild",
      on: commands("build", { timeUp: moveTo("build", "reveal"), skip: moveTo("build", "reveal") }),
    },
    reveal: {
      entry: "openReveal",
      on: commands("reveal", { timeUp: moveTo("reveal", "rebut"), skip: moveTo("reveal", "rebut") }),
    },
    rebut: {
      entry: "openRebut",
      exit: "endRebut",
      on: commands("rebut", { timeUp: moveTo("rebut", "judge"), skip: moveTo("rebut", "judge") }),
    },
    judge: {
      entry: "beginJudge",
      always: { guard: "scored", target: "result" },
      on: commands("judge", { score: moveTo("judge", "result"), skip: moveTo("judge", "result") }),
    },
    result: {
      entry: "beginResult",
      on: commands("result", {
        timeUp: nextRound,
        skip: nextRound,
      }),
    },
    voteAfter: {
      entry: "openVote",
      always: { guard: { type: "allVoted", params: { phase: "voteAfter" } }, target: "verdict" },
      on: commands("voteAfter", {
        timeUp: moveTo("voteAfter", "verdict"),
        skip: moveTo("voteAfter", "verdict"),
      }),
    },
    verdict: {
      entry: "finish",
      on: commands("verdict"),
    },
  },
});
