// Invariants every reachable state must keep, checked after each step by the property tests:
// every card copy in exactly one place, scores within the rubric, and no view holding anything
// its audience may not see.
import type { GameContext, Phase, TeamSide } from "../types";
import { hostView, screenView, seatView, teamView } from "../views";

export function copyPlaces(ctx: GameContext): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const put = (copy: string, where: string) => {
    const list = places.get(copy) ?? [];
    list.push(where);
    places.set(copy, list);
  };
  for (const side of ["failure", "success"] as const) {
    for (const c of ctx.teams[side].drawPile) put(c, `${side}.pile`);
    for (const c of ctx.teams[side].discard) put(c, `${side}.discard`);
    for (const p of ctx.teams[side].proposals)
      for (const c of p.copies) put(c.copy, `${side}.proposal.${p.id}`);
  }
  for (const seat of Object.values(ctx.seats)) for (const c of seat.hand) put(c, `hand.${seat.id}`);
  ctx.rounds.forEach((round, i) => {
    for (const side of ["failure", "success"] as const) {
      for (const [slot, played] of Object.entries(round.paragraphs[side])) {
        if (played?.kind === "card") put(played.copy, `round${i}.${side}.${slot}`);
      }
      const counter = round.counters[side]?.played;
      if (counter?.kind === "card") put(counter.copy, `round${i}.${side}.counter`);
    }
  });
  return places;
}

/** Returns a list of broken invariants (empty when all hold). */
export function brokenInvariants(ctx: GameContext, phase: Phase): string[] {
  const problems: string[] = [];
  const places = copyPlaces(ctx);
  for (const copy of Object.keys(ctx.copies)) {
    const where = places.get(copy) ?? [];
    if (where.length !== 1) problems.push(`copy ${copy} is in ${where.length} places: ${where.join(", ")}`);
  }
  for (const copy of places.keys()) if (!(copy in ctx.copies)) problems.push(`unknown copy ${copy}`);
  for (const seat of Object.values(ctx.seats)) {
    if (seat.hand.length > ctx.settings.handSize) problems.push(`${seat.id} holds ${seat.hand.length} cards`);
    if (
      (seat.status === "removed" || seat.status === "left" || seat.status === "banned") &&
      seat.hand.length > 0
    )
      problems.push(`${seat.id} (${seat.status}) still holds cards`);
  }
  for (const round of ctx.rounds) {
    for (const side of ["failure", "success"] as const) {
      const marks = round.scores?.[side];
      if (!marks) continue;
      for (const c of ctx.settings.rubric.criteria) {
        const m = marks[c.id];
        if (m === undefined || !Number.isInteger(m) || m < 0 || m > c.max)
          problems.push(`bad mark ${c.id}=${m}`);
      }
    }
  }
  problems.push(...leaks(ctx, phase));
  return problems;
}

/** What each audience's view must never hold. */
export function leaks(ctx: GameContext, phase: Phase): string[] {
  const problems: string[] = [];
  const handCopies = (except?: string) =>
    Object.values(ctx.seats)
      .filter((s) => s.id !== except)
      .flatMap((s) => s.hand);
  const keys = Object.values(ctx.seats)
    .map((s) => s.key)
    .filter(Boolean);
  const screen = JSON.stringify(screenView(ctx, phase));
  const host = JSON.stringify(hostView(ctx, phase));
  for (const [name, text] of [
    ["screen", screen],
    ["host", host],
  ] as const) {
    for (const copy of handCopies())
      if (text.includes(`"${copy}"`)) problems.push(`${name} view shows hand copy ${copy}`);
    for (const key of keys) if (text.includes(key)) problems.push(`${name} view shows a device key`);
    if (text.includes('"drawPile"') || text.includes('"copies"'))
      problems.push(`${name} view shows the pile`);
  }
  const before = phase === "build" || phase === "rebut";
  for (const team of ["failure", "success"] as const) {
    const other: TeamSide = team === "failure" ? "success" : "failure";
    const view = teamView(ctx, phase, team);
    const text = JSON.stringify(view);
    for (const seat of Object.values(ctx.seats)) {
      for (const copy of seat.hand)
        if (text.includes(`"${copy}"`)) problems.push(`${team} team view shows a hand copy`);
    }
    for (const p of ctx.teams[other].proposals) {
      if (before && text.includes(`"${p.id}"`)) problems.push(`${team} sees ${other}'s proposal ${p.id}`);
    }
    if (view.draft.some((p) => ctx.teams[other].proposals.some((q) => q.id === p.id)))
      problems.push(`${team} draft holds the other team's proposal`);
    if (phase === "build" && view.current?.paragraphs) problems.push(`${team} sees paragraphs before Reveal`);
  }
  for (const seat of Object.values(ctx.seats)) {
    const mine = seatView(ctx, phase, seat.id);
    const text = JSON.stringify(mine);
    for (const copy of handCopies(seat.id))
      if (text.includes(`"${copy}"`)) problems.push(`${seat.id} sees another's hand`);
  }
  // Private verdict votes: only aggregates on shared views.
  for (const text of [screen, host]) {
    for (const id of Object.keys(ctx.verdict.before)) {
      if (text.includes(`"${id}":`)) problems.push("a shared view maps a seat to a value (private vote?)");
    }
  }
  return problems;
}
