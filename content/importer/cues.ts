// The discourse cues essay plans use, in one place. Where a paragraph is not labelled, these words
// (with the parts' order) tell its parts apart; they also decide which sentences start a new card
// and which clauses concede the other side. All patterns match at the start of a sentence or chunk.

/** Opens a counter-argument: the other side's view inside a paragraph (the "However" part). */
export const COUNTER_CUE =
  /^(?:however|on the other hand|conversely|in contrast|by contrast|yet|alternatively|admittedly|that said|critics|some historians|other historians|some would argue|some have argued|it (?:could|can|might|may) (?:still )?be argued|it has been argued|it is possible to argue|one could argue)\b/i;

/** Closes a paragraph by answering the counter and tying back to the question (the "Link" part). */
export const LINK_CUE =
  /^(?:nevertheless|nonetheless|even so|despite this|despite these|in spite of this|overall|ultimately|therefore|thus|hence|as a result|consequently|in conclusion|on balance|all in all|this shows|this suggests|this proves|this demonstrates|clearly|so)\b/i;

/** Opens an explanation: why the evidence matters (used only between evidence and link). */
export const EXPLANATION_CUE =
  /^(?:this meant|this means|this was because|this is because|because|this led|this explains|this is significant|this mattered|the reason|as a result|consequently|therefore|without (?:this|these|them))\b/i;

/**
 * Opens a paragraph that argues against the essay's line ("However despite these failures …").
 * Not "Nevertheless": a paragraph opening with it usually returns to the essay's line after a
 * paragraph that conceded something.
 */
export const CONCESSION_POINT_CUE =
  /^(?:however|on the other hand|yet|conversely|in contrast|by contrast|alternatively|that said|despite (?:this|these|that|those|all th(?:is|ese)))\b/i;

/** Opens a clause that concedes the other side before the sentence's main claim ("Despite X, Y"). */
export const CONCESSION_OPENER =
  /^(?:despite|in spite of|although|though|even though|while|whilst|notwithstanding)\b/i;

/** Concession openers whose clause has no verb of its own, so "Despite X. Y." can stand as a fragment. */
export const FRAGMENT_OPENER = /^(?:despite|in spite of|notwithstanding)\b/i;

/** A concession that only points back ("Despite these benefits") adds nothing a card could say. */
export const ANAPHORIC_CONCESSION =
  /^(?:despite|in spite of|although|though|even though|while|whilst|notwithstanding)\s+(?:this|these|that|those|such|its|their|his|her|all (?:this|these|that))\b/i;

/** Starts a new item in a list of facts: a new card, not more of the same one. */
export const ADDITIVE_CUE =
  /^(?:furthermore|in addition|additionally|moreover|also|secondly|thirdly|finally|another|what is more|besides|similarly|likewise|on top of this)\b/i;

/** Words at the start of a sentence that are only connectives, trimmed from derived titles. */
export const LEADING_CONNECTIVE =
  /^(?:however|furthermore|moreover|in addition|additionally|nevertheless|nonetheless|therefore|overall|ultimately|also|yet|thus|so|and|but)[,\s]+/i;
