// The game's vocabulary: seats, hands, drafts, rounds and the context the room machine carries.
// Pure data: every value here is JSON-serialisable so a room's snapshot can be stored and restored.
import type { CardId, Deck, TeamSide, ThemeId } from "../content/schema";
import type { Rubric } from "./rubric";

export type { CardId, Deck, TeamSide, ThemeId };

export type SeatId = string;
/** One physical card: a copy of a deck card that sits in exactly one place. */
export type CopyId = string;
export type ProposalId = string;

export type BotLevel = "easy" | "medium" | "hard";

/** present: connected; away: connection lost (seat kept); left: quit mid-game; removed/banned by the teacher. */
export type SeatStatus = "present" | "away" | "left" | "removed" | "banned";

export interface SeatStats {
  proposed: number;
  votes: number;
  own: number;
}

export interface Seat {
  id: SeatId;
  name: string;
  team: TeamSide;
  kind: "human" | "bot";
  level: BotLevel | null;
  status: SeatStatus;
  /** Hashed device key (for bans); empty for bots. Never sent to any client. */
  key: string;
  hand: CopyId[];
  /** Round index when the seat joined (-1 = in the lobby). */
  joinedRound: number;
  stats: SeatStats;
}

/** The paragraph slots a team fills in Build, and the counter slot of Rebut. */
export const PARAGRAPH_SLOTS = ["point", "evidence1", "evidence2", "explanation", "link"] as const;
export type ParagraphSlot = (typeof PARAGRAPH_SLOTS)[number];
export type SlotId = ParagraphSlot | "counter";

export type Phase =
  | "lobby"
  | "voteBefore"
  | "build"
  | "reveal"
  | "rebut"
  | "judge"
  | "result"
  | "voteAfter"
  | "verdict";
export const PHASES: readonly Phase[] = [
  "lobby",
  "voteBefore",
  "build",
  "reveal",
  "rebut",
  "judge",
  "result",
  "voteAfter",
  "verdict",
];

export interface ProposalCopy {
  seat: SeatId;
  copy: CopyId;
}

/** A candidate for one slot of a team's draft: a card (possibly several teammates' copies) or a written sentence. */
export interface Proposal {
  id: ProposalId;
  slot: SlotId;
  /** Order of proposal: ties go to the earliest. */
  seq: number;
  by: SeatId;
  card: CardId | null;
  copies: ProposalCopy[];
  text: string | null;
  /** In Rebut: the other team's slot this counter answers. */
  target: ParagraphSlot | null;
  /** Seats whose one vote for this slot is on this proposal (a proposer supports their proposal). */
  supporters: SeatId[];
}

/** What ended up in a slot. */
export type Played =
  | { kind: "card"; card: CardId; copy: CopyId; by: SeatId[] }
  | { kind: "own"; text: string; by: SeatId[] };

export type Paragraph = Partial<Record<ParagraphSlot, Played>>;

export interface CounterPlay {
  played: Played;
  target: ParagraphSlot;
}

export interface TeamState {
  drawPile: CopyId[];
  discard: CopyId[];
  /** Open proposals for the current phase (Build or Rebut). */
  proposals: Proposal[];
}

export interface Mark {
  criterion: string;
  marks: number;
  max: number;
  reason: string;
}

export interface Judgement {
  marks: Mark[];
  total: number;
  /** One line per filled or empty slot, for students. */
  feedback: { slot: SlotId; line: string; ok: boolean }[];
}

export interface RoundRecord {
  theme: ThemeId;
  paragraphs: Record<TeamSide, Paragraph>;
  counters: Record<TeamSide, CounterPlay | null>;
  /** The auto-judge's suggestion, made when Judge begins. */
  suggestion: Record<TeamSide, Judgement> | null;
  /** Marks per criterion id, as confirmed by the teacher (or the auto-judge in homework). */
  scores: Record<TeamSide, Record<string, number>> | null;
  /** True when the scores came from the auto-judge without a teacher. */
  autoScored: boolean;
}

export type TimerMode = "normal" | "relaxed" | "off";

export interface Settings {
  /** Theme ids in play order; one round each. */
  themes: ThemeId[];
  voteMs: number;
  buildMs: number;
  revealMs: number;
  rebutMs: number;
  resultMs: number;
  timers: TimerMode;
  handSize: number;
  rubric: Rubric;
  /** Fill empty seats and a too-small team with bots when the game starts. */
  bots: boolean;
  botLevel: BotLevel;
}

export interface PhaseClock {
  /** Epoch ms when the phase ends; null when untimed or paused. */
  endsAt: number | null;
  /** While paused: how long the phase had left. */
  pausedRemainingMs: number | null;
  /** Epoch ms when the phase began. */
  startedAt: number;
}

export interface GameContext {
  /** Snapshot format version, bumped when the shape changes. */
  format: 1;
  code: string;
  mode: "class" | "homework";
  deck: Deck;
  settings: Settings;
  seats: Record<SeatId, Seat>;
  seatOrder: SeatId[];
  teams: Record<TeamSide, TeamState>;
  copies: Record<CopyId, CardId>;
  nextCopy: number;
  seq: number;
  locked: boolean;
  /** Hashed device keys of banned players. */
  bannedKeys: string[];
  paused: boolean;
  clock: PhaseClock;
  /** Current round index; -1 before the first. */
  round: number;
  rounds: RoundRecord[];
  verdict: { before: Record<SeatId, number>; after: Record<SeatId, number> };
  /** Seeded random state (mulberry32). */
  rng: number;
  /** Bumped on every applied event; clients and dedup use it. */
  version: number;
  createdAt: number;
  finishedAt: number | null;
}
