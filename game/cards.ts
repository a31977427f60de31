// Cards in play: which deck cards each team holds, which card fits which slot, and dealing hands.
// Every copy sits in exactly one place: a team's draw pile or discard, a hand, a proposal, or a played slot.
import type { Card, CardKind, Deck } from "../content/schema";
import { CONTEXT_THEME } from "../content/schema";
import { writableCopies, writableSeat, writableTeam } from "./edit";
import type { Rng } from "./rng";
import type { CardId, CopyId, GameContext, SeatId, SlotId, TeamSide, ThemeId } from "./types";

const indexCache = new WeakMap<Deck, Map<CardId, Card>>();

/** Card lookup by id, built once per deck object. */
export function cardIndex(deck: Deck): Map<CardId, Card> {
  let index = indexCache.get(deck);
  if (!index) {
    index = new Map(deck.cards.map((c) => [c.id, c]));
    indexCache.set(deck, index);
  }
  return index;
}

export function cardOf(ctx: GameContext, copy: CopyId): Card {
  const id = ctx.copies[copy];
  const card = id === undefined ? undefined : cardIndex(ctx.deck).get(id);
  if (!card) throw new Error(`unknown copy ${copy}`);
  return card;
}

/** Which kinds of card may be proposed for a slot. A However can open a paragraph as its Point;
 *  a one-sided closing line from the Conclusion can serve as a Link; in Rebut a piece of evidence
 *  can serve as the counter. */
export const SLOT_KINDS: Record<SlotId, readonly CardKind[]> = {
  point: ["point", "counter"],
  evidence1: ["evidence"],
  evidence2: ["evidence"],
  explanation: ["explanation"],
  link: ["link", "context"],
  counter: ["counter", "evidence"],
};

export function fitsSlot(card: Card, slot: SlotId): boolean {
  return SLOT_KINDS[slot].includes(card.kind);
}

/** Cards a team deals from: its own side's cards, the shared ones and the counters it can use
 *  against the other side. Context cards stay out of hands: they open and close the essay plan. */
export function teamCards(deck: Deck, team: TeamSide): Card[] {
  return deck.cards.filter(
    (c) => c.kind !== "context" && c.theme !== CONTEXT_THEME && (c.side === team || c.side === "either"),
  );
}

/** The cards a team is dealt in this game: its cards (teamCards) on the themes the game plays. A
 *  theme the teacher left out never comes up, so its cards would only sit in hands, useless all game.
 *  All the team's cards when none is on a played theme (never with a valid deck and settings). */
export function dealtCards(ctx: GameContext, team: TeamSide): Card[] {
  const cards = teamCards(ctx.deck, team);
  const played = new Set<string>(ctx.settings.themes);
  const dealt = cards.filter((c) => played.has(c.theme));
  return dealt.length > 0 ? dealt : cards;
}

/** Paragraph themes of a deck in plan order (the context theme is never a round). */
export function roundThemes(deck: Deck): ThemeId[] {
  return deck.themes.filter((t) => t.id !== CONTEXT_THEME).map((t) => t.id);
}

/** Mints `count` new copies of each of `cards` into the context's copy table; returns the new copy ids. */
export function mintCopies(ctx: GameContext, cards: readonly Card[], count: number): CopyId[] {
  const minted: CopyId[] = [];
  const table = writableCopies(ctx);
  for (let k = 0; k < count; k++) {
    for (const card of cards) {
      const id = `c${ctx.nextCopy++}`;
      table[id] = card.id;
      minted.push(id);
    }
  }
  return minted;
}

/**
 * Fills a seat's hand up to the hand size from the top of its team's shuffled pile, skipping cards
 * the hand already holds: a hand is a mix of themes and kinds, so every member has something for
 * most rounds and choosing well is the skill. (Dealing toward the coming theme was tried: with the
 * Partial-success side's thinner deck it tilted the balance, measured with the simulator.)
 * An empty pile is refilled from the discard, and when both are empty new copies are minted: a late
 * joiner always gets a full hand. Mutates `ctx` (callers pass an edit).
 */
export function fillHand(ctx: GameContext, seatId: SeatId, rng: Rng): void {
  const seat = writableSeat(ctx, seatId);
  if (!seat) return;
  const team = writableTeam(ctx, seat.team);
  const held = new Set(seat.hand.map((c) => ctx.copies[c]));
  while (seat.hand.length < ctx.settings.handSize) {
    if (team.drawPile.length === 0) {
      team.drawPile =
        team.discard.length > 0
          ? rng.shuffle(team.discard)
          : rng.shuffle(mintCopies(ctx, dealtCards(ctx, seat.team), 1));
      team.discard = [];
    }
    if (team.drawPile.length === 0) return; // a deck with no playable cards for this team
    let at = team.drawPile.findIndex((c) => !held.has(ctx.copies[c] ?? ""));
    if (at < 0) at = 0;
    const [copy] = team.drawPile.splice(at, 1) as [CopyId];
    held.add(ctx.copies[copy] ?? "");
    seat.hand.push(copy);
  }
}

/** Builds each team's shuffled draw pile with enough copies for the seats present. */
export function buildDrawPiles(ctx: GameContext, rng: Rng): void {
  for (const side of ["failure", "success"] as const) {
    const cards = dealtCards(ctx, side);
    const seats = Object.values(ctx.seats).filter((s) => s.team === side).length;
    const needed = Math.max(seats, 3) * ctx.settings.handSize * 2;
    const copies = cards.length === 0 ? 0 : Math.max(1, Math.ceil(needed / cards.length));
    const team = writableTeam(ctx, side);
    team.drawPile = rng.shuffle(mintCopies(ctx, cards, copies));
    team.discard = [];
  }
}

/** True when the text holds a figure, a date or a fraction: the "specific" in the Knowledge mark. */
export function isSpecific(card: Card): boolean {
  return /\d|½|¾|⅓|¼/.test(card.text) || /\d|½|¾|⅓|¼/.test(card.source);
}
