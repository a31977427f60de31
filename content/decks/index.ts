// The decks that ship with Debate Deck. Each is generated from a teacher's plan in content/plans/
// by the importer plus a hand review (see reviews.ts), stored as JSON, and checked against
// DeckSchema here on load, so a hand-edited or stale file fails loudly at start-up, not mid-game.
import { type Deck, DeckSchema } from "../schema";
import greatLeapIndustry from "./great-leap-industry.json" with { type: "json" };

export interface ShippedDeck {
  /** Stable id, also the file name in content/decks/ and the plan's name in content/plans/. */
  id: string;
  /** Short title for pickers. */
  title: string;
  deck: Deck;
}

/** The seed deck: "How accurate is it to say that the Great Leap Forward in Industry (1958–62) was a failure?" */
export const seedDeck: Deck = DeckSchema.parse(greatLeapIndustry);

export const shippedDecks: readonly ShippedDeck[] = [
  { id: "great-leap-industry", title: "The Great Leap Forward in industry, 1958–62", deck: seedDeck },
];

/** A shipped deck by id, or undefined. */
export function findShippedDeck(id: string): ShippedDeck | undefined {
  return shippedDecks.find((d) => d.id === id);
}
