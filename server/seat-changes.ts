// Which students' private parts (game/views.ts seatView) a step may have changed, worked out once per
// room from the state before and after it, so that a broadcast looks only at those students' sockets
// rather than at every socket of the room (a vote changes one or two students' parts; a class has
// thirty). A private part is made of the student's seat, the card copy table, their verdict vote
// on the ballot the phase shows, the phase, and in Build and Rebut their marks on their team's
// proposals. The engine never changes an object in place (game/edit.ts), so identity tells what
// a step left alone. Erring on the side of "may have changed" is always safe: the broadcast then
// builds that part and sends nothing when its JSON is the same.
import type { GameContext, Phase, TeamSide } from "../game/types";

type Proposals = GameContext["teams"][TeamSide]["proposals"];
type Proposal = Proposals[number];

/** Adds the seats in one list and not the other (lists of a few seats: a vote or two, a copy or two). */
function addDifference(a: readonly string[], b: readonly string[], changed: Set<string>): void {
  for (const id of a) if (!b.includes(id)) changed.add(id);
  for (const id of b) if (!a.includes(id)) changed.add(id);
}

const copySeats = (p: Proposal): string[] => p.copies.map((c) => c.seat);

/** Adds every seat on a proposal: its supporters and the owners of its copies. */
function addAll(p: Proposal, changed: Set<string>): void {
  for (const id of p.supporters) changed.add(id);
  for (const c of p.copies) changed.add(c.seat);
}

/**
 * Adds the seats whose marks differ between two versions of a team's proposals. A student's marks
 * (seatView's votes and proposals) are which proposals they support and which hold their copies,
 * in the list's order. A proposal is never changed in place (game/draft.ts replaces it), so one that
 * is the same object as before changed nobody's marks; a replaced one changed those of the seats
 * that joined or left its supporters or copies; an added or dropped one, those of everyone on it.
 * Should the list ever be reordered (nothing does that today), everyone on it is counted.
 */
export function addMarkChanges(was: Proposals, now: Proposals, changed: Set<string>): void {
  const before = new Map<string, Proposal>();
  for (const q of was) before.set(q.id, q);
  const kept = new Set<string>();
  let lastAt = -1;
  let reordered = false;
  for (const p of now) {
    kept.add(p.id);
    const q = before.get(p.id);
    if (q === undefined) {
      addAll(p, changed);
      continue;
    }
    const at = was.indexOf(q);
    if (at < lastAt) reordered = true;
    lastAt = at;
    if (q === p) continue;
    if (q.slot !== p.slot) {
      addAll(q, changed);
      addAll(p, changed);
      continue;
    }
    addDifference(q.supporters, p.supporters, changed);
    addDifference(copySeats(q), copySeats(p), changed);
  }
  for (const q of was) if (!kept.has(q.id)) addAll(q, changed);
  if (reordered) for (const p of [...was, ...now]) addAll(p, changed);
}

/** Does the phase show a student their marks (seatView's votes and proposals)? */
export const showsMarks = (phase: Phase): boolean => phase === "build" || phase === "rebut";

/** Is the verdict vote a student sees the opening one (else the closing one)? */
export const opening = (ctx: GameContext, phase: Phase): boolean => phase === "voteBefore" || ctx.round < 0;

/** What a room's last broadcast built private parts from. */
export interface SeatBasis {
  ctx: GameContext;
  phase: Phase;
}

const TEAMS: readonly TeamSide[] = ["failure", "success"];

/**
 * The seats whose private part may differ from the one built for `last`, or null when any may (the
 * first broadcast, a new phase, a new copy table, the other ballot).
 */
export function changedSeats(
  last: SeatBasis | undefined,
  ctx: GameContext,
  phase: Phase,
): Set<string> | null {
  if (!last || last.phase !== phase || last.ctx.copies !== ctx.copies) return null;
  const was = last.ctx;
  if (opening(was, phase) !== opening(ctx, phase)) return null;
  const changed = new Set<string>();
  if (was.seats !== ctx.seats) {
    for (const id in ctx.seats) if (ctx.seats[id] !== was.seats[id]) changed.add(id);
    for (const id in was.seats) if (!(id in ctx.seats)) changed.add(id);
  }
  const side = opening(ctx, phase) ? "before" : "after";
  const ballot = ctx.verdict[side];
  const wasBallot = was.verdict[side];
  if (ballot !== wasBallot) {
    for (const id in ballot) if (ballot[id] !== wasBallot[id]) changed.add(id);
    for (const id in wasBallot) if (!(id in ballot)) changed.add(id);
  }
  if (showsMarks(phase))
    for (const team of TEAMS) {
      const proposals = ctx.teams[team].proposals;
      const before = was.teams[team].proposals;
      if (proposals !== before) addMarkChanges(before, proposals, changed);
    }
  return changed;
}
