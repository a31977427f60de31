// A teacher's (or editor's) review of an imported deck, kept as data so a shipped deck stays
// reproducible: plan + importer + review = the deck in content/decks/. The review may rewrite a
// card's student text, set its side, theme or kind, re-cut its source, set its relations, add cards
// drawn from the plan and remove cards. It cannot invent wording: every source, edited or not, must
// still be found in the plan, and the result must pass DeckSchema, or applying the review throws.
import { parsePlan, type ParsePlanOptions } from "./importer";
import { foldWhitespace, normalisePlanText } from "./importer/normalise";
import {
  type Card,
  type CardId,
  type CardKind,
  type Deck,
  DeckSchema,
  type Side,
  type ThemeId,
} from "./schema";

export interface CardEdit {
  text?: string;
  side?: Side;
  theme?: ThemeId;
  kind?: CardKind;
  source?: string;
  supports?: CardId[];
  rebuts?: CardId[];
}

/** A card the importer could not make on its own, placed after `after` in the deck. */
export type AddedCard = Omit<Card, "review"> & { after?: CardId };

export interface DeckReview {
  /** Passed to parsePlan: theme titles, team labels, thesis. */
  options?: ParsePlanOptions;
  /** Edits by card id; every id must exist in the imported deck. */
  edit: Readonly<Record<CardId, CardEdit>>;
  add?: readonly AddedCard[];
  remove?: readonly CardId[];
}

/** Thrown when a review does not fit the deck or the plan: the shipped deck must not be built from it. */
export class ReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewError";
  }
}

/** Applies a review to an imported deck; every card comes out reviewed (`review: false`). */
export function applyReview(deck: Deck, review: DeckReview, plan: string): Deck {
  const planText = foldWhitespace(normalisePlanText(plan));
  const ids = new Set(deck.cards.map((c) => c.id));
  for (const id of [...Object.keys(review.edit), ...(review.remove ?? [])])
    if (!ids.has(id)) throw new ReviewError(`the review names card ${id}, which the importer did not make`);

  const removed = new Set(review.remove ?? []);
  let cards: Card[] = deck.cards
    .filter((c) => !removed.has(c.id))
    .map((c) => ({ ...c, ...review.edit[c.id], review: false }));
  for (const { after, ...added } of review.add ?? []) {
    if (cards.some((c) => c.id === added.id))
      throw new ReviewError(`the review adds card ${added.id}, which already exists`);
    const at = after ? cards.findIndex((c) => c.id === after) : cards.length - 1;
    if (after && at < 0)
      throw new ReviewError(`the review places ${added.id} after ${after}, which is not in the deck`);
    cards = [...cards.slice(0, at + 1), { ...added, review: false }, ...cards.slice(at + 1)];
  }
  for (const c of cards) {
    if (!planText.includes(foldWhitespace(c.source)))
      throw new ReviewError(`card ${c.id}: its source is not the plan's wording: "${c.source}"`);
  }
  const checked = DeckSchema.safeParse({ ...deck, cards });
  if (!checked.success) throw new ReviewError(`the reviewed deck is invalid: ${checked.error.message}`);
  return checked.data;
}

/** Imports a plan and applies its review: how a shipped deck is generated. Throws if either fails. */
export function buildReviewedDeck(plan: string, review: DeckReview): Deck {
  const imported = parsePlan(plan, review.options);
  if (!imported.ok) throw new ReviewError(`line ${imported.error.line}: ${imported.error.message}`);
  return applyReview(imported.deck, review, plan);
}
