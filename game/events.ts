// What can happen in a room: the commands people (and the clock) send, who sent them, and how a
// refusal is reported. The server stamps `by` and `at`; a client never chooses either.
import type { Settings } from "./types";
import type { BotLevel, CopyId, ParagraphSlot, ProposalId, SeatId, SlotId, TeamSide } from "./types";

export type Actor = { role: "host" } | { role: "seat"; seat: SeatId } | { role: "system" };

export type Command =
  /** A person joins (the server has checked the code and chosen the seat id). */
  | { type: "join"; seat: SeatId; name: string; key: string; team?: TeamSide }
  /** The teacher adds one bot, or `fillBots` balances the teams with bots. */
  | { type: "addBot"; team: TeamSide | null; level: BotLevel }
  | { type: "fillBots"; level: BotLevel; perTeam: number }
  | { type: "leave" }
  | { type: "presence"; seat: SeatId; present: boolean }
  | { type: "rename"; seat: SeatId; name: string }
  | { type: "move"; seat: SeatId; team: TeamSide }
  | { type: "remove"; seat: SeatId }
  | { type: "ban"; seat: SeatId }
  | { type: "lock" }
  | { type: "unlock" }
  | { type: "configure"; settings: Partial<Settings> }
  | { type: "start" }
  | { type: "verdictVote"; value: number }
  | { type: "propose"; slot: SlotId; copy: CopyId; target?: ParagraphSlot | null }
  | { type: "write"; slot: SlotId; text: string; target?: ParagraphSlot | null }
  | { type: "withdraw"; proposal: ProposalId }
  | { type: "support"; proposal: ProposalId }
  | { type: "score"; marks: Record<TeamSide, Record<string, number>> }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "addTime"; ms: number }
  | { type: "skip" }
  | { type: "timeUp" };

export type CommandType = Command["type"];
export type GameEvent = Command & { by: Actor; at: number };

export type RefusalCode =
  | "not_allowed"
  | "wrong_phase"
  | "paused"
  | "locked"
  | "banned"
  | "room_full"
  | "unknown_seat"
  | "seat_inactive"
  | "not_in_hand"
  | "wrong_slot"
  | "slot_full"
  | "unknown_proposal"
  | "not_yours"
  | "bad_name"
  | "bad_value"
  | "bad_settings"
  | "too_early"
  | "game_over"
  /** A rule failed unexpectedly; the room was put back as it was. */
  | "internal";

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export function refuse(code: RefusalCode, message: string): Refusal {
  return { code, message };
}

/** Largest room: a class of 35, a few bots, and some late joiners. */
export const MAX_SEATS = 60;
/** Proposals per slot: enough for a lively debate, small enough for a view under 4 KB. */
export const MAX_PROPOSALS_PER_SLOT = 6;
export const MAX_OWN_TEXT = 200;
export const MAX_ADD_TIME_MS = 5 * 60_000;
