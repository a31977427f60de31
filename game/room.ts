// The room driver: one xstate actor per room, fed one event at a time. It stamps each command
// with the injected clock, answers refusals with the rules' reason, and after every step (re)arms
// the single phase timer from the deadline stored in context — live or restored alike.
// No I/O: the clock and timer functions are injected (real timers on the server, fake in tests,
// virtual time in the simulator).
import { createActor, type Actor as XActor, type SnapshotFrom } from "xstate";
import type { Actor, Command, GameEvent, Refusal } from "./events";
import { type BotPace, BotCrew, crewSeed } from "./bots/crew";
import { check } from "./rules";
import { type GameInput, gameMachine } from "./machine";
import type { GameContext, Phase } from "./types";

export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type DispatchResult = { ok: true; version: number } | ({ ok: false } & Refusal);

export type GameSnapshot = SnapshotFrom<typeof gameMachine>;

/** One applied step as a room's saves log it between checkpoints: the event, as the machine got
 *  it, and the version it produced (a replay that gives another version has gone wrong). */
export interface LoggedStep {
  event: GameEvent;
  version: number;
}

/**
 * Applies logged steps to a persisted snapshot, as the room applied them (the engine is pure: the
 * same snapshot and events give the same state). Stops at the first step that fails or gives
 * another version than it did, and returns the snapshot before it with the reason.
 */
export function replaySteps(
  snapshot: unknown,
  steps: readonly LoggedStep[],
): { snapshot: unknown; applied: number; stopped: string | null } {
  if (steps.length === 0) return { snapshot, applied: 0, stopped: null };
  const actor = createActor(gameMachine, { snapshot: snapshot as GameSnapshot, input: undefined as never });
  actor.subscribe({ error: () => {} });
  actor.start();
  let applied = 0;
  let stopped: string | null = null;
  let good = actor.getSnapshot();
  for (const step of steps) {
    let threw = false;
    try {
      actor.send(step.event);
    } catch {
      threw = true; // not an event the machine can take (a damaged entry)
    }
    const now = actor.getSnapshot();
    if (threw || now.status === "error") stopped = `step ${applied + 1} failed in the engine`;
    else if (now.context.version !== step.version)
      stopped = `step ${applied + 1} gave version ${now.context.version}, not ${step.version}`;
    if (stopped) break;
    good = now;
    applied++;
  }
  actor.stop();
  return { snapshot: gameMachine.getPersistedSnapshot(good), applied, stopped };
}

export interface RoomOptions {
  scheduler: Scheduler;
  /** A new room… */
  input?: GameInput;
  /** …or one restored from `persisted()`. */
  snapshot?: unknown;
  /** Called after every applied step (commands and timer steps alike). */
  onStep?: (room: Room) => void;
  /** How the room's bots act: human-like ("class", default) or at once ("instant"). */
  botPace?: BotPace;
}

const EMPTY = {} as GameContext;

export class Room {
  private actor: XActor<typeof gameMachine>;
  private readonly scheduler: Scheduler;
  private readonly onStep?: (room: Room) => void;
  private timer: unknown = null;
  private armedFor: number | null = null;
  private stopped = false;
  private readonly crew: BotCrew;

  constructor(options: RoomOptions) {
    this.scheduler = options.scheduler;
    this.onStep = options.onStep;
    if (options.snapshot !== undefined) {
      this.actor = this.resume(options.snapshot);
    } else if (options.input) {
      this.actor = createActor(gameMachine, { input: options.input });
      this.watch(this.actor);
    } else {
      throw new Error("a room needs an input or a snapshot");
    }
    this.actor.start();
    this.crew = new BotCrew(this, this.scheduler, options.botPace ?? "class", crewSeed(this.context));
    this.arm();
    this.crew.sync();
  }

  get context(): GameContext {
    return this.actor.getSnapshot().context;
  }

  get phase(): Phase {
    return this.actor.getSnapshot().value as Phase;
  }

  get code(): string {
    return this.context.code;
  }

  /** Checks, applies and reports one command. Rooms apply events one at a time: this is synchronous. */
  dispatch(command: Command, by: Actor): DispatchResult {
    if (this.stopped) return { ok: false, code: "game_over", message: "This room is closed." };
    // Not `{ ...command, by, at }`: V8 copies a literal that starts with a spread and adds fields
    // after it on a slow path (about 2 µs a command, against 0.2). `by` and `at` still come last,
    // over anything the command holds.
    const event = Object.assign({}, command, { by, at: this.scheduler.now() });
    const refusal = check(this.context, this.phase, event);
    if (refusal) return { ok: false, ...refusal };
    if (command.type === "skip" && (this.phase === "build" || this.phase === "rebut")) {
      // Ending Build or Rebut early: the bots play their turns first (which may itself have moved
      // the game on, so check again).
      this.crew.hurry();
      const again = check(this.context, this.phase, { ...event, at: this.scheduler.now() });
      if (again) return { ok: false, ...again };
    }
    if (!this.send(event))
      return { ok: false, code: "internal", message: "Something went wrong: nothing changed. Try again." };
    this.afterStep();
    return { ok: true, version: this.context.version };
  }

  /** The step applied last (what a save logs; see server/room-record.ts). */
  lastStep: LoggedStep | null = null;

  /** The last error a step threw (the room was put back as it was before that step). */
  lastError: unknown = null;

  /**
   * Sends one event. If a rule throws, xstate would leave the actor in its error state (and
   * rethrow from a timer, taking the process down): instead the room goes back to the snapshot
   * before the step, and the step is reported as not applied.
   */
  private send(event: GameEvent): boolean {
    const before = this.actor.getSnapshot();
    this.actor.send(event);
    if (this.actor.getSnapshot().status !== "error") {
      this.lastStep = { event, version: this.context.version };
      return true;
    }
    this.actor.stop();
    this.actor = this.resume(gameMachine.getPersistedSnapshot(before));
    this.actor.start();
    return false;
  }

  private resume(snapshot: unknown): XActor<typeof gameMachine> {
    // Restoring ignores `input`: the snapshot carries the whole context.
    const actor = createActor(gameMachine, { snapshot: snapshot as GameSnapshot, input: undefined as never });
    this.watch(actor);
    return actor;
  }

  /** An error observer, so a throwing rule is ours to handle rather than an uncaught exception. */
  private watch(actor: XActor<typeof gameMachine>): void {
    actor.subscribe({
      error: (err) => {
        this.lastError = err;
      },
    });
  }

  /** Everything needed to bring this room back after a restart (JSON-serialisable). */
  persisted(): unknown {
    // xstate's own persisting walks the whole context looking for actor refs to replace, at every
    // save (a tenth of the server's persistence cost in a busy school). The context holds plain data
    // only, and steps never mutate it (edit.ts copies what they change), so it is persisted by
    // reference: xstate persists everything else, from the same snapshot with an empty context —
    // and only when that has changed (a phase change; most steps keep every part of it, by identity).
    const snapshot = this.actor.getSnapshot();
    const made = this.persistedRest;
    const rest =
      made &&
      made.from.value === snapshot.value &&
      made.from.status === snapshot.status &&
      made.from.historyValue === snapshot.historyValue &&
      made.from.children === snapshot.children &&
      made.from.output === snapshot.output &&
      made.from.error === snapshot.error
        ? made.rest
        : gameMachine.getPersistedSnapshot({ ...snapshot, context: EMPTY } as typeof snapshot);
    if (rest !== made?.rest) this.persistedRest = { from: snapshot, rest };
    return { ...(rest as object), context: snapshot.context };
  }

  /** The last snapshot persisted without its context, and what it was made from. */
  private persistedRest: { from: GameSnapshot; rest: unknown } | null = null;

  stop(): void {
    this.stopped = true;
    this.crew.cancel();
    this.disarm();
    this.actor.stop();
  }

  private afterStep(): void {
    this.arm();
    this.crew.sync();
    this.onStep?.(this);
  }

  private disarm(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
  }

  /** One timer per room, for the stored deadline. Re-armed only when the deadline changes. */
  private arm(): void {
    const endsAt = this.context.paused ? null : this.context.clock.endsAt;
    if (endsAt === this.armedFor) return;
    this.disarm();
    if (endsAt === null || this.stopped) return;
    this.armedFor = endsAt;
    const delay = Math.max(0, endsAt - this.scheduler.now());
    this.timer = this.scheduler.setTimeout(() => this.fire(endsAt), delay);
  }

  private fire(endsAt: number): void {
    this.timer = null;
    this.armedFor = null;
    if (this.stopped) return;
    // A timer can fire a hair early on some platforms: stamp it no earlier than its deadline.
    const at = Math.max(this.scheduler.now(), endsAt);
    const event = { type: "timeUp" as const, by: { role: "system" as const }, at };
    if (check(this.context, this.phase, event) === null) {
      if (this.send(event)) this.afterStep();
      else this.arm();
    } else {
      this.arm();
    }
  }
}
