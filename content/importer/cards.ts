// Turns classified parts into cards with their sides and relations.
//
// A paragraph gives its own side a PEEL chain (point, evidence, explanation, link) and the other
// side its However: a counter that rebuts the point (and the evidence it names), plus
// counter-evidence when the However lists facts of its own. A sentence that concedes the other side
// ("Despite early success … By 1962 the plan had failed …") gives a card to each side. Because the
// plan's Link answers its However, the Link's claim is also dealt as a counter for the paragraph's
// side (`pN-link-counter`), so both teams have something to rebut with.
//
// Ids: p1-point, p1-evidence-1, p1-evidence-2, p1-explanation, p1-counter, p1-counter-evidence-1,
// p1-link, p1-link-counter, intro-scene, concl-summarise …; "-2", "-3" for more cards from one part.
import type { Card, CardKind, PlanPart, Side, TeamSide } from "../schema";
import { chunkText, type Chunk, type ConclusionLabel, type IntroLabel, type ParagraphLabel } from "./chunks";
import type { Parts } from "./classify";
import { CONCESSION_OPENER } from "./cues";
import type { Claim } from "./question";
import { PlanRefusal } from "./refusal";
import { GROUP_LIMIT, groupSentences, splitConcession, splitSentences, type Span } from "./sentences";
import { opposite, sideOfScore, supportingSide } from "./sides";
import { stanceScore } from "./stance";
import { tidyText } from "./text";

/** The schema's limit on a card's source. */
const MAX_SOURCE = 4000;
/**
 * How clearly a context part must lean to be one-sided. The Outline and the Conclusion's parts give
 * the essay's verdict, so an ordinary lean counts. Setting the scene and attacking (defining) the
 * question argue nothing: they mention successes or the question's words in passing ("Encouraged by
 * the successes of the first five year plan …", '"Too harsh" means …'), so they are always "either".
 */
const CONTEXT_CLEAR: Readonly<Record<IntroLabel | ConclusionLabel, number>> = {
  scene: Number.POSITIVE_INFINITY,
  attack: Number.POSITIVE_INFINITY,
  outline: 2,
  signpost: 2,
  summarise: 2,
  significance: 2,
};

export interface CardContext {
  claim: Claim;
  /** Proper names from the question, for restoring their case in card text. */
  names: readonly string[];
}

/** A piece of a part's text on its way to becoming a card. */
interface Piece {
  source: string;
  /** True for the conceded half of a sentence: it argues the other side. */
  conceded: boolean;
}

export interface ParagraphInput {
  number: number;
  theme: string;
  side: TeamSide | null;
  parts: Parts<ParagraphLabel>;
}

export function paragraphCards(p: ParagraphInput, ctx: CardContext): Card[] {
  const n = p.number;
  const other = p.side ? opposite(p.side) : null;
  const base = { theme: p.theme, paragraph: n };
  const make = (id: string, kind: CardKind, part: PlanPart, side: TeamSide | null, piece: Piece): Card =>
    card({ ...base, id, kind, part, side, source: piece.source, conceded: piece.conceded }, ctx);

  const points = p.parts.point
    .flatMap(wholeOrGroups)
    .map((piece, i) => make(suffix(`p${n}-point`, i), "point", "point", p.side, piece));

  const evidencePieces = p.parts.evidence.flatMap((c) => groupsWithConcessions(c, p.side !== null));
  const evidence = evidencePieces.map((piece, i) => {
    const side = piece.conceded ? other : supportingSide(piece.source, p.side, ctx.claim);
    return make(`p${n}-evidence-${i + 1}`, "evidence", "evidence", side, piece);
  });

  const explanations = p.parts.explanation
    .flatMap((c) => groupsWithConcessions(c, false))
    .map((piece, i) =>
      make(
        suffix(`p${n}-explanation`, i),
        "explanation",
        "explanation",
        supportingSide(piece.source, p.side, ctx.claim),
        piece,
      ),
    );

  const counters: Card[] = [];
  const counterEvidence: Card[] = [];
  for (const chunk of p.parts.however) {
    const groups = groupsWithConcessions(chunk, false);
    const whole = chunkText(chunk);
    const counterPiece =
      whole.length <= MAX_SOURCE && groups.length <= 3 ? { source: whole, conceded: false } : groups[0]!;
    counters.push(make(suffix(`p${n}-counter`, counters.length), "counter", "however", other, counterPiece));
    // A However that lists several facts also hands the other side evidence, one card per fact.
    if (groups.length > 1) {
      for (const piece of groups) {
        const id = `p${n}-counter-evidence-${counterEvidence.length + 1}`;
        counterEvidence.push(make(id, "evidence", "however", other, piece));
      }
    }
  }

  const links = p.parts.link
    .flatMap(wholeOrGroups)
    .map((piece, i) =>
      make(suffix(`p${n}-link`, i), "link", "link", supportingSide(piece.source, p.side, ctx.claim), piece),
    );
  const linkCounter =
    counters.length > 0 && links.length > 0
      ? [
          make(`p${n}-link-counter`, "counter", "link", p.side, {
            source: claimOfLink(links[0]!.source),
            conceded: false,
          }),
        ]
      : [];

  // Relations, from the paragraph's structure.
  const ids = (cards: Card[]) => cards.map((c) => c.id);
  const sameSide = (a: Card, b: Card) => a.side === b.side || a.side === "either" || b.side === "either";
  for (const c of evidence) {
    if (evidencePieces[evidence.indexOf(c)]!.conceded) {
      c.supports = ids(counters);
      c.rebuts = ids(points);
    } else c.supports = ids(points.filter((pt) => sameSide(pt, c)));
  }
  for (const c of explanations) c.supports = ids(points.filter((pt) => sameSide(pt, c)));
  for (const c of counters) {
    const named = evidence.filter((e) => !sameSide(e, c) && overlap(e.source, c.source) >= 2);
    c.rebuts = [...ids(points), ...ids(named)];
  }
  for (const c of counterEvidence) c.supports = ids(counters);
  for (const c of links) {
    c.supports = ids(points.filter((pt) => sameSide(pt, c)));
    c.rebuts = ids(counters);
  }
  const conceded = evidence.filter((_, i) => evidencePieces[i]!.conceded);
  for (const c of linkCounter) c.rebuts = [...ids(counters), ...ids(counterEvidence), ...ids(conceded)];

  return [...points, ...evidence, ...explanations, ...counters, ...counterEvidence, ...links, ...linkCounter];
}

/** Cards of the introduction or conclusion: context cards, "either" unless a part clearly leans. */
export function contextCards<L extends IntroLabel | ConclusionLabel>(
  prefix: "intro" | "concl",
  parts: Parts<L>,
  order: readonly L[],
  theme: string,
  ctx: CardContext,
): Card[] {
  const cards: Card[] = [];
  for (const part of order) {
    const chunks = parts[part];
    if (chunks.length === 0) continue;
    const side = sideOfScore(stanceScore(chunks.map(chunkText).join(" "), ctx.claim), CONTEXT_CLEAR[part]);
    chunks
      .flatMap((c) => groupsWithConcessions(c, side !== null))
      .forEach((piece, i) => {
        const pieceSide = piece.conceded && side ? opposite(side) : side;
        const id = suffix(`${prefix}-${part}`, i);
        cards.push(
          card(
            {
              id,
              kind: "context",
              part,
              side: pieceSide,
              theme,
              paragraph: null,
              source: piece.source,
              conceded: piece.conceded,
            },
            ctx,
            false,
          ),
        );
      });
  }
  return cards;
}

interface CardSpec {
  id: string;
  kind: CardKind;
  part: PlanPart;
  side: TeamSide | null;
  theme: string;
  paragraph: number | null;
  source: string;
  conceded: boolean;
}

/** One card; a null side means the plan did not make it clear, so the teacher is asked (unless context). */
function card(spec: CardSpec, ctx: CardContext, reviewIfUnclear = true): Card {
  const side: Side = spec.side ?? "either";
  return {
    id: spec.id,
    kind: spec.kind,
    side,
    theme: spec.theme,
    text: tidyText(spec.source, {
      names: ctx.names,
      dropConcessionOpener: spec.conceded,
      // A counter or link opens with its "However"/"Nevertheless" on purpose; a fact card does not.
      dropConnective: spec.kind === "evidence" || spec.kind === "explanation" || spec.kind === "context",
    }),
    source: spec.source,
    supports: [],
    rebuts: [],
    paragraph: spec.paragraph,
    part: spec.part,
    review: reviewIfUnclear && spec.side === null,
  };
}

function suffix(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index + 1}`;
}

/** A part that is normally one claim (point, However, link) stays whole unless it is long. */
function wholeOrGroups(chunk: Chunk): Piece[] {
  const text = chunkText(chunk);
  if (text.length <= 2 * GROUP_LIMIT) return [{ source: text, conceded: false }];
  return groupsWithConcessions(chunk, false);
}

/** A part's text cut into card-sized groups; with `concessions`, conceded halves become their own pieces. */
function groupsWithConcessions(chunk: Chunk, concessions: boolean): Piece[] {
  const text = chunkText(chunk);
  const pieces: Piece[] = [];
  for (const group of groupSentences(text, splitSentences(text), concessions)) {
    const split = concessions ? splitConcession(text, group) : null;
    // The claim first, then what it concedes: the claim keeps the part's own id.
    if (split) pieces.push(piece(text, split.main, chunk, false), piece(text, split.concession, chunk, true));
    else pieces.push(piece(text, group, chunk, false));
  }
  return pieces;
}

function piece(text: string, span: Span, chunk: Chunk, conceded: boolean): Piece {
  const source = text.slice(span.start, span.end).trim();
  if (source.length > MAX_SOURCE) {
    throw new PlanRefusal(
      chunk.line,
      `a sentence of ${source.length} characters: expected plan notes in sentences of under ${MAX_SOURCE} characters`,
    );
  }
  return { source, conceded };
}

/** A link's own claim, without the clause that concedes the However it answers. */
function claimOfLink(source: string): string {
  const comma = source.indexOf(",");
  if (CONCESSION_OPENER.test(source) && comma > 0 && source.length - comma > 20)
    return source.slice(comma + 1).trim();
  return source;
}

// Words too common to show that a counter targets a piece of evidence.
const COMMON = new Set(
  "that this these those which with were have from their there they what when would could should been into than then also only some such more most very however furthermore moreover nevertheless although despite because therefore during about".split(
    " ",
  ),
);

/** How many content words two texts share (crudely stemmed): a counter "names" evidence it overlaps. */
function overlap(a: string, b: string): number {
  const stems = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3 && !COMMON.has(w))
        .map((w) => w.replace(/(?:ly|ies|es|s|ed|ing)$/, "")),
    );
  const bs = stems(b);
  let shared = 0;
  for (const w of stems(a)) if (bs.has(w)) shared++;
  return shared;
}
