// Splits a plan's lines into its blocks: the question, the introduction, the numbered paragraphs
// and the conclusion. This is where a plan's overall shape is checked — one question, at least one
// paragraph, each paragraph number once — and refused with the line that breaks it.
import { CONCLUSION_LABELS, INTRO_LABELS, PARAGRAPH_LABELS, readLabel } from "./chunks";
import { looksLikeTitle, readHeading, type Heading } from "./headings";
import type { PlanLine } from "./normalise";
import { PlanRefusal } from "./refusal";

/** The lines under one heading. */
export interface Block {
  /** Line of the heading itself. */
  line: number;
  /** Content lines (blank ones kept: they separate parts). */
  lines: PlanLine[];
}

export interface ParagraphBlock extends Block {
  number: number;
  /** Title written after the heading ("PARAGRAPH 2: Experts and planning"), if any. */
  title: string | null;
}

export interface PlanSections {
  question: { line: number; text: string };
  intro: Block | null;
  paragraphs: ParagraphBlock[];
  conclusion: Block | null;
  warnings: string[];
}

export const MAX_PARAGRAPHS = 99;
export const MAX_QUESTION_CHARS = 500;

type Open =
  | { kind: "question" | "introduction" | "conclusion" | "preamble"; block: Block }
  | { kind: "paragraph"; block: ParagraphBlock };

/** Reads the blocks of a plan, or throws a PlanRefusal naming the line that does not fit. */
export function splitSections(lines: PlanLine[]): PlanSections {
  const headings = lines
    .map((line) => ({ line, heading: readHeading(line.text) }))
    .filter((h): h is { line: PlanLine; heading: Heading } => h.heading !== null);
  requireQuestion(lines, headings);

  const warnings: string[] = [];
  const preamble: Block = { line: 1, lines: [] };
  let question: Block | null = null;
  let intro: Block | null = null;
  let conclusion: Block | null = null;
  const paragraphs: ParagraphBlock[] = [];
  let open: Open = { kind: "preamble", block: preamble };

  for (const line of lines) {
    const heading = readHeading(line.text);
    if (!heading) {
      open.block.lines.push(line);
      continue;
    }
    const first = (rest: string): PlanLine[] => (rest ? [{ n: line.n, text: rest }] : []);
    switch (heading.kind) {
      case "question":
        if (question) throw duplicate("QUESTION", line.n, question.line, "one question per plan");
        question = { line: line.n, lines: first(heading.rest) };
        open = { kind: "question", block: question };
        break;
      case "introduction":
        if (intro) throw duplicate("INTRODUCTION", line.n, intro.line, "one introduction");
        intro = { line: line.n, lines: first(heading.rest) };
        open = { kind: "introduction", block: intro };
        break;
      case "conclusion":
        if (conclusion) throw duplicate("CONCLUSION", line.n, conclusion.line, "one conclusion");
        conclusion = { line: line.n, lines: first(heading.rest) };
        open = { kind: "conclusion", block: conclusion };
        break;
      case "paragraph": {
        const block = openParagraph(heading.number, heading.rest, line, paragraphs);
        paragraphs.push(block);
        open = { kind: "paragraph", block };
        break;
      }
      default: {
        const never: never = heading;
        throw new Error(`unknown heading ${JSON.stringify(never)}`);
      }
    }
  }

  const q = readQuestion(question!, warnings);
  // Text between the question and the first paragraph with no INTRODUCTION heading is the
  // introduction written without its heading; anything before QUESTION is a title or a note.
  if (!intro) {
    const stray = q.extra;
    if (stray.some((l) => l.text)) {
      intro = { line: stray.find((l) => l.text)!.n, lines: stray };
      warnings.push(
        `line ${intro.line}: no INTRODUCTION heading; read the text after the question as the introduction`,
      );
    } else warnings.push("no INTRODUCTION: the deck has no introduction cards");
  } else if (q.extra.some((l) => l.text)) {
    warnings.push(
      `line ${q.extra.find((l) => l.text)!.n}: text between the question and INTRODUCTION was ignored`,
    );
  }
  const note = preamble.lines.find((l) => l.text);
  if (note) warnings.push(`line ${note.n}: text before QUESTION was ignored`);
  if (!conclusion) warnings.push("no CONCLUSION: the deck has no conclusion cards");
  if (paragraphs.length === 0) {
    const at = conclusion?.line ?? lastTextLine(lines);
    throw new PlanRefusal(
      at,
      conclusion
        ? "expected at least one PARAGRAPH heading (PARAGRAPH 1, PARAGRAPH 2 …) before CONCLUSION; the plan has none"
        : "expected at least one PARAGRAPH heading (PARAGRAPH 1, PARAGRAPH 2 …); the plan has none",
    );
  }
  checkNumbering(paragraphs, warnings);
  return { question: { line: question!.line, text: q.text }, intro, paragraphs, conclusion, warnings };
}

function requireQuestion(lines: PlanLine[], headings: { line: PlanLine; heading: Heading }[]): void {
  if (headings.some((h) => h.heading.kind === "question")) return;
  const firstText = lines.find((l) => l.text);
  const at = firstText?.n ?? 1;
  const found = firstText ? ` (found "${excerpt(firstText.text)}")` : "";
  const hint = firstText?.text.endsWith("?") ? `; add "QUESTION: " in front of the question` : "";
  throw new PlanRefusal(at, `expected a line starting "QUESTION:" with the essay question${found}${hint}`);
}

/**
 * The question is the heading's own text plus the lines after it, up to a blank line, a line that
 * is a part's label ("Set the scene: …" with no INTRODUCTION heading), or the end of the question.
 */
function readQuestion(block: Block, warnings: string[]): { text: string; extra: PlanLine[] } {
  const parts: string[] = [];
  let i = 0;
  while (i < block.lines.length && block.lines[i]!.text === "" && parts.length === 0) i++;
  while (i < block.lines.length) {
    const line = block.lines[i]!.text;
    const asked = parts.length > 0 && /\?["']?$/.test(parts[parts.length - 1]!);
    if (line === "" || asked || (parts.length > 0 && isLabel(line))) break;
    parts.push(line);
    i++;
  }
  const text = parts.join(" ").trim();
  if (!text)
    throw new PlanRefusal(block.line, 'the QUESTION is empty: expected the essay question after "QUESTION:"');
  if (text.length > MAX_QUESTION_CHARS) {
    throw new PlanRefusal(
      block.line,
      `the question is ${text.length} characters long: expected one essay question of under ${MAX_QUESTION_CHARS} characters`,
    );
  }
  if (
    !/[?]$/.test(text) &&
    !/\b(?:how|what|why|to what extent|assess|evaluate|agree|discuss|explain)\b/i.test(text)
  )
    warnings.push(`line ${block.line}: the question does not read like a question; check it`);
  return { text, extra: block.lines.slice(i) };
}

function openParagraph(number: number, rest: string, line: PlanLine, seen: ParagraphBlock[]): ParagraphBlock {
  if (number < 1 || number > MAX_PARAGRAPHS)
    throw new PlanRefusal(line.n, `expected a paragraph number from 1 to ${MAX_PARAGRAPHS}, found ${number}`);
  const earlier = seen.find((p) => p.number === number);
  if (earlier)
    throw duplicate(
      `PARAGRAPH ${number}`,
      line.n,
      earlier.line,
      "each paragraph number once (renumber the paragraphs)",
    );
  const title = rest && looksLikeTitle(rest) ? rest.replace(/[:;,]+$/, "").trim() : null;
  // A long "PARAGRAPH 1: …" line is the paragraph's first sentence, not a title.
  const lines = rest && !title ? [{ n: line.n, text: rest }] : [];
  return { line: line.n, number, title: title || null, lines };
}

function checkNumbering(paragraphs: ParagraphBlock[], warnings: string[]): void {
  paragraphs.forEach((p, i) => {
    if (p.number !== i + 1)
      warnings.push(
        `line ${p.line}: PARAGRAPH ${p.number} is the plan's paragraph ${i + 1}; themes keep the plan's order`,
      );
  });
}

function duplicate(what: string, line: number, firstLine: number, expected: string): PlanRefusal {
  return new PlanRefusal(line, `${what} appears twice (first on line ${firstLine}): expected ${expected}`);
}

function isLabel(line: string): boolean {
  return [INTRO_LABELS, PARAGRAPH_LABELS, CONCLUSION_LABELS].some((table) => readLabel(line, table) !== null);
}

function lastTextLine(lines: PlanLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text) return lines[i]!.n;
  return 1;
}

export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
