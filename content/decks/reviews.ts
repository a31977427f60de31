// The hand reviews of shipped decks, by deck id, so the CLI can regenerate a shipped deck from its
// plan (`npm run deck -- PLAN --review ID --json`). Kept apart from index.ts, which loads the
// generated JSON, so that loading a deck never pulls the importer into a client bundle.
import type { DeckReview } from "../review";
import { greatLeapIndustryReview } from "./great-leap-industry.review";

export const DECK_REVIEWS: Readonly<Record<string, DeckReview>> = {
  "great-leap-industry": greatLeapIndustryReview,
};
