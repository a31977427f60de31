// The only code that emits game state. After a room steps, each audience gets its view through
// game/views.ts: the shared part once per group (projector screen and not-yet-seated students,
// host, each team — one serialisation per group), and each student's private part (hand, votes)
// only to that student's sockets, and only when it changed. Every emit targets a room's group or
// one socket, never the whole server: an emit without a room reaches every class.
import type { Socket } from "socket.io";
import type { Server } from "socket.io";
import type { TeamSide } from "../content/schema";
import { IN_GAME } from "../game/lobby";
import { hostView, roomViews, screenView, seatView, teamView } from "../game/views";
import type { MePayload, Role, ViewPayload } from "./protocol";
import type { LiveRoom } from "./rooms";

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
  /** When this socket was last told it is rate limited (notices are themselves rate limited). */
  lastRateNoticeAt: number;
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

export class Broadcaster {
  /** Player sockets per room, to send private parts and keep team groups in step. */
  private readonly players = new Map<string, Set<Socket>>();

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
    for (const socket of this.playersOf(live.code)) this.me(live, socket, false);
    const ctx = live.room.context;
    const phase = live.room.phase;
    const code = live.code;
    const now = Date.now();
    const results = this.resultsId(live);
    const send = (to: string | string[], view: ViewPayload["view"]) =>
      this.io.to(to).emit("view", { view, now, results } satisfies ViewPayload);
    const views = roomViews(ctx, phase);
    send([group.screen(code), group.waiting(code)], views.screen);
    send(group.host(code), views.host);
    for (const team of ["failure", "success"] as const) send(group.team(code, team), views.teams[team]);
  }

  /** Puts a student's socket in the group its seat belongs to: its team while the seat plays, the
   *  waiting group before it has one, neither once the seat has left or been removed. */
  private place(live: LiveRoom, socket: Socket): void {
    const data = dataOf(socket);
    const seat = data.seat ? live.room.context.seats[data.seat] : undefined;
    const team = seat && IN_GAME.has(seat.status) ? seat.team : null;
    if (team !== data.team) {
      if (data.team) socket.leave(group.team(live.code, data.team));
      if (team) socket.join(group.team(live.code, team));
      data.team = team;
      data.lastMe = ""; // a new team: resend the private part too
    }
    if (data.seat) socket.leave(group.waiting(live.code));
    else socket.join(group.waiting(live.code));
  }

  /** A student's private part, sent when it changed (or always, when forced). */
  private me(live: LiveRoom, socket: Socket, force: boolean): void {
    this.place(live, socket);
    const data = dataOf(socket);
    if (!data.seat) return;
    const ctx = live.room.context;
    const me = seatView(ctx, live.room.phase, data.seat);
    const json = JSON.stringify(me);
    if (!force && json === data.lastMe) return;
    data.lastMe = json;
    socket.emit("me", {
      me,
      version: ctx.version,
      host: data.seat === live.auth.ownerSeat,
    } satisfies MePayload);
  }

  /** First sync of one socket (connect, reconnect, or just seated): through the same view functions
   *  as every broadcast, never a raw snapshot. */
  sync(live: LiveRoom, socket: Socket, opts: { deck: boolean }): void {
    const data = dataOf(socket);
    const ctx = live.room.context;
    const phase = live.room.phase;
    const payload = (view: ViewPayload["view"]): ViewPayload => ({
      view,
      now: Date.now(),
      results: this.resultsId(live),
    });
    if (opts.deck) socket.emit("deck", ctx.deck);
    if (data.role === "screen") return void socket.emit("view", payload(screenView(ctx, phase)));
    if (data.role === "host") return void socket.emit("view", payload(hostView(ctx, phase)));
    this.me(live, socket, true);
    socket.emit("view", payload(data.team ? teamView(ctx, phase, data.team) : screenView(ctx, phase)));
  }
}
