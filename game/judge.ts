// The auto-judge: marks a team's paragraph from card data alone (theme, side, kind, the plan's
// supports/rebuts relations, completeness) and says in one line what each mark was for, and what
// would earn the next one. It measures four things (0..1); the rubric — data — turns them into marks.
import type { Card, Deck } from "../content/schema";
import { cardIndex, fitsSlot, isSpecific } from "./cards";
import { answers, answersBack, canFill, isRelevant, onSide, parOf, tied } from "./relevance";
import { slotName } from "./draft";
import { otherSide } from "./lobby";
import type { Measure, Rubric } from "./rubric";
import type { GameContext, Judgement, Mark, Paragraph, Played, RoundRecord, SlotId, TeamSide } from "./types";
import { PARAGRAPH_SLOTS } from "./types";

interface Measured {
  /** Raw marks on the measure's own scale (knowledge 0–3, analysis 0–3, evaluation 0–2, structure 0–1). */
  raw: number;
  /** What earned the marks, and what would earn more: one line a student can act on. */
  reason: string;
}

interface Reading {
  team: TeamSide;
  theme: string;
  themeTitle: string;
  deck: Deck;
  cards: Map<string, Card>;
  paragraph: Paragraph;
  round: RoundRecord;
}

function cardIn(r: Reading, played: Played | undefined): Card | undefined {
  return played?.kind === "card" ? r.cards.get(played.card) : undefined;
}

function themeTitle(ctx: GameContext, theme: string): string {
  return ctx.deck.themes.find((t) => t.id === theme)?.title ?? theme;
}

function relevant(r: Reading, card: Card, slot: SlotId): boolean {
  return isRelevant(r.deck, r.team, r.theme, card, slot);
}

function knowledge(r: Reading): Measured {
  const seen = new Set<string>();
  const good: Card[] = [];
  let offTheme = 0;
  let offSide = 0;
  let own = 0;
  for (const slot of ["evidence1", "evidence2"] as const) {
    const played = r.paragraph[slot];
    if (played?.kind === "own") own++;
    const card = cardIn(r, played);
    if (!card || seen.has(card.id)) continue;
    seen.add(card.id);
    if (!onSide(card, r.team)) offSide++;
    else if (!relevant(r, card, slot)) offTheme++;
    else good.push(card);
  }
  // Specific means specific to this theme: evidence borrowed from another theme can be relevant but not specific.
  const specific = good.some((c) => c.theme === r.theme && isSpecific(c));
  const raw = Math.min(2, good.length) + (specific ? 1 : 0);
  let reason: string;
  if (good.length === 0)
    reason =
      offSide > 0
        ? "Your evidence argues for the other side: choose evidence that backs your Point."
        : offTheme > 0
          ? `Your evidence is about another theme: choose evidence about ${r.themeTitle}.`
          : own > 0
            ? "Your own evidence: your teacher marks it; a card from the plan would earn marks here."
            : `No evidence: play Evidence cards about ${r.themeTitle}.`;
  else if (raw === 3) reason = "Two relevant pieces of evidence, with figures or dates.";
  else if (!specific) reason = "Relevant evidence; a figure or a date would make it specific.";
  else reason = "Specific, relevant evidence; a second piece would make it stronger.";
  return { raw, reason };
}

function analysis(r: Reading): Measured {
  const played = r.paragraph.explanation;
  const card = cardIn(r, played);
  if (!card) {
    return {
      raw: 0,
      reason:
        played?.kind === "own"
          ? "Your own explanation: your teacher marks it."
          : "No explanation: add one that says why your evidence answers the question.",
    };
  }
  const side = onSide(card, r.team);
  const theme = relevant(r, card, "explanation");
  const others = PARAGRAPH_SLOTS.filter((s) => s !== "explanation")
    .map((s) => cardIn(r, r.paragraph[s]))
    .filter((c): c is Card => c !== undefined);
  // Tied to the Point or Evidence played with it, by the plan — on this theme (a borrowed explanation
  // can be relevant, but the plan never tied it to this theme's argument).
  const link = side && card.theme === r.theme && others.some((c) => tied(card, c));
  const raw = (side ? 1 : 0) + (side && theme ? 1 : 0) + (link ? 1 : 0);
  let reason: string;
  if (!side) reason = "Your explanation argues for the other side: pick one that backs your Point.";
  else if (!theme) reason = `Your explanation is about another theme: explain ${r.themeTitle}.`;
  else if (raw === 3) reason = "Your explanation shows why your evidence answers the question.";
  else reason = "Relevant explanation; choose one that explains the Point and Evidence you played.";
  return { raw, reason };
}

function evaluation(r: Reading): Measured {
  const other = otherSide(r.team);
  const mine = r.round.counters[r.team];
  const theirs = r.round.counters[other];
  let raw = 0;
  const notes: string[] = [];
  // 1. Our counter answers the card it targets.
  const counter = cardIn(r, mine?.played);
  const targetPlayed = mine ? r.round.paragraphs[other][mine.target] : undefined;
  const target = cardIn(r, targetPlayed);
  if (counter && target) {
    if (answers(counter, target, r.team, r.theme)) {
      raw++;
      notes.push("your counter answers their card");
    } else notes.push(`your counter does not answer their ${slotName(mine?.target ?? "point")}`);
  } else if (mine?.played.kind === "own") notes.push("your own counter is for your teacher to mark");
  else notes.push("no counter played");
  // 2. Our Link answers back: it rebuts the counter played against us, or the other side's argument
  //    on this theme (the plan's However that the Link was written to answer).
  const link = cardIn(r, r.paragraph.link);
  const against = cardIn(r, theirs?.played);
  if (link && answersBack(r.deck, r.team, r.theme, link, against)) {
    raw++;
    notes.push("your Link answers back");
  } else if (link && onSide(link, r.team)) notes.push("your Link does not answer the other side's argument");
  else
    notes.push(
      r.paragraph.link?.kind === "own" ? "your own Link is for your teacher to mark" : "no Link on your side",
    );
  const reason =
    raw === 2
      ? "Your counter answers their card and your Link answers back."
      : `${capitalise(notes.join("; "))}.`;
  return { raw, reason };
}

function structure(r: Reading): Measured {
  const p = r.paragraph;
  const needed = (["point", "evidence1", "explanation", "link"] as const).filter((s) =>
    canFill(r.deck, r.team, r.theme, s),
  );
  const missing = needed.filter((s) => !(s === "evidence1" ? p.evidence1 || p.evidence2 : p[s]));
  if (missing.length > 0) {
    const names = missing.map((s) => (s === "evidence1" ? "Evidence" : slotName(s)));
    return { raw: 0, reason: `Incomplete chain: add ${names.join(", ")}.` };
  }
  for (const slot of PARAGRAPH_SLOTS) {
    const card = cardIn(r, p[slot]);
    if (card && !onSide(card, r.team))
      return { raw: 0, reason: `Your ${slotName(slot)} argues for the other side.` };
  }
  const whole = p.point && (p.evidence1 || p.evidence2) && p.explanation && p.link;
  return {
    raw: 1,
    reason: whole
      ? "A complete Point–Evidence–Explanation–Link chain on your side."
      : "As complete a chain as your side's cards allow; write your own sentence for the missing part.",
  };
}

const MEASURE_FNS: Record<Measure, (r: Reading) => Measured> = { knowledge, analysis, evaluation, structure };
const RAW_MAX: Record<Measure, number> = { knowledge: 3, analysis: 3, evaluation: 2, structure: 1 };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function slotFeedback(
  r: Reading,
  slot: SlotId,
  played: Played | undefined,
): { slot: SlotId; line: string; ok: boolean } {
  if (!played) return { slot, line: `Empty: no ${slotName(slot)}.`, ok: false };
  if (played.kind === "own") return { slot, line: "Your own sentence: your teacher marks it.", ok: true };
  const card = r.cards.get(played.card);
  if (!card) return { slot, line: "Unknown card.", ok: false };
  if (!fitsSlot(card, slot))
    return { slot, line: `A ${card.kind} card does not belong in the ${slotName(slot)} slot.`, ok: false };
  if (!onSide(card, r.team)) return { slot, line: "This card argues for the other side.", ok: false };
  if (slot !== "counter" && !relevant(r, card, slot))
    return { slot, line: `On your side, but about another theme, not ${r.themeTitle}.`, ok: false };
  if ((slot === "evidence1" || slot === "evidence2") && !isSpecific(card))
    return { slot, line: "Relevant; a figure or date would make it specific.", ok: true };
  return { slot, line: "On theme and on your side.", ok: true };
}

/** The auto-judge's marks for one team in one round, under any rubric. */
export function judge(ctx: GameContext, round: RoundRecord, team: TeamSide, rubric: Rubric): Judgement {
  const r: Reading = {
    team,
    theme: round.theme,
    themeTitle: themeTitle(ctx, round.theme),
    deck: ctx.deck,
    cards: cardIndex(ctx.deck),
    paragraph: round.paragraphs[team],
    round,
  };
  const par = parOf(ctx.deck, team, round.theme);
  const scored = {} as Record<Measure, { score: number; reason: string }>;
  for (const m of Object.keys(MEASURE_FNS) as Measure[]) {
    const { raw, reason } = MEASURE_FNS[m](r);
    // Marked against par: what this side's own cards could earn on this theme at best.
    const score = par[m] > 0 ? Math.min(1, raw / par[m]) : raw > 0 ? 1 : 0;
    const capped = par[m] < RAW_MAX[m] && raw >= par[m] && par[m] > 0;
    scored[m] = {
      score,
      reason: capped ? `${reason} That is the best your side's cards allow here.` : reason,
    };
  }
  const marks: Mark[] = rubric.criteria.map((c) => {
    const parts = c.measures.map((m) => scored[m]);
    const score = parts.reduce((sum, p) => sum + p.score, 0) / parts.length;
    const weakest = parts.reduce((a, b) => (b.score < a.score ? b : a));
    return { criterion: c.id, marks: Math.round(score * c.max), max: c.max, reason: weakest.reason };
  });
  const feedback = PARAGRAPH_SLOTS.map((slot) => slotFeedback(r, slot, round.paragraphs[team][slot]));
  const counter = round.counters[team];
  feedback.push(
    counter
      ? slotFeedback(r, "counter", counter.played)
      : { slot: "counter", line: "No counter played.", ok: false },
  );
  return { marks, total: marks.reduce((s, m) => s + m.marks, 0), feedback };
}

/** Marks as stored: criterion id → marks. */
export function marksOf(j: Judgement): Record<string, number> {
  return Object.fromEntries(j.marks.map((m) => [m.criterion, m.marks]));
}
