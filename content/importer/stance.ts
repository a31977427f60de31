// Reads which way a piece of plan text leans on the question's claim. The score is positive when the
// text agrees with the claim (the "failure" team) and negative when it challenges it ("success").
// It is a word count, deliberately simple and explainable: strong words ("failure", "success") count
// 2, weaker ones 1, a negation just before a word flips it, and clauses that concede the other side
// ("Despite some early success, …") are dropped first because the sentence's claim is what follows.
import { ANAPHORIC_CONCESSION, CONCESSION_OPENER, FRAGMENT_OPENER, LEADING_CONNECTIVE } from "./cues";
import type { Claim } from "./question";
import { splitSentences } from "./sentences";

type Lexicon = ReadonlyArray<readonly [RegExp, number]>;

// Words that say something went badly. Positive weights = "it failed".
const FAILURE_WORDS: Lexicon = [
  [/\bfail(?:s|ed|ing|ures?)?\b/, 2],
  [/\bunsuccessful\b/, 2],
  [/\bdisast(?:er|ers|rous)\b/, 2],
  [
    /\b(?:devastat\w*|collaps\w*|fell|fall(?:s|ing)?|declin\w*|unable|inefficien\w*|damag\w*|lack(?:ed|s|ing)?|limited|revers\w*|unsustainable|unusable|famine|barriers?|fizzled|vanity|destr(?:oy\w*|uction)|shortages?|wasted?|setbacks?|did not|could not|was not able|never)\b/,
    1,
  ],
];
// Words that say something went well. Negative weights = "it was (partly) a success".
const SUCCESS_WORDS: Lexicon = [
  [/\bsuccess(?:es|ful|fully)?\b|\bsucceeded\b|\bachiev\w*/, -2],
  [
    /\b(?:impressive|prestige|growth|grew|increas\w*|expan\w*|improv\w*|progress|benefits?|boost\w*|showpiece|prowess|secure|gains?)\b/,
    -1,
  ],
];
// "Limited success", "partial success": a success word that, qualified, challenges a success claim.
const QUALIFIED_SUCCESS = /\b(?:limited|partial|little|mixed|qualified|some) success\w*/;
const GENERIC_AGREE: Lexicon = [
  [/\b(?:agree|accurate|valid|justified|correct|true)\b/, 1],
  [/\b(?:disagree|inaccurate|exaggerat\w*|overstat\w*|misleading|simplistic|unfair)\b/, -1],
];

// "not", "never", "far from" … within four words before a word flip it ("not only" does not), and so
// do verbs that undo what follows them ("reversed many of the successes" is a failure).
const NEGATION =
  /\b(?:not|never|no|neither|nor|hardly|far from|rather than|without|revers\w*|undid|undo\w*|undermin\w*|wiped out|lost)\b(?! only)(?:\s+\S+){0,3}\s*$/i;

/** The lean of a text on the claim: > 0 agrees ("failure" side), < 0 challenges ("success" side). */
export function stanceScore(text: string, claim: Claim): number {
  const main = dropConcessions(text).toLowerCase();
  let score = 0;
  for (const [pattern, weight] of lexiconFor(claim)) {
    const global = new RegExp(pattern.source, "gi");
    for (let m = global.exec(main); m; m = global.exec(main)) {
      // A negation word is itself a failure word ("did not"); it only flips the words after it.
      const negated =
        !/^(?:did not|could not|was not able|never)$/.test(m[0]) &&
        NEGATION.test(main.slice(Math.max(0, m.index - 48), m.index));
      score += negated ? -weight : weight;
    }
  }
  return score;
}

function lexiconFor(claim: Claim): Lexicon {
  switch (claim.kind) {
    case "failure":
      return [...FAILURE_WORDS, ...SUCCESS_WORDS, [QUALIFIED_SUCCESS, -1], ...GENERIC_AGREE];
    case "success":
      // The claim is "it was a success", so success words agree with it, unless qualified: "only
      // limited success" challenges it (+2 for "success" − 4 here − 1 for "limited" = −3).
      return [...SUCCESS_WORDS, ...FAILURE_WORDS]
        .map(([p, w]) => [p, -w] as const)
        .concat([[QUALIFIED_SUCCESS, -4]], GENERIC_AGREE);
    case "predicate": {
      const words = claim.keywords.map((k) => k.replace(/[^a-z'-]/g, "")).filter(Boolean);
      const own: Lexicon = words.length > 0 ? [[new RegExp(`\\b(?:${words.join("|")})\\w*`), 2]] : [];
      return [...own, ...GENERIC_AGREE];
    }
    case "unknown":
      return GENERIC_AGREE;
    default: {
      const never: never = claim.kind;
      throw new Error(`unknown claim kind ${never}`);
    }
  }
}

/** The text without clauses that concede the other side before the sentence's own claim. */
export function dropConcessions(text: string): string {
  const sentences = splitSentences(text);
  const kept: string[] = [];
  sentences.forEach((s, i) => {
    // "However, despite X, Y": the connective hides the concession behind it.
    const sentence = text.slice(s.start, s.end).replace(LEADING_CONNECTIVE, "");
    if (!CONCESSION_OPENER.test(sentence) || ANAPHORIC_CONCESSION.test(sentence)) {
      // "Despite these benefits, X failed": the pointer back carries no stance, the claim does.
      const comma = ANAPHORIC_CONCESSION.test(sentence) ? sentence.indexOf(",") : -1;
      kept.push(comma > 0 ? sentence.slice(comma + 1) : sentence);
      return;
    }
    const comma = sentence.indexOf(",");
    if (comma > 0) kept.push(sentence.slice(comma + 1));
    else if (!(FRAGMENT_OPENER.test(sentence) && i < sentences.length - 1)) kept.push(sentence);
  });
  return kept.join(" ");
}
