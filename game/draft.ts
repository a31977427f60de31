// A team's draft: proposing cards from your own hand, writing your own sentence, voting, and
// settling each slot when time is up (most votes wins, ties to the earliest proposal).
import { cardOf, fitsSlot } from "./cards";
import { writableProposals, writableRound, writableSeat, writableTeam } from "./edit";
import type { Command, Refusal } from "./events";
import { MAX_OWN_TEXT, MAX_PROPOSALS_PER_SLOT, refuse } from "./events";
import { checkText } from "./names";
import { otherSide } from "./lobby";
import type {
  CopyId,
  GameContext,
  ParagraphSlot,
  Phase,
  Played,
  Proposal,
  RoundRecord,
  Seat,
  SeatId,
  SlotId,
  TeamSide,
  TeamState,
} from "./types";
import { PARAGRAPH_SLOTS } from "./types";

export type DraftCommand = Extract<Command, { type: "propose" | "write" | "withdraw" | "support" }>;

/** Which slots are open in a phase: the paragraph in Build, the counter in Rebut. */
export function openSlots(phase: Phase): readonly SlotId[] {
  if (phase === "build") return PARAGRAPH_SLOTS;
  if (phase === "rebut") return ["counter"];
  return [];
}

export function currentRound(ctx: GameContext): RoundRecord | undefined {
  return ctx.rounds[ctx.round];
}

function sameTarget(p: Proposal, target: ParagraphSlot | null): boolean {
  return (p.target ?? null) === (target ?? null);
}

function checkTarget(
  ctx: GameContext,
  slot: SlotId,
  team: TeamSide,
  target: ParagraphSlot | null | undefined,
): Refusal | null {
  if (slot !== "counter") return target ? refuse("bad_value", "Only a counter takes a target.") : null;
  if (!target || !PARAGRAPH_SLOTS.includes(target))
    return refuse("bad_value", "Choose which card of the other team's paragraph your counter answers.");
  const other = currentRound(ctx)?.paragraphs[otherSide(team)];
  if (!other?.[target]) return refuse("bad_value", "The other team's paragraph has nothing in that slot.");
  return null;
}

export function checkDraft(ctx: GameContext, phase: Phase, cmd: DraftCommand, seat: Seat): Refusal | null {
  const slots = openSlots(phase);
  if (slots.length === 0)
    return refuse("wrong_phase", "You can only play cards while your team is building or rebutting.");
  const team = ctx.teams[seat.team];
  switch (cmd.type) {
    case "propose": {
      if (!slots.includes(cmd.slot)) return refuse("wrong_slot", `The ${cmd.slot} slot is not open now.`);
      if (!seat.hand.includes(cmd.copy)) return refuse("not_in_hand", "That card is not in your hand.");
      const card = cardOf(ctx, cmd.copy);
      if (!fitsSlot(card, cmd.slot))
        return refuse("wrong_slot", `A ${card.kind} card does not fit the ${slotName(cmd.slot)} slot.`);
      const targetProblem = checkTarget(ctx, cmd.slot, seat.team, cmd.target);
      if (targetProblem) return targetProblem;
      const inSlot = team.proposals.filter((p) => p.slot === cmd.slot);
      const joins = inSlot.some((p) => p.card === card.id && sameTarget(p, cmd.target ?? null));
      const own = inSlot.some((p) => p.copies.some((c) => c.seat === seat.id));
      if (!joins && !own && inSlot.length >= MAX_PROPOSALS_PER_SLOT)
        return refuse(
          "slot_full",
          `The ${slotName(cmd.slot)} slot has ${MAX_PROPOSALS_PER_SLOT} proposals: vote for one of them.`,
        );
      return null;
    }
    case "write": {
      if (!slots.includes(cmd.slot)) return refuse("wrong_slot", `The ${cmd.slot} slot is not open now.`);
      const text = cmd.text.trim();
      if (text.length < 3) return refuse("bad_value", "Write at least a few words.");
      if (text.length > MAX_OWN_TEXT) return refuse("bad_value", `Keep it under ${MAX_OWN_TEXT} characters.`);
      const textProblem = checkText(text);
      if (textProblem) return refuse("bad_value", textProblem);
      const targetProblem = checkTarget(ctx, cmd.slot, seat.team, cmd.target);
      if (targetProblem) return targetProblem;
      const inSlot = team.proposals.filter((p) => p.slot === cmd.slot);
      const mine = inSlot.some((p) => p.text !== null && p.by === seat.id);
      if (!mine && inSlot.length >= MAX_PROPOSALS_PER_SLOT)
        return refuse(
          "slot_full",
          `The ${slotName(cmd.slot)} slot has ${MAX_PROPOSALS_PER_SLOT} proposals: vote for one of them.`,
        );
      return null;
    }
    case "withdraw": {
      const p = team.proposals.find((x) => x.id === cmd.proposal);
      if (!p) return refuse("unknown_proposal", "That proposal is no longer on the draft.");
      const mine = p.text !== null ? p.by === seat.id : p.copies.some((c) => c.seat === seat.id);
      return mine ? null : refuse("not_yours", "You can only take back your own card.");
    }
    case "support": {
      const p = team.proposals.find((x) => x.id === cmd.proposal);
      if (!p || !slots.includes(p.slot))
        return refuse("unknown_proposal", "That proposal is no longer on the draft.");
      return null;
    }
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

/** Puts a changed copy of a proposal in its place in the team's list (writableProposals: the
 *  proposals themselves are shared with the snapshot before the step, never changed in place). */
function replaceProposal(team: TeamState, p: Proposal, changes: Partial<Proposal>): Proposal {
  const next = { ...p, ...changes };
  team.proposals[team.proposals.indexOf(p)] = next;
  return next;
}

/** One vote per member per slot: supporting a proposal takes the vote off the others. `to` must be
 *  in the team's list. */
function moveVote(team: TeamState, slot: SlotId, seat: SeatId, to: Proposal): void {
  for (const p of team.proposals) {
    if (p.slot === slot && p !== to && p.supporters.includes(seat))
      replaceProposal(team, p, { supporters: p.supporters.filter((s) => s !== seat) });
  }
  if (!to.supporters.includes(seat)) replaceProposal(team, to, { supporters: [...to.supporters, seat] });
}

/** Takes a seat's copy back out of whatever proposal in `slot` holds it; drops emptied proposals. */
function takeBack(ctx: GameContext, seat: Seat, slot: SlotId): void {
  const team = writableProposals(ctx, seat.team);
  const kept: Proposal[] = [];
  for (const p of team.proposals) {
    const mine = p.slot === slot && p.text === null ? p.copies.filter((c) => c.seat === seat.id) : [];
    if (mine.length === 0) {
      kept.push(p);
      continue;
    }
    seat.hand.push(...mine.map((c) => c.copy));
    const copies = p.copies.filter((c) => c.seat !== seat.id);
    if (copies.length > 0) kept.push({ ...p, copies });
  }
  team.proposals = kept;
}

export function applyDraft(ctx: GameContext, cmd: DraftCommand, seat: Seat): void {
  // Proposals only: a draft command never touches the team's piles (its cards come from the hand).
  const team = writableProposals(ctx, seat.team);
  switch (cmd.type) {
    case "propose": {
      const card = cardOf(ctx, cmd.copy);
      const target = cmd.slot === "counter" ? (cmd.target ?? null) : null;
      takeBack(ctx, seat, cmd.slot);
      seat.hand = seat.hand.filter((c) => c !== cmd.copy);
      let p = team.proposals.find((x) => x.slot === cmd.slot && x.card === card.id && sameTarget(x, target));
      if (p) {
        p = replaceProposal(team, p, { copies: [...p.copies, { seat: seat.id, copy: cmd.copy }] });
      } else {
        p = {
          id: `p${ctx.seq}`,
          slot: cmd.slot,
          seq: ctx.seq++,
          by: seat.id,
          card: card.id,
          copies: [{ seat: seat.id, copy: cmd.copy }],
          text: null,
          target,
          supporters: [],
        };
        team.proposals.push(p);
      }
      moveVote(team, cmd.slot, seat.id, p);
      seat.stats.proposed++;
      return;
    }
    case "write": {
      const target = cmd.slot === "counter" ? (cmd.target ?? null) : null;
      const text = cmd.text.trim().replace(/\s+/g, " ");
      let p = team.proposals.find((x) => x.slot === cmd.slot && x.text !== null && x.by === seat.id);
      if (p) {
        p = replaceProposal(team, p, { text, target });
      } else {
        p = {
          id: `p${ctx.seq}`,
          slot: cmd.slot,
          seq: ctx.seq++,
          by: seat.id,
          card: null,
          copies: [],
          text,
          target,
          supporters: [],
        };
        team.proposals.push(p);
      }
      moveVote(team, cmd.slot, seat.id, p);
      seat.stats.own++;
      return;
    }
    case "withdraw": {
      const p = team.proposals.find((x) => x.id === cmd.proposal) as Proposal;
      if (p.text !== null) team.proposals = team.proposals.filter((x) => x !== p);
      else takeBack(ctx, seat, p.slot);
      return;
    }
    case "support": {
      const p = team.proposals.find((x) => x.id === cmd.proposal) as Proposal;
      moveVote(team, p.slot, seat.id, p);
      seat.stats.votes++;
      return;
    }
    default: {
      const never: never = cmd;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}

/** The winning proposal of a slot: most supporters, ties to the earliest. */
export function leader(proposals: readonly Proposal[], slot: SlotId): Proposal | undefined {
  let best: Proposal | undefined;
  for (const p of proposals) {
    if (p.slot !== slot) continue;
    if (
      !best ||
      p.supporters.length > best.supporters.length ||
      (p.supporters.length === best.supporters.length && p.seq < best.seq)
    )
      best = p;
  }
  return best;
}

function returnCopy(ctx: GameContext, team: TeamSide, seatId: SeatId, copy: CopyId): void {
  const seat = ctx.seats[seatId];
  if (seat && seat.team === team && (seat.status === "present" || seat.status === "away"))
    writableSeat(ctx, seatId)?.hand.push(copy);
  else writableTeam(ctx, team).discard.push(copy);
}

/** Settles every open slot of both teams: winners are played, every other copy goes back to its owner. */
export function settleDraft(ctx: GameContext, phase: Phase): void {
  const round = writableRound(ctx);
  for (const side of ["failure", "success"] as const) {
    const team = writableTeam(ctx, side);
    for (const slot of openSlots(phase)) {
      const win = leader(team.proposals, slot);
      if (!win) continue;
      let played: Played;
      if (win.text !== null) {
        played = { kind: "own", text: win.text, by: [win.by] };
      } else {
        const [first] = win.copies as [{ seat: SeatId; copy: CopyId }];
        played = {
          kind: "card",
          card: win.card as string,
          copy: first.copy,
          by: win.copies.map((c) => c.seat),
        };
        win.copies = win.copies.slice(1);
      }
      if (round) {
        if (slot === "counter") round.counters[side] = { played, target: win.target ?? "point" };
        else round.paragraphs[side][slot] = played;
      }
    }
    for (const p of team.proposals) for (const c of p.copies) returnCopy(ctx, side, c.seat, c.copy);
    team.proposals = [];
  }
}

export function slotName(slot: SlotId): string {
  switch (slot) {
    case "point":
      return "Point";
    case "evidence1":
      return "first Evidence";
    case "evidence2":
      return "second Evidence";
    case "explanation":
      return "Explanation";
    case "link":
      return "Link";
    case "counter":
      return "Counter";
    default: {
      const never: never = slot;
      return never;
    }
  }
}
