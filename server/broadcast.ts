// The only code that emits game state. After a room steps, each audience gets its view through
// game/views.ts: the shared part once per group (projector screen and not-yet-seated students,
// host, each team — one serialisation per group), and each student's private part (hand, votes)
// only to that student's sockets, and only when it changed. Every emit targets a room's group or
// one socket, never the whole server: an emit without a room reaches every class.
//
// A connection that asked for `views: "patch"` sits in the patch twin of its group (`…:p`) and gets
// only the top-level fields that changed since the group's previous view. That is sound because
// every member of a patch group holds the group's last view: each step is broadcast before the next
// one (realtime.ts), a connection's first view is whole and of the current state, and a socket that
// changes group is left out of its new group's patch and sent its new whole view instead. A patch
// is cut from the whole view, so it can never hold more than the audience may see.
import type { BroadcastOperator, DefaultEventsMap, Server, Socket } from "socket.io";
import type { Deck, TeamSide } from "../content/schema";
import { IN_GAME } from "../game/lobby";
import type { GameContext } from "../game/types";
import { hostView, roomViews, screenView, seatView, teamView } from "../game/views";
import { objectJson, Prebuilt } from "./prebuilt";
import type { MePayload, Role, ViewPayload } from "./protocol";
import type { LiveRoom } from "./rooms";
import { changedSeats, opening, type SeatBasis, showsMarks } from "./seat-changes";
import { viewParts } from "./view-frames";

export interface SocketData {
  code: string;
  role: Role;
  seat: string | null;
  /** The browser's random id (not a secret, but never sent to anyone else). */
  device: string;
  ip: string;
  /** The team group this socket is in (seated players). */
  team: TeamSide | null;
  /** JSON of the last private view sent, to skip unchanged ones. */
  lastMe: string;
  /** What the last private view was built from (see `MeInputs`); undefined: build it. */
  meInputs: MeInputs | undefined;
  /** When this socket was last told it is rate limited (notices are themselves rate limited). */
  lastRateNoticeAt: number;
  /** Asked for `views: "patch"` (set when the connection is served). */
  patch: boolean;
  /** In the waiting group (a student socket without a seat); undefined until first placed. */
  waiting: boolean | undefined;
}

export const group = {
  /** Every socket of the room: for closing it, never for game state. */
  all: (code: string) => `${code}`,
  screen: (code: string) => `${code}:screen`,
  host: (code: string) => `${code}:host`,
  team: (code: string, team: TeamSide) => `${code}:team:${team}`,
  /** Student sockets without a seat yet (the join page): they see what the projector sees. */
  waiting: (code: string) => `${code}:waiting`,
};

export function dataOf(socket: Socket): SocketData {
  return socket.data as SocketData;
}

/** The group a socket joins for an audience: the patch twin when it asked for patches. */
export function viewGroup(name: string, socket: Socket): string {
  return dataOf(socket).patch ? `${name}:p` : name;
}

/**
 * Everything a student's private part (game/views.ts seatView) is made of: their seat object, the
 * card copies, their verdict vote, and in Build and Rebut which proposals they made and back. The
 * engine never changes an object in place, so the same objects and marks make the same part: a
 * step that touched none of them needs no new part built for that student (most steps, for most).
 */
interface MeInputs {
  seat: object;
  copies: object;
  vote: unknown;
  /** Their team's proposals in Build and Rebut (null in other phases): the same object as last
   *  time, so are the student's marks. */
  proposals: GameContext["teams"]["failure"]["proposals"] | null;
  /** Which ballot their vote is on: the opening one (true) or the closing one. */
  opening: boolean;
}

/** An audience's groups (where whole views go) and their patch twins, named once per room. */
interface Audience {
  groups: string[];
  twins: string[];
  /** Emitters to each, made once (an emitter is never changed by emitting: `except` makes another). */
  toGroups: BroadcastOperator<DefaultEventsMap, unknown>;
  toTwins: BroadcastOperator<DefaultEventsMap, unknown>;
}

/** Each top-level field of the view a patch group's members hold: the value (by identity: views
 *  are never changed once built) and its JSON. */
type Sent = Map<string, { value: unknown; json: string }>;

const decks = new WeakMap<Deck, Prebuilt>();
/** The deck as sent at every connection (about 20 KB of JSON): made once per deck. */
function deckFrame(deck: Deck): Prebuilt {
  let frame = decks.get(deck);
  if (!frame) {
    frame = new Prebuilt(JSON.stringify(deck));
    decks.set(deck, frame);
  }
  return frame;
}

export class Broadcaster {
  /** Player sockets per room, to send private parts and keep team groups in step. */
  private readonly players = new Map<string, Set<Socket>>();
  /** Per room, its audiences' group names (made once: they are looked up at every step). */
  private readonly audiences = new WeakMap<LiveRoom, Record<"screen" | "host" | TeamSide, Audience>>();
  /** Per room, per patch group: what its members hold (dropped with the room). */
  private readonly sent = new WeakMap<LiveRoom, Map<string, Sent>>();
  /** JSON of view field objects, by identity (views are never changed once built). */
  private readonly json = new WeakMap<object, string>();
  /** Per room, what its students' private parts were last built from (seat-changes.ts). */
  private readonly bases = new WeakMap<LiveRoom, SeatBasis>();
  /** Patch sockets that changed group during the current broadcast: they get a whole view. */
  private readonly moved = new Set<Socket>();

  constructor(
    private readonly io: Server,
    private readonly resultsId: (live: LiveRoom) => string | null,
  ) {}

  addPlayer(code: string, socket: Socket): void {
    let set = this.players.get(code);
    if (!set) {
      set = new Set();
      this.players.set(code, set);
    }
    set.add(socket);
  }

  removePlayer(code: string, socket: Socket): void {
    const set = this.players.get(code);
    set?.delete(socket);
    if (set?.size === 0) this.players.delete(code);
  }

  playersOf(code: string): ReadonlySet<Socket> {
    return this.players.get(code) ?? new Set();
  }

  /** Is any socket of this seat connected? */
  seatConnected(code: string, seat: string): boolean {
    for (const s of this.playersOf(code)) if (dataOf(s).seat === seat) return true;
    return false;
  }

  /** Sockets of any role connected to the room. */
  connectedCount(code: string): number {
    return this.io.sockets.adapter.rooms.get(group.all(code))?.size ?? 0;
  }

  /** Sends every audience of the room its current view. Private parts go first, so a student who
   *  was just moved has left the old team's group (and knows their new team) before views go out. */
  room(live: LiveRoom): void {
    this.moved.clear();
    const ctx = live.room.context;
    const phase = live.room.phase;
    const basis = this.bases.get(live);
    const changed = changedSeats(basis, ctx, phase);
    for (const socket of this.playersOf(live.code)) {
      const data = dataOf(socket);
      // A seat the step left alone has the part it was sent (a socket that was never sent one, or
      // had to start again, is looked at all the same).
      if (changed && data.seat !== null && data.meInputs !== undefined && !changed.has(data.seat)) continue;
      this.me(live, socket, false);
    }
    if (basis) {
      basis.ctx = ctx;
      basis.phase = phase;
    } else this.bases.set(live, { ctx, phase });
    const code = live.code;
    const now = Date.now();
    const results = this.resultsId(live);
    const views = roomViews(ctx, phase);
    // The audiences' views share most fields by reference (game/views.ts builds the projector's part
    // once, and keeps a part a step did not change): each field object is turned into JSON once,
    // not once per audience and step.
    let audiences = this.audiences.get(live);
    if (!audiences) {
      const of = (groups: string[]): Audience => {
        const twins = groups.map((g) => `${g}:p`);
        return { groups, twins, toGroups: this.io.to(groups), toTwins: this.io.to(twins) };
      };
      audiences = {
        screen: of([group.screen(code), group.waiting(code)]),
        host: of([group.host(code)]),
        failure: of([group.team(code, "failure")]),
        success: of([group.team(code, "success")]),
      };
      this.audiences.set(live, audiences);
    }
    this.send(live, audiences.screen, views.screen, now, results);
    this.send(live, audiences.host, views.host, now, results);
    for (const team of ["failure", "success"] as const)
      this.send(live, audiences[team], views.teams[team], now, results);
    for (const socket of this.moved) {
      const team = dataOf(socket).team;
      const view = team ? views.teams[team] : views.screen;
      for (const frame of this.frames(view as unknown as Record<string, unknown>, false, now, results))
        socket.emit("view", frame);
    }
    this.moved.clear();
  }

  private members(groups: string[]): number {
    let n = 0;
    for (const g of groups) n += this.io.sockets.adapter.rooms.get(g)?.size ?? 0;
    return n;
  }

  /** One audience's view: whole to its group, and as a patch to the group's patch twin. Groups
   *  nobody is in cost nothing (an emit would serialise the view even for no one). */
  private send(
    live: LiveRoom,
    { groups, twins, toGroups, toTwins }: Audience,
    view: ViewPayload["view"],
    now: number,
    results: string | null,
  ) {
    if (this.members(groups) > 0)
      toGroups.emit("view", this.frame(view as unknown as Record<string, unknown>, now, results));
    let rooms = this.sent.get(live);
    const key = twins[0] as string;
    if (this.members(twins) === 0) {
      // Nobody holds this group's views: the next member starts from a whole one.
      rooms?.delete(key);
      return;
    }
    if (!rooms) {
      rooms = new Map();
      this.sent.set(live, rooms);
    }
    const last = rooms.get(key);
    const held: Sent = last ?? new Map();
    if (!last) rooms.set(key, held);
    const patch: Record<string, unknown> = {};
    let fields = 0;
    for (const field in view) {
      fields++;
      const value = (view as unknown as Record<string, unknown>)[field];
      const had = held.get(field);
      // The same object (or primitive) as the members hold: unchanged, without encoding anything.
      if (had !== undefined && had.value === value) continue;
      const json = this.encode(value);
      if (had !== undefined && had.json === json) {
        had.value = value; // rebuilt, but the same: the next step compares with this object
        continue;
      }
      held.set(field, { value, json });
      patch[field] = value;
    }
    if (held.size > fields)
      for (const field of held.keys()) if (!Object.hasOwn(view, field)) held.delete(field);
    let to = toTwins;
    if (this.moved.size > 0) to = to.except([...this.moved].map((s) => s.id));
    for (const frame of this.frames(
      last ? patch : (view as unknown as Record<string, unknown>),
      !!last,
      now,
      results,
    ))
      to.emit("view", frame);
  }

  /** A view field's JSON, once per field object (views are never changed once built). An arrow
   *  property: it is handed to viewParts as is. */
  private readonly encode = (value: unknown): string => {
    if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "";
    let text = this.json.get(value);
    if (text === undefined) {
      text = JSON.stringify(value) ?? "";
      this.json.set(value, text);
    }
    return text;
  };

  /** A view (or patch) for `views: "patch"` connections, as frames within MAX_VIEW_FRAME_BYTES:
   *  the first as the view would have come, the rest patches; all but the last with `more`. */
  private frames(
    view: Record<string, unknown>,
    patch: boolean,
    now: number,
    results: string | null,
  ): Prebuilt[] {
    const parts = viewParts(view, this.encode);
    return parts.map((part, i) => this.frame(part, now, results, patch || i > 0, i < parts.length - 1));
  }

  /** One `view` frame (a ViewPayload), put together from its fields' cached JSON (prebuilt.ts). */
  private frame(
    view: Record<string, unknown>,
    now: number,
    results: string | null,
    patch = false,
    more = false,
  ) {
    const tail = `${patch ? ',"patch":true' : ""}${more ? ',"more":true' : ""}`;
    return new Prebuilt(
      `{"view":${objectJson(view, this.encode)},"now":${JSON.stringify(now)},"results":${JSON.stringify(results)}${tail}}`,
    );
  }

  /** Puts a student's socket in the group its seat belongs to: its team while the seat plays, the
   *  waiting group before it has one, neither once the seat has left or been removed. */
  private place(live: LiveRoom, socket: Socket): void {
    const data = dataOf(socket);
    const seat = data.seat ? live.room.context.seats[data.seat] : undefined;
    const team = seat && IN_GAME.has(seat.status) ? seat.team : null;
    if (team !== data.team) {
      if (data.team) socket.leave(viewGroup(group.team(live.code, data.team), socket));
      if (team) socket.join(viewGroup(group.team(live.code, team), socket));
      data.team = team;
      data.lastMe = ""; // a new team: resend the private part too
      data.meInputs = undefined;
      if (data.patch) this.moved.add(socket); // and a whole view: it never had this group's last one
    }
    // Only when it changes: this runs for every student socket at every step.
    const waiting = data.seat === null;
    if (waiting !== data.waiting) {
      if (waiting) socket.join(viewGroup(group.waiting(live.code), socket));
      else socket.leave(viewGroup(group.waiting(live.code), socket));
      data.waiting = waiting;
    }
  }

  /** A student's private part, sent when it changed (or always, when forced). */
  private me(live: LiveRoom, socket: Socket, force: boolean): void {
    this.place(live, socket);
    const data = dataOf(socket);
    if (!data.seat) return;
    const ctx = live.room.context;
    const phase = live.room.phase;
    const seat = ctx.seats[data.seat];
    let inputs: MeInputs | undefined;
    if (seat) {
      const proposals = showsMarks(phase) ? ctx.teams[seat.team].proposals : null;
      const before = opening(ctx, phase);
      const vote = (before ? ctx.verdict.before : ctx.verdict.after)[seat.id];
      const last = data.meInputs;
      // When every room's socket is looked at (a new phase, a first broadcast): nothing this
      // student is shown was touched.
      if (
        !force &&
        last !== undefined &&
        last.seat === seat &&
        last.copies === ctx.copies &&
        last.vote === vote &&
        last.opening === before &&
        last.proposals === proposals
      )
        return;
      inputs = { seat, copies: ctx.copies, vote, proposals, opening: before };
    }
    data.meInputs = inputs;
    const json = JSON.stringify(seatView(ctx, phase, data.seat));
    if (!force && json === data.lastMe) return;
    data.lastMe = json;
    const host: MePayload["host"] = data.seat === live.auth.ownerSeat;
    // A MePayload, from the JSON just made for the comparison.
    socket.emit("me", new Prebuilt(`{"me":${json},"version":${JSON.stringify(ctx.version)},"host":${host}}`));
  }

  /** First sync of one socket (connect, reconnect, or just seated): through the same view functions
   *  as every broadcast, never a raw snapshot. */
  sync(live: LiveRoom, socket: Socket, opts: { deck: boolean }): void {
    const data = dataOf(socket);
    const ctx = live.room.context;
    const phase = live.room.phase;
    const send = (view: ViewPayload["view"]) => {
      const now = Date.now();
      const results = this.resultsId(live);
      if (!data.patch)
        return void socket.emit("view", this.frame(view as unknown as Record<string, unknown>, now, results));
      for (const frame of this.frames(view as unknown as Record<string, unknown>, false, now, results))
        socket.emit("view", frame);
    };
    if (opts.deck) socket.emit("deck", deckFrame(ctx.deck));
    if (data.role === "screen") send(screenView(ctx, phase));
    else if (data.role === "host") send(hostView(ctx, phase));
    else this.student(live, socket, send);
  }

  /** A student's first sync: their private part, then their team's view (or the projector's). */
  private student(live: LiveRoom, socket: Socket, send: (view: ViewPayload["view"]) => void): void {
    const data = dataOf(socket);
    const ctx = live.room.context;
    const phase = live.room.phase;
    this.me(live, socket, true);
    // The whole view goes out just below: no second one at the next broadcast.
    this.moved.delete(socket);
    send(data.team ? teamView(ctx, phase, data.team) : screenView(ctx, phase));
  }
}
