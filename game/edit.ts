// Copy-on-write for one step of the game. The room's context is never mutated: each applied event
// works on an `edit` of it that copies the parts a step may change (seats, hands, teams, the
// current round) and shares the rest (the deck, earlier rounds). Cheap for a 35-seat room, and it
// lets the rules read as plain mutations.
import type { GameContext, RoundRecord, Seat, TeamState } from "./types";

const ownedCopyTables = new WeakSet<object>();

function cloneSeat(seat: Seat): Seat {
  return { ...seat, hand: seat.hand.slice(), stats: { ...seat.stats } };
}

function cloneTeam(team: TeamState): TeamState {
  return {
    drawPile: team.drawPile.slice(),
    discard: team.discard.slice(),
    proposals: team.proposals.map((p) => ({
      ...p,
      copies: p.copies.slice(),
      supporters: p.supporters.slice(),
    })),
  };
}

function cloneRound(round: RoundRecord): RoundRecord {
  return {
    ...round,
    paragraphs: { failure: { ...round.paragraphs.failure }, success: { ...round.paragraphs.success } },
    counters: { ...round.counters },
  };
}

export function edit(ctx: GameContext): GameContext {
  const seats: Record<string, Seat> = {};
  for (const id in ctx.seats) seats[id] = cloneSeat(ctx.seats[id] as Seat);
  const rounds = ctx.rounds.slice();
  const last = rounds.length - 1;
  if (last >= 0) rounds[last] = cloneRound(rounds[last] as RoundRecord);
  return {
    ...ctx,
    seats,
    seatOrder: ctx.seatOrder.slice(),
    teams: { failure: cloneTeam(ctx.teams.failure), success: cloneTeam(ctx.teams.success) },
    bannedKeys: ctx.bannedKeys.slice(),
    clock: { ...ctx.clock },
    rounds,
    verdict: { before: { ...ctx.verdict.before }, after: { ...ctx.verdict.after } },
  };
}

/** The copy table is large and rarely changes: it is copied only when a step mints new copies. */
export function writableCopies(ctx: GameContext): Record<string, string> {
  if (!ownedCopyTables.has(ctx.copies)) {
    ctx.copies = { ...ctx.copies };
    ownedCopyTables.add(ctx.copies);
  }
  return ctx.copies;
}
