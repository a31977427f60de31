// Which students' private parts (game/views.ts seatView) a step may have changed, worked out once per
// room from the state before and after it, so that a broadcast looks only at those students' sockets
// rather than at every socket of the room (a vote changes one or two students' parts; a class has
// thirty). A private part is made of the student's seat, the card copy table, their verdict vote
// on the ballot the phase shows, the phase, and in Build and Rebut their marks on their team's
// proposals. The engine never changes an object in place (game/edit.ts), so identity tells what
// a step left alone. Erring on the side of "may have changed" is always safe: the broadcast then
// builds that part and sends nothing when its JSON is the same.
import type { GameContext, Phase, TeamSide } from "../game/types";

/** Per seat, its proposals and votes in its team's proposals, as a string. */
export type Marks = Map<string, string>;
type Proposals = GameContext["teams"][TeamSide]["proposals"];

/** Each seat's marks in a team's proposals: one pass over them. */
export function marksOf(proposals: Proposals): Marks {
  const marks: Marks = new Map();
  const add = (seat: string, mark: string) => marks.set(seat, (marks.get(seat) ?? "") + mark);
  for (const p of proposals) {
    for (const s of p.supporters) add(s, `v${p.slot}=${p.id};`);
    for (const c of p.copies) add(c.seat, `p${p.id};`);
  }
  return marks;
}

/** Does the phase show a student their marks (seatView's votes and proposals)? */
export const showsMarks = (phase: Phase): boolean => phase === "build" || phase === "rebut";

/** Is the verdict vote a student sees the opening one (else the closing one)? */
export const opening = (ctx: GameContext, phase: Phase): boolean => phase === "voteBefore" || ctx.round < 0;

/** What a room's last broadcast built private parts from. */
export interface SeatBasis {
  ctx: GameContext;
  phase: Phase;
  /** Per team, the marks of `ctx`'s proposals, when they were worked out. */
  marks: Map<TeamSide, Marks>;
}

const TEAMS: readonly TeamSide[] = ["failure", "success"];

/**
 * The seats whose private part may differ from the one built for `last`, or null when any may (the
 * first broadcast, a new phase, a new copy table, the other ballot). `marks` gets each team's marks
 * that were worked out on the way, for the broadcast to reuse.
 */
export function changedSeats(
  last: SeatBasis | undefined,
  ctx: GameContext,
  phase: Phase,
  marks: Map<TeamSide, Marks>,
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
  if (showsMarks(phase)) {
    for (const team of TEAMS) {
      const proposals = ctx.teams[team].proposals;
      if (proposals === was.teams[team].proposals) continue;
      const now = marksOf(proposals);
      marks.set(team, now);
      const before = last.marks.get(team);
      if (!before) return null; // not worked out last time: nothing to compare with
      for (const [id, mark] of now) if (before.get(id) !== mark) changed.add(id);
      for (const id of before.keys()) if (!now.has(id)) changed.add(id);
    }
  }
  return changed;
}

/** The basis for the next step's comparison: this step's state and the marks worked out for it
 *  (those of last time, for a team whose proposals this step did not touch). */
export function nextBasis(
  last: SeatBasis | undefined,
  ctx: GameContext,
  phase: Phase,
  marks: Map<TeamSide, Marks>,
): SeatBasis {
  const kept = new Map<TeamSide, Marks>();
  if (showsMarks(phase)) {
    for (const team of TEAMS) {
      const proposals = ctx.teams[team].proposals;
      const known =
        marks.get(team) ??
        (last && last.phase === phase && last.ctx.teams[team].proposals === proposals
          ? last.marks.get(team)
          : undefined);
      // Worked out now if no one needed them this step: the next step compares with them.
      kept.set(team, known ?? marksOf(proposals));
    }
  }
  return { ctx, phase, marks: kept };
}
