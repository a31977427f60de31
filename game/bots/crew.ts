// The bots of one room, run where the room runs (never in a browser tab, so a room of bots keeps
// going when every tab sleeps). When Build or Rebut opens, each bot gets two turns on the room's
// clock: one to propose, one (later) to vote once teammates have proposed. Each turn the bot sees
// only its team's view and its own hand, picks from the rules' legal moves, and sends them like a
// student would.
import type { Command } from "../events";
import { Rng, seedFrom } from "../rng";
import { legalMoves } from "../rules";
import type { Scheduler } from "../room";
import type { GameContext, Phase } from "../types";
import { seatView, teamView } from "../views";
import { type BotTurn, chooseMoves } from "./policy";

/** "class": human-like timing inside the phase; "instant": act at once (simulator, tests). */
export type BotPace = "class" | "instant";

export interface CrewHost {
  readonly context: GameContext;
  readonly phase: Phase;
  dispatch(command: Command, by: { role: "seat"; seat: string }): { ok: boolean };
}

const UNTIMED_PROPOSE_MS: [number, number] = [2_000, 6_000];
const UNTIMED_VOTE_MS: [number, number] = [8_000, 14_000];

export class BotCrew {
  private plannedFor: string | null = null;
  private timers: unknown[] = [];
  /** Turns planned and not yet taken, in the order they would run. */
  private pending: { seat: string; turn: BotTurn; at: number }[] = [];
  private readonly rng: Rng;

  constructor(
    private readonly room: CrewHost,
    private readonly scheduler: Scheduler,
    private readonly pace: BotPace,
    seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  /** Called after every step of the room: plans the bots' turns when a phase opens. */
  sync(): void {
    const ctx = this.room.context;
    const phase = this.room.phase;
    const open = (phase === "build" || phase === "rebut") && !ctx.paused;
    const bots = open
      ? ctx.seatOrder.filter((id) => ctx.seats[id]?.kind === "bot" && ctx.seats[id]?.status === "present")
      : [];
    const key = open ? `${ctx.round}:${phase}:${bots.join(",")}` : null;
    if (key === this.plannedFor) return;
    this.cancel();
    this.plannedFor = key;
    if (!key) return;
    const remaining = ctx.clock.endsAt === null ? null : Math.max(0, ctx.clock.endsAt - this.scheduler.now());
    for (const seat of bots) {
      this.plan(seat, "propose", this.delay(remaining, [0.1, 0.4], UNTIMED_PROPOSE_MS));
      this.plan(seat, "vote", this.delay(remaining, [0.55, 0.85], UNTIMED_VOTE_MS));
    }
  }

  cancel(): void {
    for (const t of this.timers) this.scheduler.clearTimeout(t);
    this.timers = [];
    this.pending = [];
  }

  /**
   * Takes every planned turn now, proposals before votes. Called before the teacher (or a student
   * at home) ends Build or Rebut early, so the bots have played their part: nobody meets an empty
   * paragraph because they pressed Next quickly.
   */
  hurry(): void {
    const due = this.pending
      .slice()
      .sort((a, b) => (a.turn === b.turn ? a.at - b.at : a.turn === "propose" ? -1 : 1));
    this.cancel();
    for (const t of due) this.turn(t.seat, t.turn);
  }

  private delay(remaining: number | null, share: [number, number], untimed: [number, number]): number {
    const pick = (lo: number, hi: number) => lo + this.rng.next() * (hi - lo);
    if (this.pace === "instant") return share[0] < 0.5 ? 1 : 2;
    if (remaining === null) return Math.round(pick(untimed[0], untimed[1]));
    return Math.round(remaining * pick(share[0], share[1]));
  }

  private plan(seat: string, turn: BotTurn, ms: number): void {
    const entry = { seat, turn, at: this.scheduler.now() + ms };
    this.pending.push(entry);
    this.timers.push(
      this.scheduler.setTimeout(() => {
        this.pending = this.pending.filter((p) => p !== entry);
        this.turn(seat, turn);
      }, ms),
    );
  }

  private turn(seatId: string, turn: BotTurn): void {
    const ctx = this.room.context;
    const phase = this.room.phase;
    const seat = ctx.seats[seatId];
    if (seat?.status !== "present" || seat.kind !== "bot") return;
    const me = seatView(ctx, phase, seatId);
    if (!me) return;
    const sight = {
      deck: ctx.deck,
      view: teamView(ctx, phase, seat.team),
      me,
      legal: legalMoves(ctx, phase, seatId),
    };
    for (const move of chooseMoves(seat.level ?? "medium", turn, sight, this.rng)) {
      this.room.dispatch(move, { role: "seat", seat: seatId });
    }
  }
}

export function crewSeed(ctx: GameContext): number {
  return seedFrom(`${ctx.code}:${ctx.createdAt}:${ctx.version}`);
}
