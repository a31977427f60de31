// The plan importer's public face: `parsePlan(text)` turns a teacher's essay plan into a validated
// Deck, or refuses it with the line and what was expected. Pure TypeScript with no I/O, so the server,
// the browser and the CLI all run the same code. The stages, each in its own module:
//   guard      → refuse empty, huge, binary or garbage text before reading it
//   normalise  → CRLF, tabs, curly quotes, ½ ¾, Word leftovers → numbered plain lines
//   sections   → QUESTION / INTRODUCTION / PARAGRAPH n / CONCLUSION blocks
//   chunks     → labelled parts and unlabelled runs of lines
//   classify   → which part each chunk is (labels, else order and cue words)
//   question   → the claim asked about and the team labels
//   sides      → the thesis and each paragraph's side
//   cards      → cards, their sides and supports/rebuts relations
//   themes     → theme titles and ids
import { CONTEXT_THEME, DeckSchema, type Deck, type Gap, type TeamSide } from "../schema";
import { paragraphCards, contextCards, type CardContext } from "./cards";
import { chunkBlock, chunkText, CONCLUSION_LABELS, INTRO_LABELS, PARAGRAPH_LABELS } from "./chunks";
import {
  classifyContext,
  classifyParagraph,
  CONCLUSION_PARTS,
  INTRO_PARTS,
  PARAGRAPH_PARTS,
} from "./classify";
import { DEFAULT_MAX_CHARS, guardText } from "./guard";
import { planLines } from "./normalise";
import { readQuestion, type SideLabels } from "./question";
import { PlanRefusal, type PlanError } from "./refusal";
import { splitSections } from "./sections";
import { paragraphSide, readThesis } from "./sides";
import { properNames } from "./text";
import { buildThemes, questionWords, titleFromPoint } from "./themes";

export { foldWhitespace, normalisePlanText } from "./normalise";
export type { PlanError } from "./refusal";
export type { SideLabels } from "./question";
export { DEFAULT_MAX_CHARS } from "./guard";

export interface ParsePlanOptions {
  /** Refuse text longer than this many characters (default 1,000,000, about 1 MB). */
  maxChars?: number;
  /** Team labels to use instead of the ones derived from the question. */
  sides?: Partial<SideLabels>;
  /** Theme titles by paragraph number, used where the plan's heading gives none. */
  themeTitles?: Readonly<Record<number, string>>;
  /** The essay's line, when the teacher knows better than the Outline and Conclusion say. */
  thesis?: TeamSide;
}

export type ParsePlanResult = { ok: true; deck: Deck; warnings: string[] } | { ok: false; error: PlanError };

/** Reads an essay plan into a Deck. Never throws for any input text; never returns a half-built deck. */
export function parsePlan(text: string, options: ParsePlanOptions = {}): ParsePlanResult {
  try {
    return { ok: true, ...readPlan(text, options) };
  } catch (error) {
    if (error instanceof PlanRefusal)
      return { ok: false, error: { line: error.line, message: error.message } };
    throw error;
  }
}

function readPlan(text: string, options: ParsePlanOptions): { deck: Deck; warnings: string[] } {
  if (typeof text !== "string") throw new PlanRefusal(1, "expected the plan as text");
  guardText(text, options.maxChars ?? DEFAULT_MAX_CHARS);
  const sections = splitSections(planLines(text));
  const warnings = [...sections.warnings];
  const question = sections.question.text;
  const reading = readQuestion(question);
  const ctx: CardContext = { claim: reading.claim, names: properNames(question) };

  const intro = classifyContext(chunkBlock(sections.intro?.lines ?? [], INTRO_LABELS), INTRO_PARTS);
  const conclusion = classifyContext(
    chunkBlock(sections.conclusion?.lines ?? [], CONCLUSION_LABELS),
    CONCLUSION_PARTS,
  );
  const paragraphs = sections.paragraphs.map((block) => ({
    block,
    ...classifyParagraph(block.number, block.line, chunkBlock(block.lines, PARAGRAPH_LABELS)),
  }));

  const thesisTexts = [
    ...intro.outline,
    ...conclusion.signpost,
    ...conclusion.summarise,
    ...conclusion.significance,
  ].map(chunkText);
  const thesis = options.thesis ?? readThesis(thesisTexts, reading.claim);
  if (!thesis)
    warnings.push(
      "the Outline and Conclusion do not make the essay's line clear: paragraph sides follow each Point",
    );

  const qWords = questionWords(question);
  const themes = buildThemes(
    paragraphs.map(({ block, parts }) => ({
      number: block.number,
      title:
        block.title ??
        options.themeTitles?.[block.number] ??
        titleFromPoint(chunkText(parts.point[0]!), qWords) ??
        `Paragraph ${block.number}`,
    })),
  );

  const gaps: Gap[] = [];
  const paragraphDecks = paragraphs.map(({ block, parts, unlabelled }, i) => {
    const side = paragraphSide(chunkText(parts.point[0]!), thesis, reading.claim);
    if (unlabelled)
      warnings.push(
        `paragraph ${block.number}: parts are not labelled; read by order and cue words (check them)`,
      );
    if (!side.side)
      warnings.push(`paragraph ${block.number}: its side is unclear; its cards are marked for review`);
    for (const part of PARAGRAPH_PARTS) {
      if (parts[part].length === 0) {
        gaps.push({ paragraph: block.number, part });
        warnings.push(
          `paragraph ${block.number}: no ${part.charAt(0).toUpperCase()}${part.slice(1)} (a gap to write in class)`,
        );
      }
    }
    return paragraphCards({ number: block.number, theme: themes[i]!.id, side: side.side, parts }, ctx);
  });

  const cards = [
    ...contextCards("intro", intro, INTRO_PARTS, CONTEXT_THEME, ctx),
    ...paragraphDecks.flat(),
    ...contextCards("concl", conclusion, CONCLUSION_PARTS, CONTEXT_THEME, ctx),
  ];
  for (const c of cards) if (c.review) warnings.push(`card ${c.id}: side unclear, set it by hand`);

  const deck: Deck = {
    question,
    sides: { ...reading.sides, ...definedLabels(options.sides) },
    themes,
    cards,
    gaps,
  };
  const checked = DeckSchema.safeParse(deck);
  if (!checked.success) {
    // Every check above should make this unreachable; refusing beats returning a deck others would trip on.
    const issue = checked.error.issues[0];
    throw new PlanRefusal(
      sections.question.line,
      `could not build a valid deck: ${issue?.path.join(".")} ${issue?.message}`,
    );
  }
  return { deck: checked.data, warnings };
}

function definedLabels(sides: Partial<SideLabels> | undefined): Partial<SideLabels> {
  const out: Partial<SideLabels> = {};
  if (sides?.failure?.trim()) out.failure = sides.failure.trim().slice(0, 40);
  if (sides?.success?.trim()) out.success = sides.success.trim().slice(0, 40);
  return out;
}
