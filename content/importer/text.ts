// Student-facing card text drawn from the plan's wording. The importer cannot summarise, so it
// tidies: fixes slips a teacher would fix (a phrase typed twice, a year glued to the word before it,
// the question's proper names in the wrong case, "1/2 the amount"), punctuates, and keeps the text
// within a card. The plan's own wording is kept untouched in the card's `source`.
import { CONCESSION_OPENER } from "./cues";

/** The longest text a card may carry (the schema's limit). */
export const MAX_TEXT = 280;

// "the the", "attempt to attempt to": a run of one to four words typed twice in a row.
const DOUBLED = /\b([A-Za-z]+(?:\s+[A-Za-z]+){0,3})\s+\1\b/gi;
// Words that are correctly doubled in English.
const LEGIT_DOUBLES = new Set(["had", "that", "is", "do", "very"]);

const FRACTION_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  // "8 1/2 million" reads better as "8.5 million".
  [/\b(\d+) 1\/2\b/g, "$1.5"],
  [/\b(\d+) 1\/4\b/g, "$1.25"],
  [/\b(\d+) 3\/4\b/g, "$1.75"],
  [/\b1\/2 of\b/g, "half of"],
  [/\b1\/4 of\b/g, "a quarter of"],
  [/\b3\/4 of\b/g, "three-quarters of"],
  [/\b1\/2 (?:of )?the\b/g, "half the"],
  [/\b1\/4 (?:of )?the\b/g, "a quarter of the"],
  [/\b3\/4 (?:of )?the\b/g, "three-quarters of the"],
  [/\b1\/3 (?:of )?the\b/g, "a third of the"],
  [/\b2\/3 (?:of )?the\b/g, "two-thirds of the"],
];

// Openers that take a comma in written English; plans often drop it.
const OPENERS =
  /(^|[.!?]\s+)(However|Nevertheless|Nonetheless|Furthermore|Moreover|In addition|Additionally|Overall|Therefore|Thus|In conclusion|As a result|Consequently|Ultimately|In theory|In reality|Finally)\s+(?=[A-Za-z])/g;

/** Proper names of two or more capitalised words in the question ("Great Leap Forward", "New Deal"). */
export function properNames(question: string): string[] {
  const names = question.match(/\b[A-Z][a-z]+(?:\s+(?:of\s+|the\s+)?[A-Z][a-z]+)+\b/g) ?? [];
  // A question's first word is capitalised anyway ("How accurate …"): not part of a name.
  return names
    .map((n) => n.replace(/^(?:How|What|Why|To|Do|Did|Was|Were|Is|Assess|Explain|Evaluate)\s+/, ""))
    .filter((n) => /\s/.test(n));
}

export interface TidyOptions {
  /** Names whose case to restore, from the question. */
  names?: readonly string[];
  /** Drop a leading "Despite"/"Although" (the card is the conceded half of a sentence). */
  dropConcessionOpener?: boolean;
  /** Drop a leading "Furthermore"/"However" that tied this sentence to the one before it in the plan. */
  dropConnective?: boolean;
}

// Connectives that only make sense after the plan's previous sentence, not on a card of its own.
const CONNECTIVE =
  /^(?:however|furthermore|moreover|in addition|additionally|also|besides|what is more|on top of this)\b[,\s]*/i;

/** A card text from a piece of plan wording. */
export function tidyText(source: string, options: TidyOptions = {}): string {
  let text = source.replace(/\s+/g, " ").trim();
  if (options.dropConcessionOpener) text = text.replace(CONCESSION_OPENER, "").replace(/^[\s,]+/, "");
  if (options.dropConnective) text = text.replace(CONNECTIVE, "");
  text = text.replace(DOUBLED, (whole, phrase: string) =>
    LEGIT_DOUBLES.has(phrase.toLowerCase()) ? whole : phrase,
  );
  text = text.replace(/([a-z])((?:1[0-9]|20)[0-9]{2})\b/g, "$1 $2");
  for (const [pattern, words] of FRACTION_WORDS) text = text.replace(pattern, words);
  for (const name of options.names ?? []) text = restoreCase(text, name);
  text = text.replace(OPENERS, "$1$2, ");
  text = text.replace(/\s+([,.;:!?])/g, "$1").replace(/,{2,}/g, ",");
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (/[A-Za-z0-9)'"%]$/.test(text)) text = `${text}.`;
  return fitOnCard(text);
}

function restoreCase(text: string, name: string): string {
  const words = name.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`\\b${words.join("\\s+")}(s?)\\b`, "gi");
  return text.replace(pattern, (_whole, plural: string) => `${name}${plural}`);
}

/** Keeps whole sentences up to MAX_TEXT; a single over-long sentence is cut at a word with "…". */
export function fitOnCard(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(?:\s+|$)/g) ?? [];
  let kept = "";
  for (const s of sentences) {
    if ((kept + s).trimEnd().length > max) break;
    kept += s;
  }
  if (kept.trim()) return kept.trim();
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}
