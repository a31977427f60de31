// What happens as the game moves from phase to phase: dealing at the start, opening a round,
// settling drafts, asking the auto-judge, recording scores, refilling hands, finishing.
// The machine (machine.ts) decides *when*; these functions say *what*, on an edit of the context.
import { buildDrawPiles, fillHand } from "./cards";
import { writableRound } from "./edit";
import { settleDraft } from "./draft";
import { judge, marksOf } from "./judge";
import { activeSeats, addBotSeat } from "./lobby";
import { Rng } from "./rng";
import { phaseLength } from "./settings";
import type { GameContext, Phase, RoundRecord, TeamSide } from "./types";

/** Base length of each timed phase; null = untimed (waits for the teacher). */
function baseLength(ctx: GameContext, phase: Phase): number | null {
  const s = ctx.settings;
  switch (phase) {
    case "voteBefore":
    case "voteAfter":
      return s.voteMs;
    case "build":
      return s.buildMs;
    case "reveal":
      return s.revealMs;
    case "rebut":
      return s.rebutMs;
    case "result":
      return s.resultMs;
    case "lobby":
    case "judge":
    case "verdict":
      return null;
    default: {
      const never: never = phase;
      return never;
    }
  }
}

export function openClock(ctx: GameContext, phase: Phase, at: number): void {
  const base = baseLength(ctx, phase);
  const length = base === null ? null : phaseLength(ctx.settings, base);
  ctx.paused = false;
  ctx.clock = { endsAt: length === null ? null : at + length, pausedRemainingMs: null, startedAt: at };
}

export function humanVoters(ctx: GameContext): string[] {
  return activeSeats(ctx)
    .filter((s) => s.kind === "human" && s.status === "present")
    .map((s) => s.id);
}

/** Every present student has voted. With nobody present (the class's wifi dropped, the server
 *  restarted and no browser is back yet, the one student at home closed the lid) the vote waits —
 *  for them, its clock, or the teacher's Next — rather than ending with nobody's vote in it. */
export function allVoted(ctx: GameContext, phase: Phase): boolean {
  const votes = phase === "voteBefore" ? ctx.verdict.before : ctx.verdict.after;
  const voters = humanVoters(ctx);
  return voters.length > 0 && voters.every((id) => votes[id] !== undefined);
}

/** Lobby → first vote: bots in if asked, decks built, hands dealt. */
export function startGame(ctx: GameContext, at: number): void {
  if (ctx.settings.bots) {
    const perTeam = Math.max(2, activeSeats(ctx, "failure").length, activeSeats(ctx, "success").length);
    for (const side of ["failure", "success"] as const) {
      while (activeSeats(ctx, side).length < perTeam) addBotSeat(ctx, "lobby", side, ctx.settings.botLevel);
    }
  }
  const rng = new Rng(ctx.rng);
  buildDrawPiles(ctx, rng);
  for (const seat of activeSeats(ctx)) fillHand(ctx, seat.id, rng);
  ctx.rng = rng.state;
  ctx.round = -1;
  openClock(ctx, "voteBefore", at);
}

export function beginBuild(ctx: GameContext, at: number): void {
  ctx.round += 1;
  const theme = ctx.settings.themes[ctx.round] as string;
  const record: RoundRecord = {
    theme,
    paragraphs: { failure: {}, success: {} },
    counters: { failure: null, success: null },
    suggestion: null,
    scores: null,
    autoScored: false,
  };
  ctx.rounds = [...ctx.rounds, record];
  openClock(ctx, "build", at);
}

export function endBuild(ctx: GameContext): void {
  settleDraft(ctx, "build");
}

export function endRebut(ctx: GameContext): void {
  settleDraft(ctx, "rebut");
}

export function beginJudge(ctx: GameContext, at: number): void {
  const round = writableRound(ctx);
  if (!round) return;
  const rubric = ctx.settings.rubric;
  round.suggestion = {
    failure: judge(ctx, round, "failure", rubric),
    success: judge(ctx, round, "success", rubric),
  };
  openClock(ctx, "judge", at);
  // At home nobody else judges: the auto-judge's marks stand.
  if (ctx.mode === "homework") acceptSuggestion(ctx);
}

/** The current round's suggested marks become its scores, unless the teacher has scored it. */
export function acceptSuggestion(ctx: GameContext): void {
  const current = ctx.rounds[ctx.round];
  if (!current || current.scores || !current.suggestion) return;
  const round = writableRound(ctx) as RoundRecord & { suggestion: NonNullable<RoundRecord["suggestion"]> };
  round.scores = { failure: marksOf(round.suggestion.failure), success: marksOf(round.suggestion.success) };
  round.autoScored = true;
}

export function recordScores(ctx: GameContext, marks: Record<TeamSide, Record<string, number>>): void {
  const round = writableRound(ctx);
  if (!round) return;
  const clean = (m: Record<string, number>) =>
    Object.fromEntries(ctx.settings.rubric.criteria.map((c) => [c.id, m[c.id] ?? 0]));
  round.scores = { failure: clean(marks.failure), success: clean(marks.success) };
  round.autoScored = false;
}

/** Scores stand (the suggestion if the teacher skipped), hands refill for the next theme. */
export function beginResult(ctx: GameContext, at: number): void {
  acceptSuggestion(ctx);
  const rng = new Rng(ctx.rng);
  for (const seat of activeSeats(ctx)) fillHand(ctx, seat.id, rng);
  ctx.rng = rng.state;
  openClock(ctx, "result", at);
}

export function moreRounds(ctx: GameContext): boolean {
  return ctx.round + 1 < ctx.settings.themes.length;
}

export function finish(ctx: GameContext, at: number): void {
  ctx.finishedAt = at;
  ctx.paused = false;
  ctx.clock = { endsAt: null, pausedRemainingMs: null, startedAt: at };
}

export function roundTotal(round: RoundRecord, team: TeamSide): number {
  const marks = round.scores?.[team];
  if (!marks) return 0;
  return Object.values(marks).reduce((s, m) => s + m, 0);
}

export function totals(ctx: GameContext): Record<TeamSide, number> {
  const out = { failure: 0, success: 0 };
  for (const round of ctx.rounds) {
    out.failure += roundTotal(round, "failure");
    out.success += roundTotal(round, "success");
  }
  return out;
}

export interface Outcome {
  winner: TeamSide | null;
  /** How it was decided: on points, or (level on points) on rounds won, or on the last round. */
  by: "points" | "rounds" | "last-round" | null;
}

/** Who won the debate: more points; level on points, more rounds won; still level, the last
 *  round (the closing argument); otherwise a draw. */
export function outcome(ctx: GameContext): Outcome {
  const t = totals(ctx);
  if (t.failure !== t.success) return { winner: t.failure > t.success ? "failure" : "success", by: "points" };
  let f = 0;
  let s = 0;
  for (const round of ctx.rounds) {
    const a = roundTotal(round, "failure");
    const b = roundTotal(round, "success");
    if (a > b) f++;
    if (b > a) s++;
  }
  if (f !== s) return { winner: f > s ? "failure" : "success", by: "rounds" };
  for (let i = ctx.rounds.length - 1; i >= 0; i--) {
    const round = ctx.rounds[i] as RoundRecord;
    const a = roundTotal(round, "failure");
    const b = roundTotal(round, "success");
    if (a !== b) return { winner: a > b ? "failure" : "success", by: "last-round" };
  }
  return { winner: null, by: null };
}
