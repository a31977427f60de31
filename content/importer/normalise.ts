// Text normalisation: turns whatever a teacher pasted or uploaded (Word exports, CRLF files, curly
// quotes, tabs, fractions, invisible characters) into plain numbered lines the rest of the importer
// can read. Line numbers are kept exactly as an editor would show them, so refusals can name a line.
// A card's `source` is cut from this normalised text, so `normalisePlanText` + `foldWhitespace` is
// also how tests (and anyone else) check that a source really is the plan's own wording.

/** One line of the plan after normalisation; `n` is 1-based, as in an editor. */
export interface PlanLine {
  n: number;
  text: string;
}

// Text decoded with the wrong code page (UTF-8 read as Windows-1252), common in files that went
// through several word processors. Fixed before anything else so the quote rules below apply.
const MOJIBAKE: ReadonlyArray<readonly [string, string]> = [
  ["â€™", "’"],
  ["â€˜", "‘"],
  ["â€œ", "“"],
  ["â€\u009d", "”"],
  ["â€", "”"],
  ["â€“", "–"],
  ["â€”", "—"],
  ["â€¦", "…"],
  ["Â½", "½"],
  ["Â¼", "¼"],
  ["Â¾", "¾"],
  ["Â\u00a0", " "],
];

// Vulgar fractions become ASCII so every screen font, search and the auto-judge read them alike.
const FRACTIONS: Readonly<Record<string, string>> = {
  "¼": "1/4",
  "½": "1/2",
  "¾": "3/4",
  "⅓": "1/3",
  "⅔": "2/3",
  "⅕": "1/5",
  "⅛": "1/8",
  "⅜": "3/8",
  "⅝": "5/8",
  "⅞": "7/8",
};

// Word-processor leftovers that carry no meaning: Word's "[bookmark: _GoBack]" and friends.
const LEFTOVERS = /\[(?:bookmark|anchor):[^\]\n]{0,200}\]/gi;
// Invisible characters: zero-width spaces and joiners, word joiner, BOM, soft hyphen, object replacement.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\ufffc]/g;
// Every kind of space (tab, no-break, thin, ideographic …) becomes a plain space.
const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Markdown or rich-text decoration a pasted plan may carry around headings and labels
// ("## PARAGRAPH 1", "**Point:**", "• Evidence: …"). It never carries meaning in a plan, and it is
// removed here (not later) so that sources cut from the lines are still found in the normalised text.
const DECORATION = /^[ \t]*(?:#{1,6}|[•●▪◦·‣∙*-])[ \t]+/gm;
const EMPHASIS = /\*\*|__/g;
// Control characters other than tab/newline/CR: the guard refuses text full of them; a stray one is dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Normalises the characters of a plan without changing its line structure: CRLF and lone CR become
 * LF, quotes become straight, fractions become a/b, invisible characters and Word bookmarks go.
 */
export function normalisePlanText(raw: string): string {
  let text = raw;
  for (const [bad, good] of MOJIBAKE) if (text.includes(bad)) text = text.split(bad).join(good);
  text = text.replace(/\r\n?/g, "\n");
  // Word's manual line break (vertical tab) and the Unicode line separators only count as line
  // breaks when the text has no ordinary ones; otherwise they are spaces, so line numbers match editors.
  text = text.includes("\n")
    ? text.replace(/[\v\f\u2028\u2029]/g, " ")
    : text.replace(/[\v\f\u2028\u2029]/g, "\n");
  text = text
    .replace(LEFTOVERS, "")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(SPACES, " ")
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    // A digit glued to a fraction ("2½") gets a space so it does not read as "21/2".
    .replace(/(\d)([¼½¾⅓⅔⅕⅛⅜⅝⅞])/g, "$1 $2")
    .replace(/[¼½¾⅓⅔⅕⅛⅜⅝⅞]/g, (f) => FRACTIONS[f] ?? f)
    .replace(DECORATION, "")
    .replace(EMPHASIS, "");
  return text;
}

/** Folds runs of whitespace to one space and trims: how sources are compared with the plan. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Normalises a plan and splits it into numbered lines, trimmed, spaces folded, blank lines kept as "". */
export function planLines(raw: string): PlanLine[] {
  return normalisePlanText(raw)
    .split("\n")
    .map((text, i) => ({ n: i + 1, text: text.replace(/ {2,}/g, " ").trim() }));
}
