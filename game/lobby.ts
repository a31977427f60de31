// Seats: joining (and joining late), leaving, presence, names, teams, bots, remove and ban, lock.
// Each command has a read-only check and an apply that mutates an edit of the context.
import { TEAM_SIDES } from "../content/schema";
import { fillHand } from "./cards";
import {
  ownSeat,
  writableBannedKeys,
  writableSeat,
  writableSeatOrder,
  writableSeats,
  writableTeam,
} from "./edit";
import type { Command, Refusal } from "./events";
import { MAX_SEATS, refuse } from "./events";
import { checkName } from "./names";
import { Rng } from "./rng";
import type { BotLevel, GameContext, Phase, Seat, SeatId, TeamSide } from "./types";

export const IN_GAME: ReadonlySet<Seat["status"]> = new Set(["present", "away"]);

/** Seats still taking part (present or away), optionally of one team, in join order. */
export function activeSeats(ctx: GameContext, team?: TeamSide): Seat[] {
  const out: Seat[] = [];
  for (const id of ctx.seatOrder) {
    const seat = ctx.seats[id];
    if (seat && IN_GAME.has(seat.status) && (team === undefined || seat.team === team)) out.push(seat);
  }
  return out;
}

export function otherSide(team: TeamSide): TeamSide {
  return team === "failure" ? "success" : "failure";
}

/** The smaller team takes the next seat; a tie goes by the seeded coin so neither side is favoured. */
export function smallerTeam(ctx: GameContext, rng: Rng): TeamSide {
  const f = activeSeats(ctx, "failure").length;
  const s = activeSeats(ctx, "success").length;
  if (f !== s) return f < s ? "failure" : "success";
  return rng.next() < 0.5 ? "failure" : "success";
}

/** "Alex" twice becomes "Alex" and "Alex 2", so the teacher can tell them apart. */
export function uniqueName(ctx: GameContext, name: string, except?: SeatId): string {
  const taken = new Set(
    Object.values(ctx.seats)
      .filter((s) => s.id !== except && IN_GAME.has(s.status))
      .map((s) => s.name.toLowerCase()),
  );
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name.slice(0, 21)} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Puts a seat's cards back in its team's discard and takes back its proposals and votes. */
export function releaseCards(ctx: GameContext, seatId: SeatId): void {
  const seat = writableSeat(ctx, seatId);
  if (!seat) return;
  const team = writableTeam(ctx, seat.team);
  team.discard.push(...seat.hand);
  seat.hand = [];
  team.proposals = team.proposals.filter((p) => {
    p.supporters = p.supporters.filter((s) => s !== seatId);
    const mine = p.copies.filter((c) => c.seat === seatId);
    if (mine.length > 0) {
      team.discard.push(...mine.map((c) => c.copy));
      p.copies = p.copies.filter((c) => c.seat !== seatId);
    }
    if (p.text !== null) return p.by !== seatId;
    return p.copies.length > 0;
  });
}

const BOT_NAMES = ["Ada", "Bede", "Cato", "Dido", "Eli", "Fen", "Gus", "Hal", "Ivo", "Jun", "Kit", "Lux"];

function addSeat(ctx: GameContext, phase: Phase, seat: Omit<Seat, "hand" | "joinedRound" | "stats">): void {
  const full: Seat = { ...seat, hand: [], joinedRound: ctx.round, stats: { proposed: 0, votes: 0, own: 0 } };
  writableSeats(ctx)[seat.id] = ownSeat(ctx, full);
  writableSeatOrder(ctx).push(seat.id);
  if (phase !== "lobby") {
    const rng = new Rng(ctx.rng);
    fillHand(ctx, seat.id, rng);
    ctx.rng = rng.state;
  }
}

function seatCount(ctx: GameContext): number {
  return ctx.seatOrder.length;
}

export function addBotSeat(ctx: GameContext, phase: Phase, team: TeamSide | null, level: BotLevel): SeatId {
  const rng = new Rng(ctx.rng);
  const side = team ?? smallerTeam(ctx, rng);
  ctx.rng = rng.state;
  const n = Object.values(ctx.seats).filter((s) => s.kind === "bot").length;
  const id = `bot${ctx.seq++}`;
  const base = BOT_NAMES[n % BOT_NAMES.length] as string;
  const name = uniqueName(ctx, `${base} (bot)`);
  addSeat(ctx, phase, { id, name, team: side, kind: "bot", level, status: "present", key: "" });
  return id;
}

export type LobbyCommand = Extract<
  Command,
  {
    type:
      | "join"
      | "addBot"
      | "fillBots"
      | "leave"
      | "presence"
      | "rename"
      | "move"
      | "remove"
      | "ban"
      | "lock"
      | "unlock";
  }
>;

/** Read-only: would this lobby command be refused, and why? Role checks happen in rules.ts. */
export function checkLobby(
  ctx: GameContext,
  phase: Phase,
  cmd: LobbyCommand,
  actor: SeatId | null,
): Refusal | null {
  if (phase === "verdict" && cmd.type !== "presence") return refuse("game_over", "The game is over.");
  switch (cmd.type) {
    case "join": {
      if (ctx.bannedKeys.includes(cmd.key))
        return refuse("banned", "The teacher has removed you from this game.");
      if (ctx.locked) return refuse("locked", "The teacher has locked this room: ask them to unlock it.");
      if (ctx.seats[cmd.seat]) return refuse("bad_value", "That seat is taken.");
      if (seatCount(ctx) >= MAX_SEATS) return refuse("room_full", `This room is full (${MAX_SEATS} seats).`);
      const name = checkName(cmd.name);
      return name.ok ? null : refuse("bad_name", name.message);
    }
    case "addBot":
    case "fillBots":
      return seatCount(ctx) >= MAX_SEATS
        ? refuse("room_full", `This room is full (${MAX_SEATS} seats).`)
        : null;
    case "leave":
      return actor && ctx.seats[actor] ? null : refuse("unknown_seat", "You are not in this room.");
    case "presence": {
      const seat = ctx.seats[cmd.seat];
      return seat ? null : refuse("unknown_seat", "No such seat.");
    }
    case "rename": {
      const seat = ctx.seats[cmd.seat];
      if (!seat || !IN_GAME.has(seat.status)) return refuse("unknown_seat", "No such player.");
      const name = checkName(cmd.name);
      return name.ok ? null : refuse("bad_name", name.message);
    }
    case "move": {
      const seat = ctx.seats[cmd.seat];
      if (!seat || !IN_GAME.has(seat.status)) return refuse("unknown_seat", "No such player.");
      if (!TEAM_SIDES.includes(cmd.team)) return refuse("bad_value", "No such team.");
      return seat.team === cmd.team ? refuse("bad_value", `${seat.name} is already on that team.`) : null;
    }
    case "remove":
    case "ban": {
      const seat = ctx.seats[cmd.seat];
      return seat && (IN_GAME.has(seat.status) || (cmd.type === "ban" && seat.status === "removed"))
        ? null
        : refuse("unknown_seat", "No such player.");
    }
    case "lock":
    case "unlock":
      return null;
    default: {
      const never: never = cmd;
      return never;
    }
  }
}

export function applyLobby(ctx: GameContext, phase: Phase, cmd: LobbyCommand, actor: SeatId | null): void {
  switch (cmd.type) {
    case "join": {
      const checked = checkName(cmd.name);
      const name = uniqueName(ctx, checked.ok ? checked.name : "Player");
      const rng = new Rng(ctx.rng);
      const team = cmd.team ?? smallerTeam(ctx, rng);
      ctx.rng = rng.state;
      addSeat(ctx, phase, {
        id: cmd.seat,
        name,
        team,
        kind: "human",
        level: null,
        status: "present",
        key: cmd.key,
      });
      return;
    }
    case "addBot":
      addBotSeat(ctx, phase, cmd.team, cmd.level);
      return;
    case "fillBots": {
      // Balance the teams, then top both up to perTeam.
      for (let guard = 0; guard < MAX_SEATS && seatCount(ctx) < MAX_SEATS; guard++) {
        const f = activeSeats(ctx, "failure").length;
        const s = activeSeats(ctx, "success").length;
        if (f === s && f >= cmd.perTeam) break;
        addBotSeat(ctx, phase, f <= s ? "failure" : "success", cmd.level);
      }
      return;
    }
    case "leave":
      if (actor) dropSeat(ctx, phase, actor, "left");
      return;
    case "presence": {
      const seat = writableSeat(ctx, cmd.seat) as Seat;
      if (IN_GAME.has(seat.status)) seat.status = cmd.present ? "present" : "away";
      return;
    }
    case "rename": {
      const seat = writableSeat(ctx, cmd.seat) as Seat;
      const checked = checkName(cmd.name);
      if (checked.ok) seat.name = uniqueName(ctx, checked.name, seat.id);
      return;
    }
    case "move": {
      releaseCards(ctx, cmd.seat);
      const seat = writableSeat(ctx, cmd.seat) as Seat;
      seat.team = cmd.team;
      if (phase !== "lobby") {
        const rng = new Rng(ctx.rng);
        fillHand(ctx, seat.id, rng);
        ctx.rng = rng.state;
      }
      return;
    }
    case "remove":
      dropSeat(ctx, phase, cmd.seat, "removed");
      return;
    case "ban": {
      const seat = ctx.seats[cmd.seat] as Seat;
      if (seat.key && !ctx.bannedKeys.includes(seat.key)) writableBannedKeys(ctx).push(seat.key);
      dropSeat(ctx, phase, cmd.seat, "banned");
      return;
    }
    case "lock":
      ctx.locked = true;
      return;
    case "unlock":
      ctx.locked = false;
      return;
    default: {
      const never: never = cmd;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}

/** Before the game a seat that goes simply disappears; once it has begun the seat is kept (for the
 *  report) with its status, and its cards go back to the team. */
function dropSeat(ctx: GameContext, phase: Phase, seatId: SeatId, status: Seat["status"]): void {
  if (!ctx.seats[seatId]) return;
  releaseCards(ctx, seatId);
  const seat = writableSeat(ctx, seatId) as Seat;
  if (phase === "lobby") {
    delete writableSeats(ctx)[seatId];
    ctx.seatOrder = ctx.seatOrder.filter((s) => s !== seatId);
    return;
  }
  seat.status = status;
}
