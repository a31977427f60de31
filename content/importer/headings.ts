// Recognises the plan's block headings — QUESTION, INTRODUCTION, PARAGRAPH n (optionally titled)
// and CONCLUSION — in any case, with or without a colon. A heading needs a separator (":" "." or a
// spaced dash) or nothing after the keyword, so prose that happens to start with "Paragraph" or
// "Question" is not mistaken for one.

export type Heading =
  | { kind: "question"; rest: string }
  | { kind: "introduction"; rest: string }
  | { kind: "paragraph"; number: number; rest: string }
  | { kind: "conclusion"; rest: string };

/** Text after a heading keyword: "" when the line ends there, the rest after a separator, else null. */
function afterSeparator(tail: string): string | null {
  if (tail.trim() === "") return "";
  const m =
    /^\s*[:：.]\s*(.*)$/.exec(tail) ?? /^\s+[-–—]\s*(.*)$/.exec(tail) ?? /^\s*\((.*)\)\s*$/.exec(tail);
  return m ? m[1]!.trim() : null;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/** A paragraph number written as digits, a word or a Roman numeral; null if it is none of these. */
export function readNumber(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d{1,6}$/.test(t)) return Number(t);
  if (t in WORD_NUMBERS) return WORD_NUMBERS[t]!;
  const roman = ROMAN.indexOf(t);
  return roman >= 0 ? roman + 1 : null;
}

/** The heading a line opens, or null if the line is ordinary text. */
export function readHeading(line: string): Heading | null {
  let m = /^(?:essay\s+)?question(.*)$/i.exec(line);
  if (m) {
    const rest = afterSeparator(m[1]!);
    return rest === null ? null : { kind: "question", rest };
  }
  m = /^intro(?:duction)?(.*)$/i.exec(line);
  if (m) {
    const rest = afterSeparator(m[1]!);
    return rest === null ? null : { kind: "introduction", rest };
  }
  m = /^conclu(?:sion|ding paragraph)(.*)$/i.exec(line);
  if (m) {
    const rest = afterSeparator(m[1]!);
    return rest === null ? null : { kind: "conclusion", rest };
  }
  m = /^para(?:graph)?\.?\s*([a-z0-9]+)(.*)$/i.exec(line);
  if (m) {
    const number = readNumber(m[1]!);
    const rest = afterSeparator(m[2]!);
    return number === null || rest === null ? null : { kind: "paragraph", number, rest };
  }
  return null;
}

/**
 * Whether the text after "PARAGRAPH n:" is a theme title ("Experts and planning") rather than the
 * paragraph's first sentence: titles are short and do not end like a sentence.
 */
export function looksLikeTitle(rest: string): boolean {
  const words = rest.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 8 && rest.length <= 80 && !/[.!?]$/.test(rest);
}
