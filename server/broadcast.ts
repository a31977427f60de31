// The only code that emits game state. After a room steps, each audience gets its view: the
// shared part once per group (screen, host, each team — one serialisation per group), and each
// student's private part (hand, votes) only to that student's sockets, and only when it changed.
// Every emit targets a room group or a socket: never the whole server.
import type { Server, Socket } from "socket.io";
import type { TeamSide } from "../content/schema";
import { hostView, screenView, seatView, teamView } from "../game/views";
import type { LiveRoom } from "./rooms";

export type Role = "player" | "host" | "screen";

export interface SocketData {
  code: string;
  role: Role;
  seat: string | null;
  device: string;
  ip: string;
  /** The team group this socket is in (players). */
  team: TeamSide | null;
  /** JSON of the last private view sent, to skip unchanged ones. */
  lastMe: string;
}

export type GameSocket = Socket<
  Record<string, never>,
  Record<string, (...args: never[]) => void>,
  Record<string, never>,
  SocketData
>;

export const group = {
  all: (code: string) => `${code}`,
  screen: (code: string) => `${code}:screen`,
  host: (code: string) => `${code}:host`,
  team: (code: string, team: TeamSide) => `${code}:team:${team}`,
  players: (code: string) => `${code}:players`,
};

export class Broadcaster {
  /** Player sockets per room, to send private parts and move team groups. */
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

  /** Sends every audience of the room its current view. */
  room(live: LiveRoom): void {
    const ctx = live.room.context;
    const phase = live.room.phase;
    const code = live.code;
    const now = Date.now();
    const results = this.resultsId(live);
    this.io.to(group.screen(code)).emit("view", { view: screenView(ctx, phase), now, results });
    this.io.to(group.host(code)).emit("view", { view: hostView(ctx, phase), now, results });
    for (const team of ["failure", "success"] as const) {
      this.io.to(group.team(code, team)).emit("view", { view: teamView(ctx, phase, team), now, results });
    }
    for (const socket of this.playersOf(code)) this.me(live, socket, false);
  }

  /** A student's private part, sent when it changed (or always, on first sync). Keeps the socket's
   *  team group in step with its seat (the teacher may have moved the student). */
  me(live: LiveRoom, socket: Socket, force: boolean): void {
    const data = socket.data as SocketData;
    if (!data.seat) return;
    const ctx = live.room.context;
    const me = seatView(ctx, live.room.phase, data.seat);
    const team = me?.team ?? null;
    if (team !== data.team) {
      if (data.team) socket.leave(group.team(live.code, data.team));
      if (team) socket.join(group.team(live.code, team));
      data.team = team;
      force = true;
    }
    const json = JSON.stringify(me);
    if (!force && json === data.lastMe) return;
    data.lastMe = json;
    socket.emit("me", { me, version: ctx.version });
  }

  /** First sync of one socket (connect or reconnect): through the same view functions. */
  sync(live: LiveRoom, socket: Socket): void {
    const data = socket.data as SocketData;
    const ctx = live.room.context;
    const phase = live.room.phase;
    const now = Date.now();
    const results = this.resultsId(live);
    socket.emit("deck", ctx.deck);
    if (data.role === "screen") socket.emit("view", { view: screenView(ctx, phase), now, results });
    else if (data.role === "host") socket.emit("view", { view: hostView(ctx, phase), now, results });
    else if (data.seat) {
      data.team = null;
      this.me(live, socket, true);
      const seat = ctx.seats[data.seat];
      if (seat) socket.emit("view", { view: teamView(ctx, phase, seat.team), now, results });
    } else {
      // Connected, not yet joined: the lobby as the screen sees it.
      socket.emit("view", { view: screenView(ctx, phase), now, results });
    }
  }
}
