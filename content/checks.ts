// Checks a deck against the promises the game relies on beyond what DeckSchema can see: every card's
// source is the plan's own wording, and relations respect sides (a card supports its own side and
// rebuts the other). Used by the tests, and usable by anyone holding a deck and its plan.
import { foldWhitespace, normalisePlanText } from "./importer/normalise";
import type { Card, Deck } from "./schema";

/** Cards whose source is not found word for word in the plan (after normalisation, whitespace folded). */
export function untracedCards(deck: Deck, plan: string): Card[] {
  const text = foldWhitespace(normalisePlanText(plan));
  return deck.cards.filter((c) => !text.includes(foldWhitespace(c.source)));
}

/** Relations that break the rules of sides, as readable lines; empty when all is well. */
export function relationProblems(deck: Deck): string[] {
  const byId = new Map(deck.cards.map((c) => [c.id, c]));
  const problems: string[] = [];
  const compatible = (a: Card, b: Card) => a.side === "either" || b.side === "either" || a.side === b.side;
  for (const c of deck.cards) {
    for (const id of c.supports) {
      const target = byId.get(id);
      if (!target) problems.push(`${c.id} supports missing ${id}`);
      else if (id === c.id) problems.push(`${c.id} supports itself`);
      else if (!compatible(c, target)) problems.push(`${c.id} (${c.side}) supports ${id} (${target.side})`);
    }
    for (const id of c.rebuts) {
      const target = byId.get(id);
      if (!target) problems.push(`${c.id} rebuts missing ${id}`);
      else if (id === c.id) problems.push(`${c.id} rebuts itself`);
      else if (c.side !== "either" && c.side === target.side)
        problems.push(`${c.id} rebuts its own side's ${id}`);
    }
  }
  return problems;
}
