// The game's words as people read them: phases, slots, card kinds, the verdict scale.
import type { CardKind, Deck, Side, TeamSide } from "../../content/schema";
import type { Phase, SlotId } from "../../game/types";
import type { VerdictView } from "../../game/views";

export const PHASE_LABEL: Record<Phase, string> = {
  lobby: "Lobby",
  voteBefore: "Opening vote",
  build: "Build",
  reveal: "Reveal",
  rebut: "Rebut",
  judge: "Judging",
  result: "Result",
  voteAfter: "Closing vote",
  verdict: "Verdict",
};

/** What students do in each phase, one line. */
export const PHASE_HINT: Record<Phase, string> = {
  lobby: "Waiting for the teacher to start.",
  voteBefore: "Vote privately: how accurate is the statement?",
  build: "Build your team's paragraph: propose cards and vote.",
  reveal: "Both paragraphs are revealed.",
  rebut: "Answer the other team: play one counter.",
  judge: "The teacher is scoring.",
  result: "Scores and feedback for this round.",
  voteAfter: "Vote again: has the debate changed your mind?",
  verdict: "The verdict.",
};

export const SLOT_LABEL: Record<SlotId, string> = {
  point: "Point",
  evidence1: "Evidence 1",
  evidence2: "Evidence 2",
  explanation: "Explanation",
  link: "Link",
  counter: "Counter",
};

export const PARAGRAPH_SLOTS = ["point", "evidence1", "evidence2", "explanation", "link"] as const;

export const KIND_LABEL: Record<CardKind, string> = {
  point: "Point",
  evidence: "Evidence",
  explanation: "Explanation",
  counter: "Counter",
  link: "Link",
  context: "Context",
};

/** What fits a slot, in words. */
export const SLOT_FITS: Record<SlotId, string> = {
  point: "a Point or Counter card",
  evidence1: "an Evidence card",
  evidence2: "an Evidence card",
  explanation: "an Explanation card",
  link: "a Link card (or a closing line)",
  counter: "a Counter or Evidence card",
};

/** 1..5, as views.ts counts them: 5 = completely accurate that it was a failure. */
export const VERDICT_SCALE = [
  "Not at all accurate",
  "Slightly accurate",
  "Partly accurate",
  "Mostly accurate",
  "Completely accurate",
] as const;

export const TEAMS: readonly TeamSide[] = ["failure", "success"];

export function otherTeam(team: TeamSide): TeamSide {
  return team === "failure" ? "success" : "failure";
}

export function sideLabel(deck: Deck | null, side: Side): string {
  if (side === "either") return "Either side";
  return deck?.sides[side] ?? (side === "failure" ? "Failure" : "Partial success");
}

export function themeTitle(deck: Deck | null, theme: string | null): string {
  if (!theme) return "";
  return deck?.themes.find((t) => t.id === theme)?.title ?? theme;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The verdict's line on minds changed. A change is counted only for a student who voted both times:
 * when one of the votes was never cast, nothing could be counted, which is not the same as nobody
 * changing their mind.
 */
export function mindsLine(v: VerdictView, label: (team: TeamSide) => string): string {
  const cast = (votes: readonly number[]) => votes.reduce((sum, n) => sum + n, 0);
  if (v.mindsWinner) return `${label(v.mindsWinner)} moved more minds`;
  if (v.moved.failure + v.moved.success > 0) return "Both teams moved as many minds";
  if (cast(v.after) === 0) return "No closing votes were cast, so no change of mind was counted";
  if (cast(v.before) === 0) return "No opening votes were cast, so no change of mind was counted";
  return "Nobody changed their mind";
}

/** Did the server number this student's name because the class already had it ("Eve" → "Eve 2")? */
export function renamed(asked: string | null, name: string): boolean {
  if (!asked) return false;
  const base = asked.trim().replace(/\s+/g, " ").toLowerCase();
  const got = name.toLowerCase();
  return got !== base && got.startsWith(`${base} `) && /^\d+$/.test(got.slice(base.length + 1));
}
