// Decides which part of a paragraph (Point, Evidence, Explanation, However, Link) or of the
// introduction/conclusion each chunk is. Labels win. Unlabelled chunks in a labelled paragraph are
// read by their opening cue ("However …" is the counter, "Nevertheless …" after it the link) or else
// continue the part before them. A paragraph with no labels at all is read by order and cues:
// point first, then evidence, explanation, the However, and the closing sentence as the link.
import {
  chunkText,
  sliceChunk,
  type Chunk,
  type ConclusionLabel,
  type IntroLabel,
  type ParagraphLabel,
} from "./chunks";
import { COUNTER_CUE, EXPLANATION_CUE, LINK_CUE } from "./cues";
import { PlanRefusal } from "./refusal";
import { splitSentences } from "./sentences";

export const PARAGRAPH_PARTS: readonly ParagraphLabel[] = [
  "point",
  "evidence",
  "explanation",
  "however",
  "link",
];
export const INTRO_PARTS: readonly IntroLabel[] = ["scene", "attack", "outline"];
export const CONCLUSION_PARTS: readonly ConclusionLabel[] = ["signpost", "summarise", "significance"];

/** A block's chunks sorted into its parts; a part with no text has an empty list. */
export type Parts<L extends string> = Record<L, Chunk[]>;

export interface ClassifiedParagraph {
  parts: Parts<ParagraphLabel>;
  /** True when no chunk carried a label, so order and cues decided everything. */
  unlabelled: boolean;
}

/** Sorts a paragraph's chunks into parts, or refuses a paragraph with no point. */
export function classifyParagraph(number: number, headingLine: number, chunks: Chunk[]): ClassifiedParagraph {
  const parts = emptyParts(PARAGRAPH_PARTS);
  const filled = chunks.filter((c) => c.lines.length > 0);
  const unlabelled = chunks.every((c) => c.label === null);
  if (filled.length === 0) {
    throw new PlanRefusal(
      headingLine,
      `PARAGRAPH ${number} is empty: expected its Point (then Evidence, Explanation, However and Link)`,
    );
  }
  const assigned = unlabelled ? readByOrder(filled) : readLabelled(chunks);
  for (const [part, chunk] of assigned) if (chunk.lines.length > 0) parts[part].push(chunk);
  if (parts.point.length === 0) {
    const emptyPoint = chunks.find((c) => c.label === "point");
    throw new PlanRefusal(
      emptyPoint?.line ?? headingLine,
      emptyPoint
        ? `PARAGRAPH ${number} has an empty Point: expected the paragraph's claim after "Point:"`
        : `PARAGRAPH ${number} has no point: expected a "Point:" line (or the claim as the paragraph's first sentence) before its ${firstLabel(chunks)}`,
    );
  }
  return { parts, unlabelled };
}

function firstLabel(chunks: Chunk[]): string {
  const label = chunks.find((c) => c.label)?.label;
  return label ? `${label.charAt(0).toUpperCase()}${label.slice(1)}` : "other parts";
}

/** Labelled (or partly labelled) paragraph: labels decide; unlabelled chunks by cue or continuation. */
function readLabelled(chunks: Chunk[]): Array<[ParagraphLabel, Chunk]> {
  const out: Array<[ParagraphLabel, Chunk]> = [];
  let previous: ParagraphLabel | null = null;
  let seenLetterE = false;
  for (const chunk of chunks) {
    let part = chunk.label as ParagraphLabel | null;
    // "P: E: E: L:" shorthand: the second E is the explanation.
    if (part === "evidence" && chunk.word === "e") {
      if (seenLetterE) part = "explanation";
      seenLetterE = true;
    }
    if (part === null) {
      const text = chunkText(chunk);
      if (previous === null) part = "point";
      else if (COUNTER_CUE.test(text) && previous !== "however") part = "however";
      else if (LINK_CUE.test(text) && (previous === "however" || previous === "explanation")) part = "link";
      else part = previous;
    }
    out.push([part, chunk]);
    previous = part;
  }
  return out;
}

/**
 * Unlabelled paragraph. A single block of text, or a first chunk of several sentences, is read
 * sentence by sentence: the point is the paragraph's first sentence.
 */
function readByOrder(filled: Chunk[]): Array<[ParagraphLabel, Chunk]> {
  let items = filled;
  const first = items[0]!;
  const sentences = splitSentences(chunkText(first));
  if (sentences.length > 1) {
    const rest = sentences.slice(1);
    const pieces =
      items.length === 1
        ? sentences.map((s) => sliceChunk(first, s.start, s.end))
        : [
            sliceChunk(first, sentences[0]!.start, sentences[0]!.end),
            sliceChunk(first, rest[0]!.start, rest[rest.length - 1]!.end),
          ];
    items = [...pieces, ...items.slice(1)];
  }
  const texts = items.map(chunkText);
  const n = items.length;
  const kinds: ParagraphLabel[] = new Array(n).fill("evidence");
  kinds[0] = "point";
  const however = texts.findIndex((t, i) => i >= 1 && COUNTER_CUE.test(t));
  let middleEnd = n; // exclusive end of the evidence/explanation run
  if (however >= 0) {
    middleEnd = however;
    let link = texts.findIndex((t, i) => i > however && LINK_CUE.test(t));
    if (link < 0 && n - 1 > however) link = n - 1;
    for (let i = however; i < n; i++) kinds[i] = link >= 0 && i >= link ? "link" : "however";
  } else if (n >= 3 && (LINK_CUE.test(texts[n - 1]!) || (n >= 4 && !EXPLANATION_CUE.test(texts[n - 1]!)))) {
    // No counter: the closing sentence is the link when a cue says so, or when there are enough
    // parts before it for a point, evidence and explanation.
    middleEnd = n - 1;
    kinds[n - 1] = "link";
  }
  const middle = middleEnd - 1;
  if (middle >= 2) {
    let explanation = texts.findIndex((t, i) => i >= 2 && i < middleEnd && EXPLANATION_CUE.test(t));
    if (explanation < 0) explanation = middleEnd - 1;
    for (let i = explanation; i < middleEnd; i++) kinds[i] = "explanation";
  }
  return items.map((item, i) => [kinds[i]!, item]);
}

/** Introduction or conclusion: labels decide; without labels the chunks are the parts in order. */
export function classifyContext<L extends IntroLabel | ConclusionLabel>(
  chunks: Chunk[],
  order: readonly L[],
): Parts<L> {
  const parts = emptyParts(order);
  const filled = chunks.filter((c) => c.lines.length > 0);
  const labelled = chunks.some((c) => c.label !== null);
  let previous: L | null = null;
  filled.forEach((chunk, i) => {
    let part: L;
    if (chunk.label !== null) part = chunk.label as L;
    else if (labelled) part = previous ?? order[0]!;
    else part = order[Math.min(i, order.length - 1)]!;
    parts[part].push(chunk);
    previous = part;
  });
  return parts;
}

function emptyParts<L extends string>(order: readonly L[]): Parts<L> {
  return Object.fromEntries(order.map((p) => [p, [] as Chunk[]])) as Parts<L>;
}
