// How a bot chooses. A bot sees what a student of its team sees (the deck, its team's view, its own
// private view) and picks from the moves the rules list as legal — it has no other way in.
//   easy:   any legal card, anywhere it fits; votes at random.
//   medium: cards on the round's theme and its own side; votes the same way.
//   hard:   the chain the auto-judge rewards — a Point, evidence and explanation the plan ties to
//           it (specific evidence first), a Link that answers the other side — and in Rebut a
//           counter aimed at the other team's strongest card.
import type { Card, Deck } from "../../content/schema";
import { cardIndex, isSpecific } from "../cards";
import { answersBack, isRelevant, onSide, tied } from "../relevance";
import type { Command } from "../events";
import type { Rng } from "../rng";
import type { BotLevel, ParagraphSlot, SlotId, TeamSide } from "../types";
import type { ProposalView, SeatView, TeamView } from "../views";

export interface BotSight {
  deck: Deck;
  view: TeamView;
  me: SeatView;
  legal: Command[];
}

export type BotTurn = "propose" | "vote";

interface Judged {
  deck: Deck;
  team: TeamSide;
  theme: string;
  cards: Map<string, Card>;
  /** The card leading each of our slots now. */
  leaders: Partial<Record<SlotId, Card>>;
}

/** How much the auto-judge would like `card` in `slot`, given what else leads the draft. */
function value(level: BotLevel, j: Judged, card: Card, slot: SlotId, target: Card | undefined): number {
  if (level === "easy") return 0;
  let v = 0;
  if (onSide(card, j.team)) v += 4;
  // "The right theme" as the rules read it: on the theme, or by the open-slot rule.
  if (slot === "counter" ? card.theme === j.theme : isRelevant(j.deck, j.team, j.theme, card, slot)) v += 3;
  if (level === "medium") return v;
  if ((slot === "point" || slot === "link") && answersBack(j.deck, j.team, j.theme, card, undefined)) v += 2;
  if (slot === "counter") {
    if (!target) return v;
    if (card.rebuts.includes(target.id) || card.rebuts.some((id) => target.supports.includes(id))) v += 6;
    else if (card.theme === target.theme) v += 2;
    return v;
  }
  if (slot === "point" && card.kind === "point") v += 2;
  if ((slot === "evidence1" || slot === "evidence2") && isSpecific(card)) v += 2;
  // The plan ties it to what else leads the draft (the explanation most of all: that is Analysis).
  for (const [other, leader] of Object.entries(j.leaders) as [SlotId, Card][]) {
    if (other === slot || other === "counter" || !leader || !tied(card, leader)) continue;
    v += slot === "explanation" || other === "explanation" ? 3 : 1;
  }
  if (slot === "link" && card.rebuts.length > 0) v += 1;
  return v;
}

/** The other team's card our counter should answer: the strongest of their paragraph. */
function strongestTarget(j: Judged, view: TeamView): { slot: ParagraphSlot; card: Card } | undefined {
  const theirs = view.current?.paragraphs?.[j.team === "failure" ? "success" : "failure"];
  if (!theirs) return undefined;
  let best: { slot: ParagraphSlot; card: Card; v: number } | undefined;
  for (const [slot, played] of Object.entries(theirs) as [ParagraphSlot, { card: string | null }][]) {
    const card = played.card ? j.cards.get(played.card) : undefined;
    if (!card) continue;
    const v =
      (card.theme === j.theme ? 2 : 0) +
      (slot === "point" ? 2 : slot.startsWith("evidence") ? 1 : 0) +
      (card.side !== j.team ? 1 : 0);
    if (!best || v > best.v) best = { slot, card, v };
  }
  return best;
}

function leadersOf(view: TeamView, cards: Map<string, Card>): Partial<Record<SlotId, Card>> {
  const out: Partial<Record<SlotId, Card>> = {};
  const best: Partial<Record<SlotId, ProposalView>> = {};
  for (const p of view.draft) {
    const cur = best[p.slot];
    if (!cur || p.votes > cur.votes) best[p.slot] = p;
  }
  for (const [slot, p] of Object.entries(best) as [SlotId, ProposalView][]) {
    const card = p.card ? cards.get(p.card) : undefined;
    if (card) out[slot] = card;
  }
  return out;
}

/** The commands a bot sends on one turn, in order. */
export function chooseMoves(level: BotLevel, turn: BotTurn, sight: BotSight, rng: Rng): Command[] {
  const { view, me, legal } = sight;
  const theme = view.theme ?? "";
  const j: Judged = {
    deck: sight.deck,
    team: me.team,
    theme,
    cards: cardIndex(sight.deck),
    leaders: leadersOf(view, cardIndex(sight.deck)),
  };
  const copies = new Map(me.hand.map((h) => [h.copy, h.card]));
  const target = view.phase === "rebut" && level === "hard" ? strongestTarget(j, view) : undefined;
  const jitter = () => rng.next() * 0.5;

  if (turn === "propose") {
    const proposals = legal.filter((m): m is Extract<Command, { type: "propose" }> => m.type === "propose");
    if (proposals.length === 0) return [];
    if (level === "easy") {
      // Any legal card, into up to two slots it fits.
      const picked: Command[] = [];
      const slots = new Set<SlotId>();
      const copies = new Set<string>();
      for (const m of rng.shuffle(proposals)) {
        if (picked.length === 2) break;
        if (slots.has(m.slot) || copies.has(m.copy)) continue;
        slots.add(m.slot);
        copies.add(m.copy);
        picked.push(m);
      }
      return picked;
    }
    // One card per slot at most, the best this bot holds, only if it beats what already leads.
    const bySlot = new Map<SlotId, { move: Command; v: number }>();
    const used = new Set<string>();
    const scored = proposals
      .filter((m) => !target || m.slot !== "counter" || m.target === target.slot)
      .map((m) => {
        const card = j.cards.get(copies.get(m.copy) ?? "") as Card;
        return { move: m, card, v: value(level, j, card, m.slot, target?.card) + jitter() };
      })
      .sort((a, b) => b.v - a.v);
    for (const s of scored) {
      const slot = (s.move as { slot: SlotId }).slot;
      const copy = (s.move as { copy: string }).copy;
      if (bySlot.has(slot) || used.has(copy)) continue;
      const leader = j.leaders[slot];
      if (leader && value(level, j, leader, slot, target?.card) >= s.v) continue;
      // Two evidence slots, two different pieces: the judge counts a card once.
      const twin =
        slot === "evidence1" ? j.leaders.evidence2 : slot === "evidence2" ? j.leaders.evidence1 : undefined;
      if (twin && twin.id === s.card.id) continue;
      bySlot.set(slot, s);
      used.add(copy);
    }
    return [...bySlot.values()].map((s) => s.move);
  }

  // Vote: back the best proposal in each slot (easy: any) — but where a student on the team has
  // proposed, back the student: bots fill seats, the people in the room lead.
  const supports = legal.filter((m): m is Extract<Command, { type: "support" }> => m.type === "support");
  const byId = new Map(view.draft.map((p) => [p.id, p]));
  const humans = new Set(view.seats.filter((s) => !s.bot).map((s) => s.id));
  const led = new Map<SlotId, string>();
  for (const p of view.draft) if (humans.has(p.by) && !led.has(p.slot)) led.set(p.slot, p.id);
  if (led.size > 0) {
    const follow: Command[] = [];
    for (const [slot, proposal] of led) {
      if (me.votes[slot] !== proposal && supports.some((m) => m.proposal === proposal))
        follow.push({ type: "support", proposal });
    }
    const free = supports.filter((m) => !led.has(byId.get(m.proposal)?.slot as SlotId));
    if (free.length === 0) return follow;
    return [...follow, ...chooseVotes(level, j, view, me, free, rng)];
  }
  return chooseVotes(level, j, view, me, supports, rng);
}

function chooseVotes(
  level: BotLevel,
  j: Judged,
  view: TeamView,
  me: SeatView,
  supports: Extract<Command, { type: "support" }>[],
  rng: Rng,
): Command[] {
  const jitter = () => rng.next() * 0.5;
  const byId = new Map(view.draft.map((p) => [p.id, p]));
  const best = new Map<SlotId, { move: Command; v: number }>();
  for (const m of supports) {
    const p = byId.get(m.proposal);
    if (!p) continue;
    const card = p.card ? j.cards.get(p.card) : undefined;
    const targetCard = p.target
      ? j.cards.get(
          view.current?.paragraphs?.[me.team === "failure" ? "success" : "failure"]?.[p.target]?.card ?? "",
        )
      : undefined;
    const v = level === "easy" ? rng.next() : card ? value(level, j, card, p.slot, targetCard) + jitter() : 1;
    const cur = best.get(p.slot);
    if (!cur || v > cur.v) best.set(p.slot, { move: m, v });
  }
  const mine = (slot: SlotId) => {
    const id = me.votes[slot];
    const p = id ? byId.get(id) : undefined;
    const card = p?.card ? j.cards.get(p.card) : undefined;
    return level === "easy" ? 0.5 : card ? value(level, j, card, slot, undefined) + 0.25 : 1;
  };
  return [...best.entries()]
    .filter(([slot, b]) => !me.votes[slot] || b.v > mine(slot))
    .map(([, b]) => b.move);
}
