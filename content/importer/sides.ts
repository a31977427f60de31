// Which team each part of the plan argues for.
//
// Rules, in order:
// 1. The essay's thesis is the lean of the Outline and the Conclusion together (stance.ts).
// 2. A paragraph whose Point opens with a concession cue ("However despite these failures …",
//    "On the other hand", "Yet") argues against the thesis, unless its own words clearly argue the
//    thesis; otherwise a Point that clearly leans one way argues that way; otherwise the paragraph
//    argues the thesis, as essay paragraphs do.
// 3. Evidence, Explanation and Link take the paragraph's side unless their own words clearly lean
//    the other way, in which case the teacher is asked (side "either", review).
// 4. The However takes the side opposite its paragraph.
// 5. Introduction and Conclusion parts are "either" unless they clearly lean one way.
// Where a rule needs the thesis and the plan does not make it clear, the card is marked for review.
import type { TeamSide } from "../schema";
import { CONCESSION_POINT_CUE } from "./cues";
import type { Claim } from "./question";
import { stanceScore } from "./stance";

/** A lean this strong (two strong words, or one strong and one weak beyond the other side's) is "clear". */
export const CLEAR = 2;
/** A part leaning this hard against its own paragraph is flagged rather than silently kept. */
export const CONTRARY = 3;

export function opposite(side: TeamSide): TeamSide {
  return side === "failure" ? "success" : "failure";
}

export function sideOfScore(score: number, threshold = CLEAR): TeamSide | null {
  if (score >= threshold) return "failure";
  if (score <= -threshold) return "success";
  return null;
}

/** The essay's line, from the Outline and the Conclusion; null when they do not make it clear. */
export function readThesis(texts: string[], claim: Claim): TeamSide | null {
  return sideOfScore(texts.reduce((sum, t) => sum + stanceScore(t, claim), 0));
}

export interface ParagraphSide {
  side: TeamSide | null;
  /** Why, for the CLI summary and warnings. */
  reason: "concession cue" | "point's wording" | "thesis" | "unclear";
}

export function paragraphSide(point: string, thesis: TeamSide | null, claim: Claim): ParagraphSide {
  const own = sideOfScore(stanceScore(point, claim));
  // "However, the biggest failure was …" still argues the essay's line: the words beat the cue.
  if (CONCESSION_POINT_CUE.test(point) && thesis && own !== thesis)
    return { side: opposite(thesis), reason: "concession cue" };
  if (own) return { side: own, reason: "point's wording" };
  if (thesis) return { side: thesis, reason: "thesis" };
  return { side: null, reason: "unclear" };
}

/** Side of a supporting part (evidence, explanation, link): its paragraph's, unless it clearly contradicts it. */
export function supportingSide(text: string, paragraph: TeamSide | null, claim: Claim): TeamSide | null {
  if (!paragraph) return null;
  const score = stanceScore(text, claim);
  const contrary = paragraph === "failure" ? score <= -CONTRARY : score >= CONTRARY;
  return contrary ? null : paragraph;
}
