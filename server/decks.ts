// Where a room's deck comes from: the shipped seed deck by default, or a deck a teacher imported
// (kept in the store, so it survives a restart).
import { type Deck, DeckSchema } from "../content/schema";
import { seedDeck, shippedDecks } from "../content/decks";
import type { Store } from "./store/types";

export interface DeckSource {
  /** null → the shipped deck. Returns null when no such deck exists. */
  get(id: string | null): { id: string | null; deck: Deck } | null;
}

export function createDeckSource(store: Store): DeckSource {
  return {
    get(id) {
      if (id === null || id === "seed") return { id: null, deck: seedDeck };
      const shipped = shippedDecks.find((d) => d.id === id);
      if (shipped) return { id: shipped.id, deck: shipped.deck };
      const rec = store.getDeck(id);
      if (!rec) return null;
      const parsed = DeckSchema.safeParse(rec.deck);
      return parsed.success ? { id, deck: parsed.data } : null;
    },
  };
}
