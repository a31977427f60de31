"use client";
// The decks a teacher can play: the shipped one first, then teachers' own (GET /api/decks), and one
// deck in full (GET /api/decks/:id) when a page needs its team names or cards.
import { useEffect, useState } from "react";
import type { Deck } from "../../content/schema";
import { api } from "./api";

export interface DeckSummary {
  id: string;
  title: string;
  question: string;
  cards: number;
  themes: number;
  needsReview: number;
  createdAt: number | null;
  builtIn: boolean;
}

export interface DeckDetail extends DeckSummary {
  deck: Deck;
  /** The plan it was made from; null for the decks that ship with the game. */
  plan: string | null;
}

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; data: T };

/** Every deck; `reload` after a save or a delete. */
export function useDecks(): { decks: Loaded<DeckSummary[]>; reload: () => void } {
  const [decks, setDecks] = useState<Loaded<DeckSummary[]>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger
  useEffect(() => {
    let live = true;
    void api<{ decks: DeckSummary[] }>("GET", "/api/decks").then((r) => {
      if (!live) return;
      setDecks(r.ok ? { state: "ready", data: r.data.decks } : { state: "failed", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [generation]);
  return { decks, reload: () => setGeneration((g) => g + 1) };
}

/** One deck in full, or null while none is chosen. */
export function useDeck(id: string | null): Loaded<DeckDetail> | null {
  const [deck, setDeck] = useState<Loaded<DeckDetail> | null>(null);
  useEffect(() => {
    if (!id) return setDeck(null);
    let live = true;
    setDeck({ state: "loading" });
    void api<DeckDetail>("GET", `/api/decks/${encodeURIComponent(id)}`).then((r) => {
      if (!live) return;
      setDeck(r.ok ? { state: "ready", data: r.data } : { state: "failed", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [id]);
  return deck;
}

/** The deck to start with: the one asked for if it exists, else the shipped one. */
export function defaultDeckId(decks: DeckSummary[], wanted?: string | null): string | null {
  if (wanted && decks.some((d) => d.id === wanted)) return wanted;
  return decks.find((d) => d.builtIn)?.id ?? decks[0]?.id ?? null;
}
