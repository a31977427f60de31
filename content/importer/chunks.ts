// Cuts a block's lines into chunks: a labelled part ("Evidence: …", possibly with its text on the
// following lines) or an unlabelled run of lines between blank lines. Chunks keep their line numbers
// so refusals and warnings can point at them. Which part an unlabelled chunk is, is classify.ts's job.
import { COUNTER_CUE, LINK_CUE } from "./cues";
import type { PlanLine } from "./normalise";

/** A label's part, in the vocabulary of the block it appears in. */
export type ParagraphLabel = "point" | "evidence" | "explanation" | "however" | "link";
export type IntroLabel = "scene" | "attack" | "outline";
export type ConclusionLabel = "signpost" | "summarise" | "significance";
export type Label = ParagraphLabel | IntroLabel | ConclusionLabel;

export interface Chunk<L extends Label = Label> {
  /** The part its label names, or null when the plan gives no label. */
  label: L | null;
  /** The label as written, lower-cased ("evidence 1", "e"), or null when unlabelled. */
  word: string | null;
  /** Line of the label (or of the first text line when unlabelled). */
  line: number;
  /** The text, line by line; joined with single spaces to make the chunk's text. */
  lines: PlanLine[];
}

type LabelTable<L extends Label> = ReadonlyArray<readonly [RegExp, L]>;

// Each pattern is the label's words only; the separator is matched by readLabel.
export const PARAGRAPH_LABELS: LabelTable<ParagraphLabel> = [
  [/point|main point|claim|topic sentence|p/, "point"],
  [/evidence|examples?|e/, "evidence"],
  [/explanation|explain|analysis|analyse|analyze|expl|ex|why (?:this|it) matters/, "explanation"],
  [
    /however|counter(?:[- ]?(?:argument|point|claim)s?)?|alternative (?:view|argument)|on the other hand|rebuttal|other side/,
    "however",
  ],
  [/link(?: back)?(?: to the question)?|mini[- ]?judg(?:e)?ment|judg(?:e)?ment|l/, "link"],
];

export const INTRO_LABELS: LabelTable<IntroLabel> = [
  [/set(?:ting)? the scene|scene|background|context/, "scene"],
  [/attack(?:ing)? the question|address(?:ing)? the question|attack|define|definitions?|key terms/, "attack"],
  [
    /outline(?: (?:your|the))?(?: (?:argument|answer|line of argument))?|line of argument|thesis|argument/,
    "outline",
  ],
];

export const CONCLUSION_LABELS: LabelTable<ConclusionLabel> = [
  [/signpost(?: (?:your|the))?(?: conclusion)?/, "signpost"],
  [/summari[sz]e(?: (?:your|the))?(?: argument)?|summary/, "summarise"],
  [
    /consider(?: the)? significance|significance|(?:final |overall )?judg(?:e)?ment|verdict|(?:final )?evaluation/,
    "significance",
  ],
];

const compiled = new WeakMap<LabelTable<Label>, RegExp[]>();

/**
 * The label a line opens with and the text after it, or null. A label needs a colon or a spaced
 * dash after it ("Point: …", "Link – …"), or must stand alone on its line ("Explanation"); single
 * letters (the "P: E: E: L:" shorthand) need the colon.
 */
export function readLabel<L extends Label>(
  text: string,
  table: LabelTable<L>,
): { label: L; word: string; rest: string } | null {
  let patterns = compiled.get(table);
  if (!patterns) {
    // "Evidence 2:", "Point (1) –": a number after any label is allowed and ignored.
    patterns = table.map(
      ([words]) =>
        new RegExp(
          `^(?:${words.source})(?:\\s*\\(?\\d{1,2}\\)?)?(?:\\s*[:：]|\\s+[-–—](?=\\s)|\\s*$)\\s*(.*)$`,
          "i",
        ),
    );
    compiled.set(table, patterns);
  }
  for (let i = 0; i < table.length; i++) {
    const m = patterns[i]!.exec(text);
    if (!m) continue;
    const word = text.slice(0, text.length - m[1]!.length).replace(/[\s:：\-–—]+$/, "");
    if (word.length <= 2 && !/[:：]/.test(text.slice(word.length, word.length + 3))) continue;
    return { label: table[i]![1], word: word.toLowerCase(), rest: m[1]!.trim() };
  }
  return null;
}

/** The paragraph part a chunk's opening cue claims, used to stop an empty label swallowing it. */
function cueClaims(text: string): ParagraphLabel | null {
  if (COUNTER_CUE.test(text)) return "however";
  if (LINK_CUE.test(text)) return "link";
  return null;
}

/** Cuts a block into chunks using the given label vocabulary. */
export function chunkBlock<L extends Label>(lines: PlanLine[], table: LabelTable<L>): Chunk<L>[] {
  const chunks: Chunk<L>[] = [];
  let current: Chunk<L> | null = null;
  let blankSince = false;
  for (const line of lines) {
    if (line.text === "") {
      blankSince = true;
      continue;
    }
    const found = readLabel(line.text, table);
    if (found) {
      current = {
        label: found.label,
        word: found.word,
        line: line.n,
        lines: found.rest ? [{ n: line.n, text: found.rest }] : [],
      };
      chunks.push(current);
      blankSince = false;
      continue;
    }
    const waiting = current !== null && current.lines.length === 0;
    // An empty label ("Explanation:" with its text below, even after a blank line) takes the next
    // text, unless that text opens with a cue for another part: "However:" then blank then "Link: …"
    // or "As a result …" leaves the However empty, which is a gap.
    const claimed = waiting ? cueClaims(line.text) : null;
    if (current && (!blankSince || (waiting && (claimed === null || claimed === current.label)))) {
      current.lines.push(line);
    } else {
      current = { label: null, word: null, line: line.n, lines: [line] };
      chunks.push(current);
    }
    blankSince = false;
  }
  return chunks;
}

/** A chunk's text: its lines joined with single spaces (the plan's whitespace, folded). */
export function chunkText(chunk: Chunk): string {
  return chunk.lines
    .map((l) => l.text)
    .join(" ")
    .trim();
}

/** The part of a chunk between two offsets of its text, keeping the line each piece is on. */
export function sliceChunk<L extends Label>(chunk: Chunk<L>, start: number, end: number): Chunk<L> {
  const lines: PlanLine[] = [];
  let offset = 0;
  for (const line of chunk.lines) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + line.text.length);
    if (to > from) {
      const text = line.text.slice(from - offset, to - offset).trim();
      if (text) lines.push({ n: line.n, text });
    }
    offset += line.text.length + 1;
  }
  return { label: chunk.label, word: chunk.word, line: lines[0]?.n ?? chunk.line, lines };
}
