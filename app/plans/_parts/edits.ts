// A teacher's corrections to the deck a plan makes, kept as the deck should end up (team names,
// theme titles, each card's side and theme) and turned into the server's corrections: only what
// differs from what the importer made, plus the cards the teacher has checked. The server rebuilds
// the deck from the plan and these corrections on every save, so they are always the whole set.
import type { Card, Deck, Side, TeamSide } from "../../../content/schema";
import type { Corrections } from "../../../server/api-decks";

export interface CardEdit {
  side: Side;
  theme: string;
  /** The importer asked for this card's side to be checked, and the teacher has. */
  checked: boolean;
}

export interface DeckEdits {
  title: string;
  sides: Record<TeamSide, string>;
  themes: Record<string, string>;
  cards: Record<string, CardEdit>;
}

/** Edits that start from the importer's deck, or from a saved deck's current state. */
export function editsFrom(original: Deck, saved?: Deck, title = ""): DeckEdits {
  const now = saved ?? original;
  const savedCard = new Map(now.cards.map((c) => [c.id, c]));
  return {
    title,
    sides: { ...now.sides },
    themes: Object.fromEntries(
      original.themes.map((t) => [t.id, now.themes.find((x) => x.id === t.id)?.title ?? t.title]),
    ),
    cards: Object.fromEntries(
      original.cards.map((c) => {
        const s = savedCard.get(c.id) ?? c;
        return [c.id, { side: s.side, theme: s.theme, checked: c.review && !s.review }];
      }),
    ),
  };
}

export function correctionsOf(original: Deck, edits: DeckEdits): Corrections {
  const sides: NonNullable<Corrections["sides"]> = {};
  for (const team of ["failure", "success"] as const) {
    const name = edits.sides[team].trim();
    if (name && name !== original.sides[team]) sides[team] = name;
  }
  const themes: Record<string, string> = {};
  for (const t of original.themes) {
    const title = edits.themes[t.id]?.trim();
    if (title && title !== t.title) themes[t.id] = title;
  }
  const cards: NonNullable<Corrections["cards"]> = {};
  for (const c of original.cards) {
    const e = edits.cards[c.id];
    if (!e) continue;
    const change: { side?: Side; theme?: string } = {};
    if (e.side !== c.side) change.side = e.side;
    if (e.theme !== c.theme) change.theme = e.theme;
    // A checked card goes in even unchanged: the server then clears its "check me" flag.
    if (Object.keys(change).length === 0 && c.review && e.checked) change.side = e.side;
    if (Object.keys(change).length > 0) cards[c.id] = change;
  }
  const out: Corrections = {};
  if (Object.keys(sides).length > 0) out.sides = sides;
  if (Object.keys(themes).length > 0) out.themes = themes;
  if (Object.keys(cards).length > 0) out.cards = cards;
  return out;
}

/** The deck as it will be saved: for showing while the teacher edits. */
export function applyEdits(original: Deck, edits: DeckEdits): Deck {
  return {
    ...original,
    sides: {
      failure: edits.sides.failure.trim() || original.sides.failure,
      success: edits.sides.success.trim() || original.sides.success,
    },
    themes: original.themes.map((t) => ({ ...t, title: edits.themes[t.id]?.trim() || t.title })),
    cards: original.cards.map((c): Card => {
      const e = edits.cards[c.id];
      return e ? { ...c, side: e.side, theme: e.theme, review: c.review && !e.checked } : c;
    }),
  };
}

/** What stops a save, in words: empty names, over-long ones. */
export function problemsOf(edits: DeckEdits, original: Deck): string[] {
  const out: string[] = [];
  for (const team of ["failure", "success"] as const) {
    const name = edits.sides[team].trim();
    if (!name) out.push(`The team arguing "${original.sides[team]}" needs a name.`);
    else if (name.length > 40) out.push(`Team names can be 40 characters at most ("${name.slice(0, 20)}…").`);
  }
  for (const t of original.themes) {
    const title = edits.themes[t.id]?.trim() ?? "";
    if (!title) out.push(`The theme "${t.title}" needs a title.`);
    else if (title.length > 80)
      out.push(`Theme titles can be 80 characters at most ("${title.slice(0, 20)}…").`);
  }
  if (edits.title.trim().length > 120) out.push("The deck's title can be 120 characters at most.");
  return out;
}
