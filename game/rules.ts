// The one source of truth for what is legal: who may send each command, in which phase, and what
// it does. The machine's guards and actions call `check` and `apply`; the server calls `check` to
// answer a refused command with its reason; bots and the UI ask `legalMoves`.
import type { Command, CommandType, GameEvent, Refusal } from "./events";
import { cardOf, fitsSlot } from "./cards";
import { MAX_ADD_TIME_MS, MAX_PROPOSALS_PER_SLOT, refuse } from "./events";
import { applyDraft, checkDraft, type DraftCommand, openSlots } from "./draft";
import { edit, settle, writableBallot, writableClock, writableSeat } from "./edit";
import { recordScores, startGame } from "./flow";
import { activeSeats, applyLobby, checkLobby, IN_GAME, type LobbyCommand } from "./lobby";
import { SettingsPatchSchema, settingsProblem } from "./settings";
import type { GameContext, ParagraphSlot, Phase, Seat, TeamSide } from "./types";
import { PARAGRAPH_SLOTS } from "./types";

type Role = "host" | "seat" | "system";

/** Who may send each command. (A seat may rename itself in the lobby: see checkRole.) */
const ROLE: Record<CommandType, readonly Role[]> = {
  join: ["system"],
  presence: ["system"],
  timeUp: ["system"],
  addBot: ["host"],
  fillBots: ["host"],
  rename: ["host", "seat"],
  move: ["host"],
  remove: ["host"],
  ban: ["host"],
  lock: ["host"],
  unlock: ["host"],
  configure: ["host"],
  start: ["host"],
  score: ["host"],
  pause: ["host"],
  resume: ["host"],
  addTime: ["host"],
  skip: ["host"],
  leave: ["seat"],
  verdictVote: ["seat"],
  propose: ["seat"],
  write: ["seat"],
  withdraw: ["seat"],
  support: ["seat"],
};

const ANY_TIME: CommandType[] = [
  "presence",
  "join",
  "addBot",
  "fillBots",
  "leave",
  "rename",
  "move",
  "remove",
  "ban",
  "lock",
  "unlock",
];
const RUNNING: CommandType[] = [...ANY_TIME, "pause", "resume", "addTime", "skip", "timeUp"];

/** Which commands each phase accepts. The machine's chart is generated from the same table. */
export const PHASE_COMMANDS: Record<Phase, readonly CommandType[]> = {
  lobby: [...ANY_TIME, "configure", "start"],
  voteBefore: [...RUNNING, "verdictVote"],
  build: [...RUNNING, "propose", "write", "withdraw", "support"],
  reveal: RUNNING,
  rebut: [...RUNNING, "propose", "write", "withdraw", "support"],
  judge: [...RUNNING, "score"],
  result: RUNNING,
  voteAfter: [...RUNNING, "verdictVote"],
  verdict: ["presence"],
};

const LOBBY_TYPES: ReadonlySet<CommandType> = new Set<LobbyCommand["type"]>([
  "join",
  "addBot",
  "fillBots",
  "leave",
  "presence",
  "rename",
  "move",
  "remove",
  "ban",
  "lock",
  "unlock",
]);
const DRAFT_TYPES: ReadonlySet<CommandType> = new Set<DraftCommand["type"]>([
  "propose",
  "write",
  "withdraw",
  "support",
]);

function isLobbyCommand(ev: GameEvent): ev is Extract<GameEvent, LobbyCommand> {
  return LOBBY_TYPES.has(ev.type);
}

function isDraftCommand(ev: GameEvent): ev is Extract<GameEvent, DraftCommand> {
  return DRAFT_TYPES.has(ev.type);
}

const PAUSABLE: ReadonlySet<CommandType> = new Set([
  "verdictVote",
  "propose",
  "write",
  "withdraw",
  "support",
]);

function actingSeat(ctx: GameContext, ev: GameEvent): Seat | null {
  return ev.by.role === "seat" ? (ctx.seats[ev.by.seat] ?? null) : null;
}

function checkRole(ctx: GameContext, phase: Phase, ev: GameEvent): Refusal | null {
  const allowed = ROLE[ev.type];
  if (!allowed.includes(ev.by.role)) {
    return refuse("not_allowed", ev.by.role === "seat" ? "Only the teacher can do that." : "Not allowed.");
  }
  if (ev.by.role === "seat") {
    const seat = actingSeat(ctx, ev);
    if (!seat) return refuse("unknown_seat", "You are not in this room.");
    if (!IN_GAME.has(seat.status))
      return refuse("seat_inactive", "You are no longer in this game: join again.");
    if (ev.type === "rename" && (ev.seat !== seat.id || phase !== "lobby"))
      return refuse("not_allowed", "You can change your own name in the lobby only.");
  }
  return null;
}

/**
 * The event `check` last found legal, with the state it checked it against. The room checks a
 * command before sending it (to answer a refusal with its reason), and the machine's guard then
 * asks again about the same event object in the same state, synchronously after: `legal` answers
 * that from here rather than running every rule twice. Any other event or state is checked afresh.
 * One slot, not a map: it keeps nothing alive but the last check's event and state.
 */
let passed: { ev: GameEvent; ctx: GameContext; phase: Phase } | null = null;

/** Why this event would be refused now, or null if it is legal. Never mutates its arguments. */
export function check(ctx: GameContext, phase: Phase, ev: GameEvent): Refusal | null {
  const refusal = refusalOf(ctx, phase, ev);
  if (refusal === null) passed = { ev, ctx, phase };
  return refusal;
}

/** Is this event legal now? (The machine's guard: see `passed`.) */
export function legal(ctx: GameContext, phase: Phase, ev: GameEvent): boolean {
  if (passed !== null && passed.ev === ev && passed.ctx === ctx && passed.phase === phase) return true;
  return check(ctx, phase, ev) === null;
}

function refusalOf(ctx: GameContext, phase: Phase, ev: GameEvent): Refusal | null {
  if (!PHASE_COMMANDS[phase].includes(ev.type)) {
    return phase === "verdict"
      ? refuse("game_over", "The game is over.")
      : refuse("wrong_phase", `You can't do that during ${phase}.`);
  }
  const role = checkRole(ctx, phase, ev);
  if (role) return role;
  if (ctx.paused && PAUSABLE.has(ev.type)) return refuse("paused", "The teacher has paused the game.");
  const seat = actingSeat(ctx, ev);
  if (isLobbyCommand(ev)) return checkLobby(ctx, phase, ev, seat?.id ?? null);
  if (isDraftCommand(ev)) return checkDraft(ctx, phase, ev, seat as Seat);
  switch (ev.type) {
    case "configure": {
      const parsed = SettingsPatchSchema.safeParse(ev.settings);
      if (!parsed.success)
        return refuse("bad_settings", parsed.error.issues[0]?.message ?? "Those settings are not valid.");
      const problem = settingsProblem(ctx.deck, parsed.data);
      return problem ? refuse("bad_settings", problem) : null;
    }
    case "start": {
      if (ctx.settings.themes.length === 0) return refuse("bad_settings", "Choose at least one theme.");
      if (ctx.settings.bots) return null;
      const empty = (["failure", "success"] as const).find((t) => activeSeats(ctx, t).length === 0);
      return empty
        ? refuse(
            "too_early",
            `The ${ctx.deck.sides[empty]} team has nobody yet: wait for students or add bots.`,
          )
        : null;
    }
    case "verdictVote": {
      if (seat?.kind !== "human") return refuse("not_allowed", "Only students vote.");
      return Number.isInteger(ev.value) && ev.value >= 1 && ev.value <= 5
        ? null
        : refuse("bad_value", "Vote from 1 (not at all accurate) to 5 (completely accurate).");
    }
    case "score":
      return checkScores(ctx, ev.marks);
    case "pause":
      return ctx.paused ? refuse("bad_value", "The game is already paused.") : null;
    case "resume":
      return ctx.paused ? null : refuse("bad_value", "The game is not paused.");
    case "addTime": {
      if (!Number.isInteger(ev.ms) || ev.ms <= 0 || ev.ms > MAX_ADD_TIME_MS)
        return refuse("bad_value", "Add between 1 second and 5 minutes.");
      return ctx.clock.endsAt === null && ctx.clock.pausedRemainingMs === null
        ? refuse("bad_value", "This phase has no timer.")
        : null;
    }
    case "skip":
      return null;
    case "timeUp":
      return isDue(ctx, ev.at) ? null : refuse("too_early", "Not yet.");
    default: {
      const never: never = ev;
      return never;
    }
  }
}

function checkScores(ctx: GameContext, marks: Record<TeamSide, Record<string, number>>): Refusal | null {
  for (const team of ["failure", "success"] as const) {
    const given = marks?.[team];
    if (!given || typeof given !== "object") return refuse("bad_value", "Score both teams.");
    for (const c of ctx.settings.rubric.criteria) {
      const m = given[c.id];
      if (!Number.isInteger(m) || (m as number) < 0 || (m as number) > c.max)
        return refuse("bad_value", `${c.label} is marked from 0 to ${c.max}.`);
    }
  }
  return null;
}

export function isDue(ctx: GameContext, at: number): boolean {
  return !ctx.paused && ctx.clock.endsAt !== null && at >= ctx.clock.endsAt;
}

/** Applies a checked event's own effect and returns the next context. Phase changes (dealing,
 *  settling, judging) are the machine's entry and exit actions, in flow.ts. */
export function apply(ctx: GameContext, phase: Phase, ev: GameEvent): GameContext {
  return settle(ctx, applyTo(edit(ctx), ctx, phase, ev));
}

/** The event's effect on `next`, an edit of `ctx`. */
function applyTo(next: GameContext, ctx: GameContext, phase: Phase, ev: GameEvent): GameContext {
  next.version = ctx.version + 1;
  const seat = actingSeat(next, ev);
  if (isLobbyCommand(ev)) {
    applyLobby(next, phase, ev, seat?.id ?? null);
    return next;
  }
  if (isDraftCommand(ev)) {
    applyDraft(next, ev, writableSeat(next, (seat as Seat).id) as Seat);
    return next;
  }
  switch (ev.type) {
    case "configure":
      next.settings = { ...next.settings, ...SettingsPatchSchema.parse(ev.settings) };
      break;
    case "start":
      startGame(next, ev.at);
      break;
    case "verdictVote":
      if (seat) writableBallot(next, phase === "voteBefore" ? "before" : "after")[seat.id] = ev.value;
      break;
    case "score":
      recordScores(next, ev.marks);
      break;
    case "pause": {
      next.paused = true;
      const clock = writableClock(next);
      clock.pausedRemainingMs = clock.endsAt === null ? null : Math.max(0, clock.endsAt - ev.at);
      clock.endsAt = null;
      break;
    }
    case "resume": {
      next.paused = false;
      const clock = writableClock(next);
      clock.endsAt = clock.pausedRemainingMs === null ? null : ev.at + clock.pausedRemainingMs;
      clock.pausedRemainingMs = null;
      break;
    }
    case "addTime": {
      const clock = writableClock(next);
      if (clock.endsAt !== null) clock.endsAt += ev.ms;
      else if (clock.pausedRemainingMs !== null) clock.pausedRemainingMs += ev.ms;
      break;
    }
    case "skip":
    case "timeUp":
      break;
    default: {
      const never: never = ev;
      return never;
    }
  }
  return next;
}

export type { Command };

/**
 * The moves a seat could make now, for bots and for the UI to grey out the rest. Every move listed
 * passes `check`. Writing your own sentence is always possible in an open slot and is not listed.
 */
export function legalMoves(ctx: GameContext, phase: Phase, seatId: string): Command[] {
  const seat = ctx.seats[seatId];
  if (!seat || !IN_GAME.has(seat.status) || ctx.paused) return [];
  const moves: Command[] = [];
  if ((phase === "voteBefore" || phase === "voteAfter") && seat.kind === "human") {
    for (let value = 1; value <= 5; value++) moves.push({ type: "verdictVote", value });
    return moves;
  }
  const slots = openSlots(phase);
  if (slots.length === 0) return moves;
  // Built from what the rules check, so each move passes `check` (the property tests hold us to it).
  const proposals = ctx.teams[seat.team].proposals;
  const other = ctx.rounds[ctx.round]?.paragraphs[seat.team === "failure" ? "success" : "failure"] ?? {};
  const targets = PARAGRAPH_SLOTS.filter((s) => other[s]);
  const perSlot = new Map<string, number>();
  const mineIn = new Set<string>();
  for (const p of proposals) {
    perSlot.set(p.slot, (perSlot.get(p.slot) ?? 0) + 1);
    if (p.copies.some((c) => c.seat === seatId)) mineIn.add(p.slot);
  }
  for (const copy of seat.hand) {
    const card = cardOf(ctx, copy);
    for (const slot of slots) {
      if (!fitsSlot(card, slot)) continue;
      const full = (perSlot.get(slot) ?? 0) >= MAX_PROPOSALS_PER_SLOT && !mineIn.has(slot);
      const open = (target: ParagraphSlot | null) =>
        !full ||
        proposals.some((p) => p.slot === slot && p.card === card.id && (p.target ?? null) === target);
      if (slot === "counter") {
        for (const target of targets) if (open(target)) moves.push({ type: "propose", slot, copy, target });
      } else if (open(null)) moves.push({ type: "propose", slot, copy });
    }
  }
  for (const p of proposals) {
    if (!slots.includes(p.slot)) continue;
    if (!p.supporters.includes(seatId)) moves.push({ type: "support", proposal: p.id });
    if (p.copies.some((c) => c.seat === seatId)) moves.push({ type: "withdraw", proposal: p.id });
  }
  return moves;
}
