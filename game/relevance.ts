// What counts as relevant to a round, and what a side's evidence can achieve on it at best.
//
// The open-slot rule: a card is relevant when it is on the round's theme — or when the team's side
// has no card of that kind on the theme at all, in which case a card of that kind from another
// theme is the best a side can do, and it counts. (The plan's Partial-success cards are few and
// sit mostly in Howevers; the Failure side has almost nothing on the prestige projects.)
//
// Par: the best raw marks a side's own cards could earn on a theme. The auto-judge marks each
// measure against par, so a side is marked on how well it uses the evidence the plan gives it,
// not marked down for the plan's gaps. That is the game's balance: by rules and scoring, never by
// pretending the evidence is even.
import type { Card, Deck } from "../content/schema";
import { cardIndex, fitsSlot, isSpecific, teamCards } from "./cards";
import type { SlotId, TeamSide } from "./types";

export interface Par {
  knowledge: number;
  analysis: number;
  evaluation: number;
  structure: number;
}

type SlotGroup = "point" | "evidence" | "explanation" | "link" | "counter";
const GROUP: Record<SlotId, SlotGroup> = {
  point: "point",
  evidence1: "evidence",
  evidence2: "evidence",
  explanation: "explanation",
  link: "link",
  counter: "counter",
};
const GROUP_SLOT: Record<SlotGroup, SlotId> = {
  point: "point",
  evidence: "evidence1",
  explanation: "explanation",
  link: "link",
  counter: "counter",
};

interface ThemeFacts {
  /** Slot groups for which the side holds at least one fitting card on the theme. */
  onTheme: Set<SlotGroup>;
  /** Slot groups for which the side holds any relevant card at all (on the theme, or by the open-slot rule). */
  available: Set<SlotGroup>;
  par: Par;
}

const cache = new WeakMap<Deck, Map<string, ThemeFacts>>();

export function onSide(card: Card, team: TeamSide): boolean {
  return card.side === team || card.side === "either";
}

function facts(deck: Deck, team: TeamSide, theme: string): ThemeFacts {
  let perDeck = cache.get(deck);
  if (!perDeck) {
    perDeck = new Map();
    cache.set(deck, perDeck);
  }
  const key = `${team}:${theme}`;
  let found = perDeck.get(key);
  if (!found) {
    found = computeFacts(deck, team, theme);
    perDeck.set(key, found);
  }
  return found;
}

export function isRelevant(deck: Deck, team: TeamSide, theme: string, card: Card, slot: SlotId): boolean {
  if (card.theme === theme) return true;
  return !facts(deck, team, theme).onTheme.has(GROUP[slot]);
}

/** Can the side fill this slot from its own cards at all? (Structure asks for a complete chain of
 *  what the side's evidence allows: a slot the plan leaves empty for a side is not held against it.) */
export function canFill(deck: Deck, team: TeamSide, theme: string, slot: SlotId): boolean {
  return facts(deck, team, theme).available.has(GROUP[slot]);
}

/** The relevant cards of one slot for a side on a theme (bots and dealing use it). */
export function relevantCards(deck: Deck, team: TeamSide, theme: string, slot: SlotId): Card[] {
  return teamCards(deck, team).filter(
    (c) => onSide(c, team) && fitsSlot(c, slot) && isRelevant(deck, team, theme, c, slot),
  );
}

export function parOf(deck: Deck, team: TeamSide, theme: string): Par {
  return facts(deck, team, theme).par;
}

/** True when the plan's cards tie `a` to `b` (either supports the other, or both support one card). */
export function tied(a: Card, b: Card): boolean {
  return (
    a.supports.includes(b.id) || b.supports.includes(a.id) || a.supports.some((id) => b.supports.includes(id))
  );
}

/** Does `counter` really answer `target`? The plan says it rebuts the card (or what it backs),
 *  or it argues the team's side on the round's theme against a card of the other side: the other
 *  paragraph is about that theme, whichever cards it was built from. */
export function answers(counter: Card, target: Card, team: TeamSide, theme: string): boolean {
  if (!onSide(counter, team)) return false;
  return (
    counter.rebuts.includes(target.id) ||
    counter.rebuts.some((id) => target.supports.includes(id)) ||
    (counter.theme === theme && target.side !== team && target.side !== "either")
  );
}

/** Does a Link answer back? It rebuts the counter played against the team, or a card of the other
 *  side on this theme (the plan's However it was written to answer). */
export function answersBack(
  deck: Deck,
  team: TeamSide,
  theme: string,
  link: Card,
  against: Card | undefined,
): boolean {
  if (!onSide(link, team)) return false;
  if (against && link.rebuts.includes(against.id)) return true;
  const cards = cardIndex(deck);
  return link.rebuts.some((id) => {
    const c = cards.get(id);
    return c !== undefined && c.theme === theme && c.side !== team && c.side !== "either";
  });
}

function computeFacts(deck: Deck, team: TeamSide, theme: string): ThemeFacts {
  const mine = teamCards(deck, team).filter((c) => onSide(c, team));
  const onTheme = new Set<SlotGroup>();
  for (const group of Object.keys(GROUP_SLOT) as SlotGroup[]) {
    if (mine.some((c) => c.theme === theme && fitsSlot(c, GROUP_SLOT[group]))) onTheme.add(group);
  }
  const relevant = (c: Card, group: SlotGroup) =>
    fitsSlot(c, GROUP_SLOT[group]) && (c.theme === theme || !onTheme.has(group));
  const points = mine.filter((c) => relevant(c, "point"));
  const evidence = mine.filter((c) => relevant(c, "evidence"));
  const explanations = mine.filter((c) => relevant(c, "explanation"));
  const links = mine.filter((c) => relevant(c, "link"));
  const counters = mine.filter((c) => relevant(c, "counter"));

  const knowledge =
    Math.min(2, evidence.length) + (evidence.some((c) => c.theme === theme && isSpecific(c)) ? 1 : 0);
  let analysis = 0;
  for (const x of explanations) {
    const tiedUp = x.theme === theme && [...points, ...evidence].some((c) => tied(x, c));
    analysis = Math.max(analysis, 2 + (tiedUp ? 1 : 0));
  }
  const other: TeamSide = team === "failure" ? "success" : "failure";
  const theirs = teamCards(deck, other).filter(
    (c) => onSide(c, other) && c.theme === theme && c.kind !== "counter",
  );
  const canAnswer = counters.some((c) => theirs.some((t) => answers(c, t, team, theme)));
  const canAnswerBack = links.some((l) => answersBack(deck, team, theme, l, undefined));
  const evaluation = (canAnswer ? 1 : 0) + (canAnswerBack ? 1 : 0);
  const available = new Set<SlotGroup>();
  if (points.length > 0) available.add("point");
  if (evidence.length > 0) available.add("evidence");
  if (explanations.length > 0) available.add("explanation");
  if (links.length > 0) available.add("link");
  if (counters.length > 0) available.add("counter");
  const structure = points.length > 0 ? 1 : 0;
  return { onTheme, available, par: { knowledge, analysis, evaluation, structure } };
}
