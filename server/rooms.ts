// The live rooms of this process: creating one, finding it by code, who holds which seat (token
// hashes and the host's secret hash — never the secrets), saving each room after every applied
// step, restoring them all after a restart, filing a finished game, and retiring idle rooms.
// One process owns all rooms; a second process would need a router by code (see README).
import type { Deck } from "../content/schema";
import type { Actor, Command } from "../game/events";
import { buildEssay, buildReport, buildRevision } from "../game/after";
import { outcome, totals } from "../game/flow";
import { type DispatchResult, type LoggedStep, Room, realScheduler, type Scheduler } from "../game/room";
import { seedFrom } from "../game/rng";
import type { Settings } from "../game/types";
import type { Logger } from "./log";
import { type PersistedMachine, type RoomAuth, RoomSaver, readSnapshot, type SeatAuth } from "./room-record";
import { hashSecret, newHostSecret, newId, newJoinCode, newSeatToken, safeEqual } from "./secrets";
import type { Store } from "./store/types";

/** How long a seat token stays valid after it was issued. A school day and then some. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Remembered client action ids per room, so a retried action is applied once. */
const RECENT_ACTIONS = 512;
export type { RoomAuth, SeatAuth } from "./room-record";

/** A room's auth as everyone but its LiveRoom sees it. */
export type ReadonlyRoomAuth = Readonly<Omit<RoomAuth, "tokens">> & {
  readonly tokens: Readonly<Record<string, Readonly<SeatAuth>>>;
};

export class LiveRoom {
  readonly recent = new Map<string, DispatchResult>();
  /** Builds this room's snapshots (and remembers what it already encoded). */
  readonly saver = new RoomSaver();
  finished = false;
  /** The finished game's id, once filed. */
  gameId: string | null = null;

  /** Bumped at every change to `auth`: a snapshot encodes it again only then. */
  private authVersion = 0;

  constructor(
    readonly room: Room,
    private readonly writableAuth: RoomAuth,
    /** Epoch ms of the last step or connection: what the janitor measures idleness by. */
    public lastActive: number,
  ) {}

  /** Who may act as what in this room. Read-only: it changes through this class's methods only. */
  get auth(): ReadonlyRoomAuth {
    return this.writableAuth;
  }

  /** Makes a seat the owner of the room (homework: the one student also holds the host's controls). */
  setOwner(seat: string): void {
    this.writableAuth.ownerSeat = seat;
    this.authVersion++;
  }

  get code(): string {
    return this.room.code;
  }

  /** The action id of the command being applied, until its step is saved (see `stepApplied`). */
  private applying: string | null = null;

  /** Applies a command once per client action id: a retry after a lost ack gets the first answer. */
  dispatch(command: Command, by: Actor, actionKey: string | null): DispatchResult {
    if (actionKey) {
      const seen = this.recent.get(actionKey);
      if (seen) return seen;
    }
    this.applying = actionKey;
    try {
      return this.room.dispatch(command, by);
    } finally {
      this.applying = null;
    }
  }

  /**
   * Called by the registry as a step is applied, before its snapshot is saved: the command's action
   * id goes into the same snapshot as its effect. (Remembered after the save, the id reached disk
   * only with the room's next step; a SIGKILL before that step, and the client's retry of an action
   * whose ack it never saw was applied a second time.)
   */
  stepApplied(): void {
    if (this.applying === null) return;
    const version = this.room.context.version;
    this.recent.set(this.applying, { ok: true, version });
    this.saver.remember(this.applying, version);
    this.applying = null;
    if (this.recent.size > RECENT_ACTIONS) this.recent.delete(this.recent.keys().next().value as string);
  }

  /** Forgets every token of a seat (removed or left: a fresh join gets a fresh seat). */
  forgetTokens(seat: string): boolean {
    let forgot = false;
    for (const [hash, auth] of Object.entries(this.writableAuth.tokens)) {
      if (auth.seat !== seat) continue;
      delete this.writableAuth.tokens[hash];
      forgot = true;
    }
    if (forgot) this.authVersion++;
    return forgot;
  }

  issueToken(seat: string, now: number): string {
    const token = newSeatToken();
    this.writableAuth.tokens[hashSecret(token)] = { seat, issuedAt: now };
    this.authVersion++;
    return token;
  }

  seatForToken(token: string, now: number): string | null {
    const found = this.auth.tokens[hashSecret(token)];
    if (!found || now - found.issuedAt > TOKEN_TTL_MS) return null;
    return found.seat;
  }

  isHost(secret: string): boolean {
    return safeEqual(hashSecret(secret), this.auth.hostSecretHash);
  }

  /** What the store keeps of this room now (see room-record.ts): after a step, that step added to
   *  the log when the log has room, else (or when asked) a checkpoint. Null while the engine is in
   *  error: an engine action that throws leaves the xstate actor in status "error" (and xstate
   *  rethrows it from a timer, which ends the process). Saving that would restore a dead room after
   *  the restart; keeping the last good snapshot restores the room as it was before the failing
   *  step. (A logged step is one the room applied without error: Room keeps only those.) */
  record(step: LoggedStep | null = null, checkpoint = false): Record<string, unknown> | null {
    if (!checkpoint && this.saver.canLog())
      // Without a step (a token issued), the state is still the checkpoint's with its log.
      return this.saver.log(step, this.writableAuth, this.authVersion);
    const machine = this.room.persisted() as PersistedMachine;
    if (machine.status === "error") return null;
    return this.saver.snapshot(machine, this.writableAuth, this.authVersion);
  }

  /** The record's entries changed since the store last took one (undefined: all of them). */
  changes(): ReadonlySet<string> | undefined {
    return this.saver.changes();
  }

  /** The store took the last record. */
  saved(): void {
    this.saver.saved();
  }
}

export interface RegistryOptions {
  store: Store;
  log: Logger;
  scheduler?: Scheduler;
  /** Called after every applied step of any room (the realtime layer broadcasts views). */
  onStep: (live: LiveRoom) => void;
}

/** How an idle room leaves memory (see janitor.ts for when). */
export type Retirement =
  /** A finished game: already filed, only the in-memory room goes. */
  | "forget"
  /** A lobby nobody used: deleted, nothing to keep. */
  | "discard"
  /** A game abandoned mid-way: filed as it stands (the teacher keeps the report), then retired. */
  | "file";

export class Registry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly scheduler: Scheduler;

  constructor(private readonly options: RegistryOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
  }

  get size(): number {
    return this.rooms.size;
  }

  get(code: string): LiveRoom | undefined {
    return this.rooms.get(code);
  }

  all(): IterableIterator<LiveRoom> {
    return this.rooms.values();
  }

  now(): number {
    return this.scheduler.now();
  }

  create(opts: {
    deck: Deck;
    deckId: string | null;
    mode: "class" | "homework";
    settings?: Partial<Settings>;
    homeworkId?: string | null;
  }): { live: LiveRoom; hostSecret: string } {
    let code = newJoinCode();
    while (this.rooms.has(code)) code = newJoinCode();
    const hostSecret = newHostSecret();
    const auth: RoomAuth = {
      hostSecretHash: hashSecret(hostSecret),
      tokens: {},
      deckId: opts.deckId,
      homeworkId: opts.homeworkId ?? null,
      ownerSeat: null,
    };
    let live: LiveRoom | undefined;
    const room = new Room({
      scheduler: this.scheduler,
      input: {
        code,
        deck: opts.deck,
        mode: opts.mode,
        seed: seedFrom(`${code}:${this.scheduler.now()}`),
        createdAt: this.scheduler.now(),
        settings: opts.settings,
      },
      onStep: () => live && this.afterStep(live),
    });
    live = new LiveRoom(room, auth, this.scheduler.now());
    this.rooms.set(code, live);
    this.save(live);
    this.options.log.info("room created", { room: code, mode: opts.mode, deck: opts.deckId ?? "seed" });
    return { live, hostSecret };
  }

  /** Brings back every live room after a restart, timers re-armed from their stored deadlines. */
  restore(): number {
    let restored = 0;
    for (const rec of this.options.store.loadLiveRooms()) {
      try {
        const data = readSnapshot(rec.snapshot);
        const machine = data.machine;
        if (data.replayStopped)
          this.options.log.error("room restored without the end of its step log", {
            room: rec.code,
            reason: data.replayStopped,
          });
        let live: LiveRoom | undefined;
        const room = new Room({
          scheduler: this.scheduler,
          snapshot: machine,
          onStep: () => live && this.afterStep(live),
        });
        live = new LiveRoom(room, data.auth, rec.updatedAt);
        for (const [key, result] of data.recent) {
          live.recent.set(key, result);
          if (result.ok) live.saver.remember(key, result.version);
        }
        this.rooms.set(rec.code, live);
        restored++;
        // Nobody is connected yet, but the students stay present for now: their browsers reconnect
        // by themselves within seconds, and a vote in progress waits for them. The realtime layer
        // marks away whoever is not back within the usual grace (presence.ts), as after any drop.
        if (room.phase === "verdict") this.finish(live, true);
        this.options.log.info("room restored", {
          room: rec.code,
          phase: room.phase,
          endsInMs: room.context.clock.endsAt === null ? null : room.context.clock.endsAt - this.now(),
        });
      } catch (err) {
        this.options.log.error("room restore failed", { room: rec.code, err: err as Error });
      }
    }
    return restored;
  }

  private afterStep(live: LiveRoom): void {
    live.lastActive = this.scheduler.now();
    live.stepApplied();
    this.save(live, live.room.lastStep);
    if (live.room.phase === "verdict" && !live.finished) this.finish(live, true);
    this.options.onStep(live);
  }

  /** Queues the room's snapshot for the next batch (`step`: the step just applied, which it may log
   *  rather than save a checkpoint). Never throws: a room must outlive a full disk (the store
   *  retries; acks wait for the retry through `afterWrite`). */
  save(live: LiveRoom, step: LoggedStep | null = null, checkpoint = false): void {
    if (live.finished) return;
    const record = live.record(step, checkpoint);
    if (!record) {
      this.options.log.error("room failed in the engine; last good state kept", { room: live.code });
      return;
    }
    try {
      const changed = live.changes();
      this.options.store.saveRoom({
        code: live.code,
        snapshot: record,
        updatedAt: this.scheduler.now(),
        ...(changed ? { changed } : {}),
      });
      live.saved();
    } catch (err) {
      this.options.log.error("room save failed", { room: live.code, err: err as Error });
    }
  }

  /** Files the game (report and essay plan) and retires the live record, in one transaction. */
  private finish(live: LiveRoom, complete: boolean): boolean {
    const ctx = live.room.context;
    const id = newId("game");
    // At home the student is the owner of the room: their side's revision list goes with the game.
    const owner = live.auth.ownerSeat ? ctx.seats[live.auth.ownerSeat] : undefined;
    try {
      this.options.store.finishRoom(live.code, {
        id,
        code: live.code,
        finishedAt: ctx.finishedAt ?? this.scheduler.now(),
        summary: {
          question: ctx.deck.question,
          sides: ctx.deck.sides,
          mode: ctx.mode,
          complete,
          hostSecretHash: live.auth.hostSecretHash,
          owner: owner ? { name: owner.name, team: owner.team } : null,
          totals: totals(ctx),
          winner: outcome(ctx).winner,
          revise: owner ? buildRevision(ctx, owner.team) : [],
        },
        report: buildReport(ctx),
        plan: buildEssay(ctx, owner?.team),
        deckId: live.auth.deckId,
        homeworkId: live.auth.homeworkId,
      });
    } catch (err) {
      // The live record stays in the store, so nothing is lost: the next step (or a restart from
      // the verdict) files it again.
      this.options.log.error("filing the game failed", { room: live.code, err: err as Error });
      return false;
    }
    live.finished = true;
    live.gameId = id;
    this.options.log.info("game filed", { room: live.code, game: id, complete });
    return true;
  }

  gameId(live: LiveRoom): string | null {
    return live.gameId;
  }

  /** Takes an idle room out of this process (the janitor decides when; see Retirement). */
  retire(live: LiveRoom, how: Retirement): void {
    if (how === "file" && !live.finished && !this.finish(live, false)) return;
    if (how === "discard") {
      try {
        this.options.store.deleteRoom(live.code);
      } catch (err) {
        this.options.log.error("room delete failed", { room: live.code, err: err as Error });
        return;
      }
    }
    live.room.stop();
    this.rooms.delete(live.code);
    this.options.log.info("room retired", { room: live.code, how, phase: live.room.phase });
  }

  /** Stops every room's timers (shutdown), each saved as a checkpoint first: a restart (perhaps of
   *  a newer version) then replays no step. The store is flushed by its owner. */
  stopAll(): void {
    for (const live of this.rooms.values()) {
      this.save(live, null, true);
      live.room.stop();
    }
  }
}
