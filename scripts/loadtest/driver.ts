// The load test's classrooms: real socket.io-client connections (websocket only, no compression)
// for a room's students, its host and its projector screen, playing whole games at classroom pace
// and timing every action until the whole room has its view (measure.ts says exactly what is
// timed). Importable: the reliability runs (floods, soak, chaos) drive rooms with the same code.
//
//   GameRoom  the real server: POST /api/rooms, connect the host and the screen, students join,
//             then the teacher configures and starts; pupils propose, write, vote and counter from
//             what they were sent (play.ts); the teacher skips and scores; after the verdict the
//             class starts a new game in a new room (the next lesson), on new connections.
//   BareRoom  the baseline (server/baseline/): the same sockets, the same action rate and the same
//             bytes per recipient, against a server that only fans payloads out.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { Card, Deck } from "../../content/schema";
import { cardIndex } from "../../game/cards";
import type { Phase, SlotId } from "../../game/types";
import type { HostView, ScreenView, SeatView } from "../../game/views";
import type { Ack, JoinAck } from "../../server/protocol";
import { ViewAssembly } from "../../app/_lib/view-assembly";
import { PROTOCOL_VERSION, SOCKET_PATH } from "../../server/protocol";
import { bump, DELIVERY_TIMEOUT_MS, type Pending, Receipts, sample, type Tally } from "./measure";
import { type Command, hostAdvance, hostSetup, pupilMove, rng } from "./play";

const ACK_TIMEOUT_MS = DELIVERY_TIMEOUT_MS;
const CONNECT_TIMEOUT_MS = 20_000;
/** Transport refusals: the server or the harness is at fault, not a race between pupils. */
const TRANSPORT_CODES = new Set([
  "bad_request",
  "stale_client",
  "no_room",
  "bad_secret",
  "bad_token",
  "rate_limited",
  "slow_down",
  "not_joined",
  "server_error",
  "internal",
]);

/** How a class plays: how fast pupils act, how long the teacher leaves each phase. */
export interface Pace {
  /** Pupil actions per room per second during Build and Rebut. */
  rate: number;
  /** Seconds before the teacher moves each phase on (a vote ends sooner once everyone has voted). */
  dwell: Record<Phase, number>;
  /** Rounds per game (3–5). */
  rounds: number;
}

/**
 * A game of about `gameSeconds`: Build the longest, then Rebut and the two verdict votes, then the
 * short phases. Pupils act at `rate` per room per second in Build and Rebut; in a vote every pupil
 * votes once, spread over the vote. With the defaults (a 300-second game, rate 1.5, 31 pupils) a
 * room sends about 1.2 actions a second, votes about a sixth of them, each vote a class voting
 * within half a minute. A real class of 31 with the default phase lengths (a 13-minute game, each
 * pupil proposing a card or two and voting on five slots each round) sends about 1.1 a second.
 */
export function paceFor(gameSeconds: number, rate: number, rounds = 3): Pace {
  const weight: Record<Phase, number> = {
    lobby: 0,
    voteBefore: 6,
    build: 8,
    reveal: 1,
    rebut: 4,
    judge: 1,
    result: 1,
    voteAfter: 6,
    verdict: 1,
  };
  const units = weight.voteBefore + weight.voteAfter + weight.verdict + rounds * 15;
  const unit = gameSeconds / units;
  const dwell = Object.fromEntries(Object.entries(weight).map(([k, w]) => [k, w * unit])) as Record<
    Phase,
    number
  >;
  return { rate, dwell, rounds };
}

/** What a room needs from the process running it. */
export interface LoadContext {
  url: string;
  tally: Tally;
  /** True while the run is being measured: only actions emitted then count. */
  measuring(): boolean;
  /** False once the run is ending: rooms stop acting (and stop starting new games). */
  running(): boolean;
  /** Resolves when every room of the run is seated (the first game waits for it). */
  started: Promise<void>;
  /** Source address for POST /api/rooms (the API limits new rooms per address). */
  localAddress?: string;
  log?(line: string): void;
}

let devices = 0;
function newDevice(): string {
  return `load-${process.pid}-${++devices}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One real client, not yet connected (listeners go on first: the server sends the deck and the
 *  first view in the same breath as accepting the connection). Websocket transport, no compression,
 *  no automatic reconnection: a dropped connection is a failure the run reports, not papers over. */
export function newSocket(url: string, auth: Record<string, unknown>): Socket {
  return io(url, {
    path: SOCKET_PATH,
    transports: ["websocket"],
    reconnection: false,
    autoConnect: false,
    forceNew: true,
    perMessageDeflate: false,
    timeout: CONNECT_TIMEOUT_MS,
    auth,
  } as unknown as Parameters<typeof io>[1]);
}

/** Connects a socket made by newSocket; rejects with the handshake's refusal code. */
export function connectSocket(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(Object.assign(new Error(`connect: ${err.data?.code ?? err.message}`), { code: err.data?.code }));
    });
    socket.connect();
  });
}

/** POST /api/rooms from `localAddress`, waiting out the per-address limit (429) when it bites. */
export async function createRoom(
  url: string,
  localAddress?: string,
  mode: "class" | "homework" = "class",
): Promise<{ code: string; hostSecret: string }> {
  for (let attempt = 0; ; attempt++) {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = JSON.stringify({ mode });
      const req = http.request(
        `${url}/api/rooms`,
        {
          method: "POST",
          localAddress,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
    if (status === 201) return JSON.parse(body) as { code: string; hostSecret: string };
    if (status !== 429 || attempt > 60) throw new Error(`create room: ${status} ${body}`);
    await delay(2_000);
  }
}

type Audience = "screen" | "host" | "team";

/** One connected client of a room: what it was last sent, and when each view version arrived. */
export class Member {
  view: ScreenView | null = null;
  /** Views put back together from their frames, as the app does. */
  private readonly views = new ViewAssembly<ScreenView>();
  me: SeatView | null = null;
  deck: Deck | null = null;
  seat: string | null = null;
  readonly proposed = new Set<SlotId>();
  readonly receipts: Receipts;
  private frameBytes = 0;
  private closing = false;

  constructor(
    readonly socket: Socket,
    readonly role: "player" | "host" | "screen",
    room: RoomBase,
  ) {
    this.receipts = new Receipts((p) => room.settle(p));
    // The raw frame's size (the parsed payload has lost it): the engine reports each packet before
    // socket.io decodes it, so the `view` or `me` handler below reads its own frame's size.
    socket.io.on("open", () => {
      socket.io.engine.on("packet", (packet: { type: string; data?: unknown }) => {
        if (packet.type === "message")
          this.frameBytes = typeof packet.data === "string" ? Buffer.byteLength(packet.data) + 1 : 0;
      });
    });
    socket.on("view", (p: { view: ScreenView; patch?: true; more?: true }) => {
      const at = performance.now();
      const taken = this.views.take(p);
      if (!taken) {
        room.broken(this, "patch_without_view");
        return;
      }
      room.sawView(this, taken.view.audience as Audience, this.frameBytes);
      if (!taken.complete) return;
      this.view = taken.view;
      this.receipts.received(this.view.version, at);
      room.onView(this);
    });
    socket.on("me", (p: { me: SeatView | null }) => {
      this.me = p.me;
      room.sawMe(this.frameBytes);
    });
    socket.on("deck", (deck: Deck) => {
      this.deck = deck;
    });
    socket.on("disconnect", (reason) => {
      this.receipts.abandon();
      if (!this.closing) room.lost(this, reason);
    });
  }

  /** Sends a command; resolves with its ack (or a timeout refusal). */
  /** Sends a command with a fresh action id, as the UI does (24 hex digits: app/_lib/storage.ts);
   *  the server remembers ids for retries, and that memory is part of what it saves per step. */
  command(cmd: Command): Promise<Ack> {
    const id = randomBytes(12).toString("hex");
    return new Promise((resolve) => {
      this.socket.timeout(ACK_TIMEOUT_MS).emit("command", { ...cmd, id }, (err: Error | null, ack: Ack) => {
        // socket.io-client fails a pending ack on a timeout, and at once when the socket disconnects.
        // Closed by this load generator (the class moved on to its next room): not the server's doing.
        const lost = this.closing
          ? "closed by the load generator"
          : err && !this.socket.connected
            ? "ack lost (socket disconnected)"
            : "ack timeout";
        resolve(err ? { ok: false, code: "server_error", message: lost } : ack);
      });
    });
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }
}

/** What both kinds of room share: members, timing actions, counting what arrived. */
export abstract class RoomBase {
  members: Member[] = [];
  private pending: { p: Pending; members: number }[] = [];
  private sweeper: NodeJS.Timeout | undefined;
  protected readonly random: () => number;

  constructor(
    protected readonly ctx: LoadContext,
    readonly index: number,
    seed: number,
  ) {
    this.random = rng(seed);
  }

  /** Connects a class to a fresh room. */
  abstract seat(): Promise<void>;
  /** Plays one game on the seated class. */
  protected abstract play(): Promise<void>;
  protected abstract stopTimers(): void;
  abstract onView(member: Member): void;

  /** Seconds one game lasts (the teacher's pace). */
  protected abstract gameSeconds(): number;
  /** Seconds of the first game still to skip through (see run). */
  protected skipTo = 0;
  /** The first game has reached its starting point (the skipping through is over). */
  atStart = false;

  /**
   * Plays games until the run ends: the first on the class seated before the run started, every
   * later one in a new room. The first game starts at a random point of its course (the teacher
   * skips through the phases before it, nobody else acts, before measuring begins), so from the
   * first measured second the rooms are spread evenly over a game, as a district's classes are,
   * rather than all voting in the same minute. `stagger` adds a random delay before that.
   */
  async run(stagger = 0): Promise<void> {
    this.startSweeper();
    let first = true;
    while (this.ctx.running()) {
      try {
        if (this.members.length === 0) await this.seat();
        if (first) {
          await this.ctx.started;
          if (stagger > 0) await delay(this.random() * stagger * 1000);
          this.skipTo = this.random() * this.gameSeconds();
          first = false;
        }
        if (!this.ctx.running()) break;
        await this.play();
      } catch (err) {
        bump(this.ctx.tally.errors, "room_failed");
        this.ctx.log?.(`room ${this.index}: ${(err as Error).message}`);
        await delay(1000);
      }
      this.stopTimers();
      await this.drain();
      for (const m of this.members) m.close();
      this.members = [];
    }
    this.close();
  }

  sawView(_member: Member, audience: Audience, bytes: number): void {
    if (!this.ctx.measuring()) return;
    const t = this.ctx.tally;
    t.frames++;
    if (bytes > t.viewMax) t.viewMax = bytes;
    // A sample of sizes, not all of them (an hour-long run sends millions).
    sample(t.viewBytes[audience], bytes);
    sample(t.viewBytes.all, bytes);
  }

  sawMe(bytes: number): void {
    if (!this.ctx.measuring()) return;
    const t = this.ctx.tally;
    t.frames++;
    t.meFrames++;
    sample(t.viewBytes.me, bytes);
  }

  /** A frame the client could not use: a server error, whatever the timings. */
  broken(member: Member, what: string): void {
    bump(this.ctx.tally.errors, what);
    this.ctx.log?.(`room ${this.index}: ${member.role} got ${what}`);
  }

  lost(member: Member, reason: string): void {
    bump(this.ctx.tally.errors, `disconnect:${reason}`);
    this.ctx.log?.(`room ${this.index}: ${member.role} disconnected (${reason})`);
  }

  settle(p: Pending): void {
    if (p.settled) return;
    p.settled = true;
    const i = this.pending.findIndex((x) => x.p === p);
    const entry = this.pending[i];
    if (i >= 0) this.pending.splice(i, 1);
    this.ctx.tally.latencies.push(p.last - p.t0);
    if (p.type) {
      const byType = this.ctx.tally.latencyByType;
      byType[p.type] = byType[p.type] ?? [];
      byType[p.type]?.push(p.last - p.t0);
    }
    this.ctx.tally.delivered += entry?.members ?? 0;
  }

  /** Sends `cmd` as `member`, timing it until every member has the view it produced. */
  protected async act(member: Member, cmd: Command): Promise<Ack> {
    const measured = this.ctx.measuring();
    const t0 = performance.now();
    const ack = await member.command(cmd);
    if (!ack.ok) {
      if (measured) {
        if (ack.message === "ack timeout") bump(this.ctx.tally.errors, `ack_timeout:${cmd.type}`);
        else if (ack.message === "closed by the load generator") bump(this.ctx.tally.refused, "closed_by_us");
        else if (ack.message.startsWith("ack lost"))
          bump(this.ctx.tally.errors, `ack_lost_disconnected:${cmd.type}`);
        else if (TRANSPORT_CODES.has(ack.code)) bump(this.ctx.tally.errors, `refused:${ack.code}`);
        else bump(this.ctx.tally.refused, ack.code);
      }
      return ack;
    }
    if (!measured || ack.version === undefined) return ack;
    const tally = this.ctx.tally;
    tally.actions++;
    bump(tally.byType, cmd.type);
    const p: Pending = { type: cmd.type, t0, version: ack.version, last: t0, remaining: 0, settled: false };
    const live = this.members.filter((m) => m.socket.connected);
    tally.pairs += live.length;
    this.pending.push({ p, members: live.length });
    for (const m of live) {
      const at = m.receipts.arrivalOf(p);
      if (at === null) p.remaining++;
      else if (at > p.last) p.last = at;
    }
    if (p.remaining === 0) this.settle(p);
    return ack;
  }

  /** Actions whose views have not all arrived in time count as lost, member by member. */
  protected sweep(now = performance.now()): void {
    for (const entry of [...this.pending]) {
      if (now - entry.p.t0 < DELIVERY_TIMEOUT_MS) continue;
      entry.p.settled = true;
      this.pending.splice(this.pending.indexOf(entry), 1);
      this.ctx.tally.delivered += entry.members - entry.p.remaining;
      bump(this.ctx.tally.errors, "lost_views", entry.p.remaining);
    }
    for (const m of this.members) m.receipts.trim(now);
  }

  protected startSweeper(): void {
    this.sweeper ??= setInterval(() => this.sweep(), 1000);
  }

  /** Waits (up to the delivery timeout) for every timed action to settle. */
  async drain(): Promise<void> {
    const until = performance.now() + DELIVERY_TIMEOUT_MS + 500;
    while (this.pending.length > 0 && performance.now() < until) await delay(100);
    this.sweep(performance.now() + DELIVERY_TIMEOUT_MS);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const m of this.members) m.close();
    this.members = [];
  }

  /** Connects `count` clients, `parallel` at a time. */
  protected async connectMany<T>(count: number, open: (i: number) => Promise<T>, parallel = 8): Promise<T[]> {
    const out: T[] = new Array(count);
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        out[i] = await open(i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
    return out;
  }
}

/** A class on the real server, game after game. */
export class GameRoom extends RoomBase {
  code = "";
  private host: Member | null = null;
  private students: Member[] = [];
  private phaseKey = "";
  private hostTimer: NodeJS.Timeout | undefined;
  private pupilTimer: NodeJS.Timeout | undefined;
  private deckIndex: Map<string, Card> | null = null;
  private finished: (() => void) | null = null;
  private acting = true;

  constructor(
    ctx: LoadContext,
    index: number,
    private readonly opts: { students: number; pace: Pace; seed: number; views?: "full" | "patch" },
  ) {
    super(ctx, index, opts.seed);
  }

  protected gameSeconds(): number {
    const { dwell: d, rounds } = this.opts.pace;
    return (
      d.voteBefore + d.voteAfter + d.verdict + rounds * (d.build + d.reveal + d.rebut + d.judge + d.result)
    );
  }

  /** Seats a class in a fresh room: host, screen, then each student joins. */
  async seat(): Promise<void> {
    const { code, hostSecret } = await createRoom(this.ctx.url, this.ctx.localAddress);
    this.code = code;
    this.phaseKey = "";
    const base = { protocol: PROTOCOL_VERSION, code, views: this.opts.views ?? "patch" };
    const open = async (role: "host" | "screen" | "player", auth: Record<string, unknown>) => {
      const m = new Member(
        newSocket(this.ctx.url, { ...base, role, device: newDevice(), ...auth }),
        role,
        this,
      );
      await connectSocket(m.socket);
      this.members.push(m);
      return m;
    };
    this.host = await open("host", { secret: hostSecret });
    await open("screen", {});
    this.students = await this.connectMany(this.opts.students, async (i) => {
      const m = await open("player", {});
      const ack = (await m.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("join", {
        name: `Pupil ${this.index}-${i + 1}`,
      })) as JoinAck;
      if (!ack.ok) throw new Error(`join: ${ack.code} ${ack.message}`);
      m.seat = ack.seat;
      return m;
    });
    if (!this.host.deck) throw new Error(`room ${code}: the host was not sent the deck`);
    this.deckIndex = cardIndex(this.host.deck);
    const host = this.host;
    const seated = () => (host.view?.seats.length ?? 0) >= this.opts.students;
    for (let i = 0; i < 200 && !seated(); i++) await delay(50);
    if (!seated()) throw new Error(`room ${code}: not every student is seated`);
    const setup = await host.command(hostSetup(host.view as HostView, this.opts.pace.rounds));
    if (!setup.ok) throw new Error(`configure: ${setup.code} ${setup.message}`);
  }

  /** One game, start to verdict. */
  protected play(): Promise<void> {
    return new Promise((resolve) => {
      this.finished = resolve;
      this.acting = true;
      // A class whose host stopped hearing views (a dropped socket) must not hang the run.
      const watchdog = setTimeout(
        () => {
          bump(this.ctx.tally.errors, "game_stalled");
          this.end();
        },
        this.gameSeconds() * 2000 + 30_000,
      );
      this.finished = () => {
        clearTimeout(watchdog);
        resolve();
      };
      const host = this.host as Member;
      void this.act(host, { type: "start" }).then((ack) => {
        if (!ack.ok) this.end();
      });
    });
  }

  private end(): void {
    this.stopTimers();
    const done = this.finished;
    this.finished = null;
    done?.();
  }

  protected stopTimers(): void {
    clearTimeout(this.hostTimer);
    clearTimeout(this.pupilTimer);
    this.hostTimer = undefined;
    this.pupilTimer = undefined;
  }

  onView(member: Member): void {
    if (member !== this.host || !this.finished) return;
    const view = member.view as ScreenView;
    const key = `${view.round}:${view.phase}`;
    if (key === this.phaseKey) return;
    this.phaseKey = key;
    if (view.phase === "verdict" && this.ctx.measuring()) this.ctx.tally.games++;
    this.stopTimers();
    for (const s of this.students) s.proposed.clear();
    const { dwell, rate } = this.opts.pace;
    const jitter = 0.8 + 0.4 * this.random();
    let seconds = dwell[view.phase] * jitter;
    if (this.skipTo > 0) {
      if (seconds <= this.skipTo && view.phase !== "verdict") {
        // Still before this room's starting point: move on at once.
        this.skipTo -= seconds;
        this.hostTimer = setTimeout(() => this.advance(key), 0);
        return;
      }
      seconds -= this.skipTo;
      this.skipTo = 0;
    }
    this.atStart = true;
    this.hostTimer = setTimeout(() => this.advance(key), seconds * 1000);
    if (view.phase === "build" || view.phase === "rebut") this.pupils(rate);
    else if (view.phase === "voteBefore" || view.phase === "voteAfter")
      this.pupils(this.students.length / Math.max(0.5, dwell[view.phase] * 0.9));
  }

  /** The teacher moves the phase on (unless it has moved on by itself meanwhile). */
  private advance(key: string): void {
    const host = this.host as Member;
    const view = host.view as ScreenView;
    if (key !== this.phaseKey || !this.finished) return;
    if (view.phase === "verdict" || !this.ctx.running() || !this.acting) {
      this.end();
      return;
    }
    const cmd = hostAdvance(view, this.random);
    if (!cmd) {
      this.end();
      return;
    }
    void this.act(host, cmd).then((ack) => {
      // A refused skip (a race with a vote that ended the phase) is retried on the next phase.
      if (!ack.ok && key === this.phaseKey) this.hostTimer = setTimeout(() => this.advance(key), 500);
    });
  }

  /** Pupils act at `rate` per second in all (a Poisson process over the room). */
  private pupils(rate: number): void {
    const tick = () => {
      if (!this.ctx.running()) {
        this.acting = false;
        return;
      }
      for (let tries = 0; tries < 4; tries++) {
        const s = this.students[Math.floor(this.random() * this.students.length)];
        if (!s || !this.deckIndex) break;
        const cmd = pupilMove(s.view, s.me, this.deckIndex, s.proposed, this.random);
        if (cmd) {
          void this.act(s, cmd);
          break;
        }
      }
      this.pupilTimer = setTimeout(tick, (-Math.log(1 - this.random()) / rate) * 1000);
    };
    this.pupilTimer = setTimeout(tick, (-Math.log(1 - this.random()) / rate) * 1000);
  }
}

/** What the baseline replays: sizes per recipient from the real run, and the action rate. */
export interface BareShape {
  /** Actions per room per second (the real run's measured rate). */
  rate: number;
  /** Frame sizes seen by each audience in the real run (sampled), in bytes. */
  sizes: Record<"screen" | "host" | "team" | "me", number[]>;
  /** Private-part frames per action in the real run. */
  mePerAction: number;
  /** Bytes sent once per connection (the deck). */
  deckBytes: number;
  /** Seconds between the room's new games (its members reconnect, as the real classes do). */
  gameSeconds: number;
}

/** A class on the bare Socket.IO server: same sockets, same rate, same bytes. */
export class BareRoom extends RoomBase {
  private timer: NodeJS.Timeout | undefined;
  private students: Member[] = [];
  private host: Member | null = null;

  constructor(
    ctx: LoadContext,
    index: number,
    private readonly opts: { students: number; shape: BareShape; seed: number },
  ) {
    super(ctx, index, opts.seed);
  }

  private pick(list: number[]): number {
    return list.length === 0 ? 200 : (list[Math.floor(this.random() * list.length)] as number);
  }

  async seat(): Promise<void> {
    const room = `r${process.pid}-${this.index}-${Math.floor(this.random() * 1e9)}`;
    const hello = { room, deck: this.opts.shape.deckBytes };
    const open = async (role: "host" | "screen" | "player", team?: string) => {
      const view = this.pick(this.opts.shape.sizes[role === "player" ? "team" : role]);
      const m = new Member(newSocket(this.ctx.url, { ...hello, role, team, view }), role, this);
      await connectSocket(m.socket);
      this.members.push(m);
      return m;
    };
    this.host = await open("host");
    await open("screen");
    this.students = await this.connectMany(this.opts.students, (i) =>
      open("player", i % 2 === 0 ? "failure" : "success"),
    );
  }

  protected stopTimers(): void {
    clearTimeout(this.timer);
  }

  protected gameSeconds(): number {
    return this.opts.shape.gameSeconds;
  }

  protected play(): Promise<void> {
    const { shape } = this.opts;
    const until = performance.now() + (shape.gameSeconds - this.skipTo) * 1000;
    this.skipTo = 0;
    this.atStart = true;
    return new Promise((resolve) => {
      const tick = () => {
        if (performance.now() >= until && this.ctx.measuring()) this.ctx.tally.games++;
        if (!this.ctx.running() || performance.now() >= until) return resolve();
        // The real run's mix: mostly pupils, the teacher's skips and scores now and then.
        const actor =
          this.random() < 0.1
            ? (this.host as Member)
            : this.students[Math.floor(this.random() * this.students.length)];
        const whole = Math.floor(shape.mePerAction);
        const me = whole + (this.random() < shape.mePerAction - whole ? 1 : 0);
        if (actor)
          void this.act(actor, {
            type: "act",
            screen: this.pick(shape.sizes.screen),
            host: this.pick(shape.sizes.host),
            failure: this.pick(shape.sizes.team),
            success: this.pick(shape.sizes.team),
            me: Array.from({ length: me }, () => this.pick(shape.sizes.me)),
          } as unknown as Command);
        this.timer = setTimeout(tick, (-Math.log(1 - this.random()) / shape.rate) * 1000);
      };
      this.timer = setTimeout(tick, (-Math.log(1 - this.random()) / shape.rate) * 1000);
    });
  }

  onView(): void {}
}
