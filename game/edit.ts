// Copy-on-write for one step of the game. The room's context is never mutated: each applied event
// works on an `edit` of it, a shallow copy of the context that shares every part with the snapshot
// (the deck, the seats, the teams, the rounds, the clock, the vote). A part is copied only when the
// step writes to it (writableSeats, writableSeatOrder, writableBannedKeys, writableSeat,
// writableTeam, writableProposals, writableBallot, writableCopies, writableRound, writableClock), so
// a vote in a 35-seat room copies one team's list of proposals and the proposal it backs, and leaves
// the rest alone. It lets the rules read as plain mutations of what they made writable.
import type { TeamSide } from "../content/schema";
import type { GameContext, RoundRecord, Seat, TeamState } from "./types";

/** What one edit has already copied, keyed by the edit (a new context object per step). Plain
 *  lists: a step copies a few objects (one seat, one team), a phase change at most every seat, and
 *  an edit is made at every step, where three weak sets cost more than the lookups they serve. */
interface Owned {
  /** The context's own fields this edit has copied (see `own`), as copied. */
  fields: Partial<Record<OwnField, object>>;
  round: object | null;
  seats: Seat[];
  teams: OwnedTeam[];
  ballots: object[];
}

/** Fields of the context a step may change in place once it has its own shallow copy. */
type OwnField = "seats" | "seatOrder" | "bannedKeys" | "copies" | "clock" | "teams" | "verdict";
const edits = new WeakMap<GameContext, Owned>();

/** A team this edit copied, and which of its parts it has made writable so far: its piles; its
 *  proposals list ("list": the list, its proposals still shared; "all": each proposal too). */
interface OwnedTeam {
  team: TeamState;
  piles: boolean;
  proposals: "none" | "list" | "all";
}

function ownedBy(ctx: GameContext): Owned {
  const owned = edits.get(ctx);
  if (!owned) throw new Error("writes need an edit of the context (see edit())");
  return owned;
}

function cloneRound(round: RoundRecord): RoundRecord {
  return {
    ...round,
    paragraphs: { failure: { ...round.paragraphs.failure }, success: { ...round.paragraphs.success } },
    counters: { ...round.counters },
  };
}

export function edit(ctx: GameContext): GameContext {
  const next: GameContext = { ...ctx };
  edits.set(next, { fields: {}, round: null, seats: [], teams: [], ballots: [] });
  return next;
}

/** The current round, to change in place (its paragraphs, counters, suggestion and scores): copied
 *  on first write, with the list of rounds. Undefined before the first round. */
export function writableRound(ctx: GameContext): RoundRecord | undefined {
  const owned = ownedBy(ctx);
  const round = ctx.rounds[ctx.round];
  if (!round || owned.round === round) return round;
  const copy = cloneRound(round);
  ctx.rounds = ctx.rounds.slice();
  ctx.rounds[ctx.round] = copy;
  owned.round = copy;
  return copy;
}

/** The phase clock, to change in place (pause, resume, more time): copied on first write. Replacing
 *  it with a new object needs no call. */
export function writableClock(ctx: GameContext): GameContext["clock"] {
  return own(ctx, "clock");
}

/** A field of the context, to change in place: a shallow copy of it on first write in this edit. */
function own<F extends OwnField>(ctx: GameContext, field: F): GameContext[F] {
  const owned = ownedBy(ctx);
  const value = ctx[field];
  if (owned.fields[field] === value) return value;
  const copy = (Array.isArray(value) ? value.slice() : { ...value }) as GameContext[F];
  ctx[field] = copy;
  owned.fields[field] = copy;
  return copy;
}

/** The seat map, to add or remove a seat (or replace one): copied on first write. Reading it, or
 *  changing one seat (writableSeat), needs no call. */
export function writableSeats(ctx: GameContext): Record<string, Seat> {
  return own(ctx, "seats");
}

/** The seat order, to change in place: copied on first write (assigning a new array needs no call). */
export function writableSeatOrder(ctx: GameContext): string[] {
  return own(ctx, "seatOrder");
}

/** The banned join keys, to change in place: copied on first write. */
export function writableBannedKeys(ctx: GameContext): string[] {
  return own(ctx, "bannedKeys");
}

/** The copy table is large and rarely changes: it is copied only when a step mints new copies. */
export function writableCopies(ctx: GameContext): Record<string, string> {
  return own(ctx, "copies");
}

/** A team this step may change (its piles, proposals and their copies and supporters): copied from
 *  the snapshot on first write. Reading a team needs no call. */
export function writableTeam(ctx: GameContext, side: TeamSide): TeamState {
  return ownTeam(ctx, side, true, "all");
}

/**
 * A team whose list of proposals this step may change (add, remove or replace proposals), and
 * nothing else: its piles and each proposal in the list stay shared with the snapshot, so a
 * proposal is changed by putting a changed copy in its place, never in place. A vote then copies
 * the list and one or two proposals, not the draw pile (a hundred copies and more in a big class)
 * and every proposal, and settle() has that much less to compare.
 */
export function writableProposals(ctx: GameContext, side: TeamSide): TeamState {
  return ownTeam(ctx, side, false, "list");
}

function ownTeam(ctx: GameContext, side: TeamSide, piles: boolean, proposals: "list" | "all"): TeamState {
  const owned = ownedBy(ctx);
  const team = ctx.teams[side];
  let entry = owned.teams.find((t) => t.team === team);
  if (!entry) {
    entry = { team: { ...team }, piles: false, proposals: "none" };
    owned.teams.push(entry);
    own(ctx, "teams")[side] = entry.team;
  }
  const copy = entry.team;
  if (proposals === "all" && entry.proposals !== "all") {
    copy.proposals = copy.proposals.map((p) => ({
      ...p,
      copies: p.copies.slice(),
      supporters: p.supporters.slice(),
    }));
    entry.proposals = "all";
  } else if (entry.proposals === "none") {
    copy.proposals = copy.proposals.slice();
    entry.proposals = "list";
  }
  if (piles && !entry.piles) {
    copy.drawPile = copy.drawPile.slice();
    copy.discard = copy.discard.slice();
    entry.piles = true;
  }
  return copy;
}

/** One ballot of the verdict vote (the opening or the closing one) this step may change. */
export function writableBallot(ctx: GameContext, which: "before" | "after"): Record<string, number> {
  const ballot = ctx.verdict[which];
  const owned = ownedBy(ctx);
  if (owned.ballots.includes(ballot)) return ballot;
  const copy = { ...ballot };
  owned.ballots.push(copy);
  own(ctx, "verdict")[which] = copy;
  return copy;
}

/** A seat this step may change: copied from the snapshot on first write. */
export function writableSeat(ctx: GameContext, id: string): Seat | undefined {
  const seat = ctx.seats[id];
  if (!seat) return seat;
  const owned = ownedBy(ctx);
  if (owned.seats.includes(seat)) return seat;
  const copy: Seat = { ...seat, hand: seat.hand.slice(), stats: { ...seat.stats } };
  owned.seats.push(copy);
  writableSeats(ctx)[id] = copy;
  return copy;
}

/** Marks a seat created during this step as writable by it. */
export function ownSeat(ctx: GameContext, seat: Seat): Seat {
  ownedBy(ctx).seats.push(seat);
  return seat;
}

/**
 * Ends an edit: every part of `next` that equals the same part of `prev` (the snapshot the edit was
 * made from) becomes `prev`'s own object again, so an unchanged team, draw pile, round, clock or
 * vote table keeps its identity from step to step. Readers that key on identity (the server's
 * save, which rewrites only changed parts, and its caches of views) then skip what did not
 * change. Equal means equal as JSON would be, key order included. What the edit copied is not yet
 * seen by anyone, so those containers may be rewired here; what it shares with `prev` (a proposal
 * a list still holds, maybe at another index) is `prev`'s and is never written to.
 */
export function settle(prev: GameContext, next: GameContext): GameContext {
  // The edit is over: it may be published, and no longer grants writes.
  edits.delete(next);
  return reshare(prev, next) as GameContext;
}

function reshare(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (typeof prev !== "object" || typeof next !== "object" || prev === null || next === null) return next;
  // In the loops below, an identical or primitive child is settled without a call: most children
  // of a copied container (the seat map's seats, a draw pile's card ids) are one or the other.
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    // `prev`'s own items, once an item differs: one of them may have moved (a list that lost an
    // item before it, as a team's proposals do), and it belongs to the snapshot: never rewired.
    let items: Set<unknown> | undefined;
    for (let i = 0; i < next.length; i++) {
      const before = prev[i];
      const after = next[i];
      if (before === after) continue;
      if (typeof after !== "object" || after === null) {
        same = false;
        continue;
      }
      items ??= new Set(prev);
      if (items.has(after)) {
        same = false;
        continue;
      }
      const child = reshare(before, after);
      if (child !== after) next[i] = child;
      if (child !== before) same = false;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const before = prev as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  const prevKeys = Object.keys(before);
  let same = keys.length === prevKeys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (prevKeys[i] !== key) same = false;
    const was = Object.hasOwn(before, key) ? before[key] : undefined;
    const now = after[key];
    if (was === now) continue;
    if (typeof now !== "object" || now === null) {
      same = false;
      continue;
    }
    const child = reshare(was, now);
    if (child !== now) after[key] = child;
    if (child !== was) same = false;
  }
  return same ? prev : next;
}
