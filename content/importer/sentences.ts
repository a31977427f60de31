// Sentence-level cutting of a part's text: where sentences end, which sentences belong on one card
// (a new card starts at "Furthermore", "In addition" … or when a card would grow too long), and how
// a sentence that concedes the other side ("Despite X, Y" or "Despite X. Y.") splits in two.
// Everything works on [start, end) ranges of the one text, so every piece is the plan's exact wording.
import { ADDITIVE_CUE, ANAPHORIC_CONCESSION, CONCESSION_OPENER, FRAGMENT_OPENER } from "./cues";

export interface Span {
  start: number;
  end: number;
}

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "c",
  "ca",
  "cf",
  "vs",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "approx",
  "esp",
  "fig",
  "vol",
  "pp",
  "gen",
  "col",
  "capt",
  "lt",
  "sgt",
  "rev",
]);

/** Sentence spans of a text, trimmed; a text with no full stop is one sentence. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]+["')\]]*\s+(?=["'(]?[A-Z0-9])/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = text.slice(start, m.index);
    const lastWord = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? "";
    // "J. M. Keynes", "U.S." and "e.g." do not end a sentence.
    if (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord) || /^(?:[a-z]\.)+[a-z]$/i.test(lastWord))
      continue;
    const end = m.index + m[0].trimEnd().length;
    pushTrimmed(text, start, end, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** A card's source should fit comfortably on a card: past this, the next sentence starts a new card
// (kept under the 280-character text limit so a whole group still fits on its card). */
export const GROUP_LIMIT = 240;

/**
 * Groups consecutive sentences into cards: a sentence opening with an additive cue ("Furthermore",
 * "In addition" …) starts a new card, as does one that would take the card past GROUP_LIMIT, and —
 * when `splitConcessions` is on — one that opens by conceding the other side, so that its two halves
 * can be cut apart by `splitConcession`.
 */
export function groupSentences(text: string, sentences: Span[], splitConcessions: boolean): Span[] {
  const groups: Span[] = [];
  let current: Span | null = null;
  // A verbless "Despite X." fragment belongs with the claim that follows it, however long.
  let holdOpen = false;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    const startsNew: boolean =
      current === null ||
      (!holdOpen &&
        (ADDITIVE_CUE.test(sentence) ||
          s.end - current.start > GROUP_LIMIT ||
          (splitConcessions && isSplittableConcession(sentence))));
    if (startsNew) {
      current = { start: s.start, end: s.end };
      groups.push(current);
    } else current!.end = s.end;
    holdOpen = splitConcessions && startsNew && isFragmentConcession(sentence);
  }
  return groups;
}

function isSplittableConcession(sentence: string): boolean {
  return CONCESSION_OPENER.test(sentence) && !ANAPHORIC_CONCESSION.test(sentence);
}

function isFragmentConcession(sentence: string): boolean {
  return isSplittableConcession(sentence) && FRAGMENT_OPENER.test(sentence) && !sentence.includes(",");
}

/** A group cut into the claim it makes (`main`) and the concession to the other side before it. */
export interface ConcessionSplit {
  main: Span;
  concession: Span;
}

/**
 * Cuts "Despite X, Y …" at the comma, or "Despite X. Y …" (a verbless fragment, then the claim) at
 * the full stop. Only when the conceded part says something of its own: at least four words, and not
 * a pointer back ("Despite these benefits"). Returns null when the group should stay whole.
 */
export function splitConcession(text: string, group: Span): ConcessionSplit | null {
  const body = text.slice(group.start, group.end);
  if (!isSplittableConcession(body)) return null;
  const sentences = splitSentences(body);
  const first = sentences[0]!;
  const firstSentence = body.slice(first.start, first.end);
  const comma = firstSentence.indexOf(",");
  if (comma > 0) {
    const conceded = firstSentence.slice(0, comma);
    const claim = body.slice(comma + 1).trim();
    if (wordCount(conceded) < 4 || wordCount(claim) < 3) return null;
    const mainStart =
      group.start + comma + 1 + (body.slice(comma + 1).length - body.slice(comma + 1).trimStart().length);
    return {
      concession: { start: group.start, end: group.start + comma },
      main: { start: mainStart, end: group.end },
    };
  }
  if (FRAGMENT_OPENER.test(firstSentence) && sentences.length > 1 && wordCount(firstSentence) >= 4) {
    const second = sentences[1]!;
    return {
      concession: { start: group.start + first.start, end: group.start + first.end },
      main: { start: group.start + second.start, end: group.end },
    };
  }
  return null;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
