// What each audience may see, built by whitelist: every view is a fresh object holding only the
// fields its audience is allowed, never a copy of the state with secrets deleted.
//   screen — the projector: no hand, no draft before Reveal, no private vote, no secret.
//   team   — a student's team: the screen's view plus its own team's draft (never the other team's).
//   host   — the teacher: the screen's view plus settings, every seat and the auto-judge's suggestion.
//   seat   — one student's private part: their hand, their votes.
import type { Judgement, Played, Proposal, SeatStatus, SlotId } from "./types";
import { leader, openSlots } from "./draft";
import { activeSeats, IN_GAME } from "./lobby";
import { humanVoters, type Outcome, outcome, totals } from "./flow";
import type { GameContext, ParagraphSlot, Phase, Seat, SeatId, SeatStats, Settings, TeamSide } from "./types";
import { PARAGRAPH_SLOTS } from "./types";
import type { Rubric } from "./rubric";

export interface SeatSummary {
  id: SeatId;
  name: string;
  team: TeamSide;
  bot: boolean;
  status: SeatStatus;
}

export interface ClockView {
  /** Epoch ms (server clock) when the phase ends; null when untimed or paused. */
  endsAt: number | null;
  /** While paused, how long was left. */
  pausedRemainingMs: number | null;
  paused: boolean;
}

export interface PlayedView {
  card: string | null;
  text: string | null;
}

export interface ProposalView {
  id: string;
  slot: SlotId;
  card: string | null;
  text: string | null;
  target: ParagraphSlot | null;
  by: SeatId;
  votes: number;
  /** True for the proposal that fills its slot if time runs out now (most votes, ties to the earliest). */
  leading: boolean;
}

export interface ProgressView {
  /** Slots with at least one proposal. */
  filled: number;
  slots: number;
  proposals: number;
}

export interface RoundView {
  index: number;
  theme: string;
  /** Both paragraphs, from Reveal on. */
  paragraphs: Record<TeamSide, Partial<Record<ParagraphSlot, PlayedView>>> | null;
  /** Both counters, once Rebut is over. */
  counters: Record<TeamSide, { target: ParagraphSlot; played: PlayedView } | null> | null;
  /** Marks per criterion and feedback per slot, once the round is scored. */
  scores: Record<TeamSide, Record<string, number>> | null;
  feedback: Record<TeamSide, Judgement["feedback"]> | null;
  /** The auto-judge's one-line reason per criterion (what earned the marks, what would earn more). */
  reasons: Record<TeamSide, Record<string, string>> | null;
  autoScored: boolean;
}

export interface VerdictView {
  /** How many students chose 1..5, before and after. */
  before: number[];
  after: number[];
  /** Students whose vote moved toward each team's side. */
  moved: Record<TeamSide, number>;
  /** The team that moved more minds, or null for a tie. */
  mindsWinner: TeamSide | null;
  /** The team that won the debate (points, then rounds won, then the last round), or null for a draw. */
  pointsWinner: TeamSide | null;
  /** How the winner was decided. */
  decidedBy: Outcome["by"];
}

export interface ScreenView {
  audience: "screen" | "team" | "host";
  code: string;
  mode: "class" | "homework";
  phase: Phase;
  version: number;
  round: number;
  rounds: number;
  theme: string | null;
  clock: ClockView;
  locked: boolean;
  seats: SeatSummary[];
  /** Students who have voted in the current vote, and how many can. */
  votes: { cast: number; voters: number } | null;
  progress: Record<TeamSide, ProgressView> | null;
  current: RoundView | null;
  history: { theme: string; totals: Record<TeamSide, number> }[];
  totals: Record<TeamSide, number>;
  rubric: Rubric;
  verdict: VerdictView | null;
}

export interface TeamView extends ScreenView {
  audience: "team";
  team: TeamSide;
  draft: ProposalView[];
}

export interface HostView extends ScreenView {
  audience: "host";
  settings: Omit<Settings, "rubric">;
  suggestion: Record<TeamSide, Judgement> | null;
}

export interface SeatView {
  seat: SeatId;
  name: string;
  team: TeamSide;
  status: SeatStatus;
  hand: { copy: string; card: string }[];
  /** This seat's vote per open slot. */
  votes: Partial<Record<SlotId, string>>;
  /** This seat's own verdict vote in the current (or last) vote. */
  verdictVote: number | null;
  /** Proposals holding a copy from this seat's hand (so it can take its card back). */
  proposals: string[];
  /** What this student has done this game (the teacher's report has everyone's): cards proposed,
   *  votes cast, own sentences written. Private: never in a shared view. */
  stats: SeatStats;
}

/**
 * The parts of a view most steps leave alone are built once per state they come from. The engine
 * keeps an unchanged part's identity from step to step (edit.ts settle), so the same seats, round
 * or proposals give back the same view object, and the server, which caches JSON by identity,
 * encodes it once. `a` and `b` are the other inputs (at most two), compared by identity; given as
 * arguments, not an array, as this runs for several parts of every view of every step.
 */
type Memo<T> = WeakMap<object, { a: unknown; b: unknown; value: T }>;
function memo<T>(cache: Memo<T>, key: object, a: unknown, b: unknown, build: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined && hit.a === a && hit.b === b) return hit.value;
  const value = build();
  cache.set(key, { a, b, value });
  return value;
}
const seatsMemo: Memo<SeatSummary[]> = new WeakMap();
/** The last seat list per seat order: a step that changed a seat's private counts only gives back
 *  the list as it was. */
const seatListMemo = new WeakMap<object, SeatSummary[]>();
const roundMemo: Memo<RoundView | null> = new WeakMap();
const historyMemo: Memo<ScreenView["history"]> = new WeakMap();
const totalsMemo: Memo<Record<TeamSide, number>> = new WeakMap();
const draftMemo: Memo<ProposalView[]> = new WeakMap();
const settingsMemo: Memo<HostView["settings"]> = new WeakMap();
const clockMemo: Memo<ClockView> = new WeakMap();
const progressMemo: Memo<ProgressView> = new WeakMap();
const progressPairMemo: Memo<Record<TeamSide, ProgressView>> = new WeakMap();

function summary(seat: Seat): SeatSummary {
  return { id: seat.id, name: seat.name, team: seat.team, bot: seat.kind === "bot", status: seat.status };
}

function seatList(ctx: GameContext): SeatSummary[] {
  const last = seatListMemo.get(ctx.seatOrder);
  if (last && sameSeats(last, ctx)) return last;
  const fresh = activeSeats(ctx).map(summary);
  seatListMemo.set(ctx.seatOrder, fresh);
  return fresh;
}

/** Does the list still summarise the seats taking part, in order? Compared field by field without
 *  building a new list: most steps that touch a seat change only its private counts. */
function sameSeats(list: readonly SeatSummary[], ctx: GameContext): boolean {
  let i = 0;
  for (const id of ctx.seatOrder) {
    const seat = ctx.seats[id];
    if (!seat || !IN_GAME.has(seat.status)) continue;
    const s = list[i++];
    if (
      s === undefined ||
      s.id !== seat.id ||
      s.name !== seat.name ||
      s.team !== seat.team ||
      s.bot !== (seat.kind === "bot") ||
      s.status !== seat.status
    )
      return false;
  }
  return i === list.length;
}

function played(p: Played | undefined): PlayedView | undefined {
  if (!p) return undefined;
  return p.kind === "card" ? { card: p.card, text: null } : { card: null, text: p.text };
}

function paragraphView(
  ctx: GameContext,
  round: number,
  team: TeamSide,
): Partial<Record<ParagraphSlot, PlayedView>> {
  const out: Partial<Record<ParagraphSlot, PlayedView>> = {};
  const paragraph = ctx.rounds[round]?.paragraphs[team];
  if (!paragraph) return out;
  for (const slot of PARAGRAPH_SLOTS) {
    const view = played(paragraph[slot]);
    if (view) out[slot] = view;
  }
  return out;
}

const REVEALED: ReadonlySet<Phase> = new Set(["reveal", "rebut", "judge", "result", "voteAfter", "verdict"]);
const COUNTERED: ReadonlySet<Phase> = new Set(["judge", "result", "voteAfter", "verdict"]);
const SCORED: ReadonlySet<Phase> = new Set(["result", "voteAfter", "verdict"]);

function roundView(ctx: GameContext, phase: Phase): RoundView | null {
  const record = ctx.rounds[ctx.round];
  if (!record) return null;
  const revealed = REVEALED.has(phase);
  const countered = COUNTERED.has(phase);
  const scored = SCORED.has(phase) && record.scores !== null;
  const counter = (team: TeamSide) => {
    const c = record.counters[team];
    const view = c ? played(c.played) : undefined;
    return c && view ? { target: c.target, played: view } : null;
  };
  return {
    index: ctx.round,
    theme: record.theme,
    paragraphs: revealed
      ? {
          failure: paragraphView(ctx, ctx.round, "failure"),
          success: paragraphView(ctx, ctx.round, "success"),
        }
      : null,
    counters: countered ? { failure: counter("failure"), success: counter("success") } : null,
    scores:
      scored && record.scores
        ? { failure: { ...record.scores.failure }, success: { ...record.scores.success } }
        : null,
    feedback:
      scored && record.suggestion
        ? {
            failure: record.suggestion.failure.feedback.map((f) => ({ ...f })),
            success: record.suggestion.success.feedback.map((f) => ({ ...f })),
          }
        : null,
    reasons:
      scored && record.suggestion
        ? {
            failure: Object.fromEntries(record.suggestion.failure.marks.map((m) => [m.criterion, m.reason])),
            success: Object.fromEntries(record.suggestion.success.marks.map((m) => [m.criterion, m.reason])),
          }
        : null,
    autoScored: record.autoScored,
  };
}

/** The current round's view: rebuilt when its record, the phase or the round changes. */
function roundOf(ctx: GameContext, phase: Phase): RoundView | null {
  const record = ctx.rounds[ctx.round];
  return record ? memo(roundMemo, record, phase, ctx.round, () => roundView(ctx, phase)) : null;
}

function progress(ctx: GameContext, phase: Phase): Record<TeamSide, ProgressView> | null {
  if (phase !== "build" && phase !== "rebut") return null;
  const slots = phase === "build" ? PARAGRAPH_SLOTS.length : 1;
  const failure = teamProgress(ctx.teams.failure.proposals, slots);
  const success = teamProgress(ctx.teams.success.proposals, slots);
  return memo(progressPairMemo, failure, success, undefined, () => ({ failure, success }));
}

/** Kept while a team's proposals are (the other team's step leaves it as it was), and the pair
 *  while both are: an unchanged progress is neither rebuilt nor re-encoded. */
function teamProgress(proposals: readonly Proposal[], slots: number): ProgressView {
  return memo(progressMemo, proposals, slots, undefined, () => ({
    filled: new Set(proposals.map((p) => p.slot)).size,
    slots,
    proposals: proposals.length,
  }));
}

function verdictView(ctx: GameContext): VerdictView {
  const before = [0, 0, 0, 0, 0];
  const after = [0, 0, 0, 0, 0];
  const moved = { failure: 0, success: 0 };
  for (const v of Object.values(ctx.verdict.before)) before[v - 1] = (before[v - 1] ?? 0) + 1;
  for (const [seat, v] of Object.entries(ctx.verdict.after)) {
    after[v - 1] = (after[v - 1] ?? 0) + 1;
    const b = ctx.verdict.before[seat];
    // 5 = "completely accurate" that it was a failure: a higher vote moved toward the Failure team.
    if (b !== undefined && v > b) moved.failure++;
    if (b !== undefined && v < b) moved.success++;
  }
  const result = outcome(ctx);
  return {
    before,
    after,
    moved,
    mindsWinner:
      moved.failure === moved.success ? null : moved.failure > moved.success ? "failure" : "success",
    pointsWinner: result.winner,
    decidedBy: result.by,
  };
}

function votesView(ctx: GameContext, phase: Phase): ScreenView["votes"] {
  if (phase !== "voteBefore" && phase !== "voteAfter") return null;
  const votes = phase === "voteBefore" ? ctx.verdict.before : ctx.verdict.after;
  // The vote waits for present students only (flow.allVoted): count the same people.
  const voters = humanVoters(ctx);
  return { cast: voters.filter((id) => votes[id] !== undefined).length, voters: voters.length };
}

export function screenView(ctx: GameContext, phase: Phase): ScreenView {
  return {
    audience: "screen",
    code: ctx.code,
    mode: ctx.mode,
    phase,
    version: ctx.version,
    round: ctx.round,
    rounds: ctx.settings.themes.length,
    theme:
      ctx.rounds[ctx.round]?.theme ??
      (phase === "lobby" || phase === "voteBefore" ? (ctx.settings.themes[0] ?? null) : null),
    clock: memo(clockMemo, ctx.clock, ctx.paused, undefined, () => ({
      endsAt: ctx.clock.endsAt,
      pausedRemainingMs: ctx.clock.pausedRemainingMs,
      paused: ctx.paused,
    })),
    locked: ctx.locked,
    seats: memo(seatsMemo, ctx.seats, ctx.seatOrder, undefined, () => seatList(ctx)),
    votes: votesView(ctx, phase),
    progress: progress(ctx, phase),
    current: roundOf(ctx, phase),
    history: memo(historyMemo, ctx.rounds, undefined, undefined, () =>
      ctx.rounds
        .filter((r) => r.scores)
        .map((r) => ({
          theme: r.theme,
          totals: {
            failure: Object.values(r.scores?.failure ?? {}).reduce((s, m) => s + m, 0),
            success: Object.values(r.scores?.success ?? {}).reduce((s, m) => s + m, 0),
          },
        })),
    ),
    totals: memo(totalsMemo, ctx.rounds, undefined, undefined, () => totals(ctx)),
    rubric: ctx.settings.rubric,
    verdict: phase === "verdict" ? verdictView(ctx) : null,
  };
}

/** Each proposal's view, while the proposal (never changed once a step is over) and its lead are
 *  the same: a vote rebuilds the one or two proposals it changed, not the team's whole list, and
 *  the server, which caches JSON by identity, encodes only those. */
const proposalViews = new WeakMap<Proposal, ProposalView>();
function proposalView(p: Proposal, leading: boolean): ProposalView {
  const last = proposalViews.get(p);
  if (last !== undefined && last.leading === leading) return last;
  const view: ProposalView = {
    id: p.id,
    slot: p.slot,
    card: p.card,
    text: p.text,
    target: p.target,
    by: p.by,
    votes: p.supporters.length,
    leading,
  };
  proposalViews.set(p, view);
  return view;
}

/** A team's view on top of the step's screen view (built once per step for every audience). */
function teamPart(ctx: GameContext, phase: Phase, team: TeamSide, screen: ScreenView): TeamView {
  const proposals = ctx.teams[team].proposals;
  const draft = memo(draftMemo, proposals, phase, undefined, (): ProposalView[] => {
    if (phase !== "build" && phase !== "rebut") return [];
    // The proposal that would fill each slot if time ran out now (the rules' own choice).
    const leaders = new Set(
      openSlots(phase)
        .map((slot) => leader(proposals, slot))
        .filter((p) => p !== undefined),
    );
    return proposals.map((p) => proposalView(p, leaders.has(p)));
  });
  // Not `{ ...screen, audience: "team", team, draft }`: V8 copies an object literal that starts with
  // a spread and then adds fields on a slow path (about 5 µs for these 19 fields, against 0.3 µs
  // when a field comes before the spread). `team` and `settings` lead: the only cost is key order.
  return { team, ...screen, audience: "team", draft };
}

export function teamView(ctx: GameContext, phase: Phase, team: TeamSide): TeamView {
  return teamPart(ctx, phase, team, screenView(ctx, phase));
}

export function hostView(ctx: GameContext, phase: Phase): HostView {
  return hostPart(ctx, phase, screenView(ctx, phase));
}

function hostPart(ctx: GameContext, phase: Phase, screen: ScreenView): HostView {
  const record = ctx.rounds[ctx.round];
  const settings = memo(settingsMemo, ctx.settings, undefined, undefined, () => {
    const { rubric: _rubric, ...rest } = ctx.settings;
    return { ...rest, themes: rest.themes.slice() };
  });
  // Led by a field of its own, not the spread (see teamPart).
  return {
    settings,
    ...screen,
    audience: "host",
    suggestion: phase === "judge" && record?.suggestion ? record.suggestion : null,
  };
}

/** Every shared view of one step (what server/broadcast.ts sends to each group), with the screen's
 *  part computed once rather than once per audience. */
export function roomViews(
  ctx: GameContext,
  phase: Phase,
): { screen: ScreenView; host: HostView; teams: Record<TeamSide, TeamView> } {
  const screen = screenView(ctx, phase);
  return {
    screen,
    host: hostPart(ctx, phase, screen),
    teams: {
      failure: teamPart(ctx, phase, "failure", screen),
      success: teamPart(ctx, phase, "success", screen),
    },
  };
}

export function seatView(ctx: GameContext, phase: Phase, seatId: SeatId): SeatView | null {
  const seat = ctx.seats[seatId];
  if (!seat) return null;
  const votes: Partial<Record<SlotId, string>> = {};
  const proposals: string[] = [];
  if (phase === "build" || phase === "rebut") {
    for (const p of ctx.teams[seat.team].proposals) {
      if (p.supporters.includes(seatId)) votes[p.slot] = p.id;
      if (p.copies.some((c) => c.seat === seatId)) proposals.push(p.id);
    }
  }
  const ballot = phase === "voteBefore" || ctx.round < 0 ? ctx.verdict.before : ctx.verdict.after;
  return {
    seat: seat.id,
    name: seat.name,
    team: seat.team,
    status: seat.status,
    hand: seat.hand.map((copy) => ({ copy, card: ctx.copies[copy] ?? "" })),
    votes,
    verdictVote: ballot[seatId] ?? null,
    proposals,
    stats: { ...seat.stats },
  };
}
