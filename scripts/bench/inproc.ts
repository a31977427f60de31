// A whole class game in one process, with no sockets: a Room on virtual time, its seats played by
// the load test's pupils (scripts/loadtest/play.ts) and the teacher skipping and scoring. Each step
// hands back every view the server would send for it (screen, host, both teams, every seat's
// private part), so the bench can time them and the size audit can measure them.
import { seedDeck } from "../../content/decks";
import { cardIndex } from "../../game/cards";
import type { Actor } from "../../game/events";
import { Room } from "../../game/room";
import { VirtualClock } from "../../game/sim/virtual-clock";
import type { SlotId } from "../../game/types";
import { hostView, type ScreenView, screenView, type SeatView, seatView, teamView } from "../../game/views";
import { type Command, hostAdvance, hostSetup, pupilMove, rng } from "../loadtest/play";

/** A 24-character name (NAME_MAX_CHARS), unique per seat: the worst case for view sizes. */
export function longName(i: number): string {
  return `Maximilian-Alexandra ${String(i).padStart(3, "0")}`.slice(0, 24);
}

export interface StepViews {
  screen: ScreenView;
  host: ScreenView;
  teams: ScreenView[];
  seats: (SeatView | null)[];
}

/** Builds every view of one step, as server/broadcast.ts does. */
export function allViews(room: Room, seats: readonly string[]): StepViews {
  const ctx = room.context;
  const phase = room.phase;
  return {
    screen: screenView(ctx, phase),
    host: hostView(ctx, phase),
    teams: [teamView(ctx, phase, "failure"), teamView(ctx, phase, "success")],
    seats: seats.map((s) => seatView(ctx, phase, s)),
  };
}

export interface ClassGame {
  room: Room;
  seats: string[];
  /** Plays the next move (a pupil's, or the teacher's when a phase has had its share); false once over. */
  next(): { command: Command; by: Actor } | null;
  stop(): void;
}

/**
 * A class of `students` seats in a fresh room, past the lobby. `actionsPerPhase` is how many pupil
 * moves each phase gets before the teacher moves on (Build gets twice as many).
 */
export function classGame(opts: {
  students: number;
  seed?: number;
  rounds?: number;
  actionsPerPhase?: number;
  name?: (i: number) => string;
  /** A fresh room to play in (the save bench's rooms come from the server's registry); by default
   *  one of its own on virtual time. */
  room?: Room;
}): ClassGame {
  const clock = new VirtualClock(1_700_000_000_000);
  const room =
    opts.room ??
    new Room({
      scheduler: clock,
      input: { code: "BENCH1", deck: seedDeck, mode: "class", seed: opts.seed ?? 1, createdAt: clock.now() },
    });
  const host: Actor = { role: "host" };
  const seats: string[] = [];
  for (let i = 0; i < opts.students; i++) {
    // As long as the server's seat ids (newSeatId: "s_" and 8 characters).
    const seat = `s_${String(i).padStart(8, "0")}`;
    const name = (opts.name ?? longName)(i);
    const joined = room.dispatch({ type: "join", seat, name, key: `key-${i}` }, { role: "system" });
    if (!joined.ok) throw new Error(`join: ${joined.message}`);
    seats.push(seat);
  }
  const random = rng(opts.seed ?? 1);
  const deck = cardIndex(seedDeck);
  const perPhase = opts.actionsPerPhase ?? 40;
  const proposed = new Map<string, Set<SlotId>>(seats.map((s) => [s, new Set()]));
  const setup = room.dispatch(hostSetup(hostView(room.context, room.phase), opts.rounds ?? 3) as never, host);
  if (!setup.ok) throw new Error(`configure: ${setup.message}`);
  let phaseKey = "";
  let moves = 0;
  let misses = 0;

  function next(): { command: Command; by: Actor } | null {
    const ctx = room.context;
    const phase = room.phase;
    if (phase === "verdict") return null;
    const key = `${ctx.round}:${phase}`;
    if (key !== phaseKey) {
      phaseKey = key;
      moves = 0;
      misses = 0;
      for (const set of proposed.values()) set.clear();
    }
    const budget = phase === "build" ? perPhase * 2 : perPhase;
    const interactive = ["voteBefore", "build", "rebut", "voteAfter"].includes(phase);
    if (interactive && moves < budget && misses < seats.length * 2) {
      const seat = seats[Math.floor(random() * seats.length)] as string;
      const me = seatView(ctx, phase, seat);
      const view = me ? teamView(ctx, phase, me.team) : null;
      const command = pupilMove(view, me, deck, proposed.get(seat) as Set<SlotId>, random);
      if (command) {
        moves++;
        return { command, by: { role: "seat", seat } };
      }
      misses++;
      return next();
    }
    const command = hostAdvance(screenView(ctx, phase), random);
    return command ? { command, by: host } : null;
  }

  return { room, seats, next, stop: () => room.stop() };
}
