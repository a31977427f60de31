// The leak audit's rules, shared by every test that records what clients receive (the leak test,
// and later the bot and chaos runs): given one client's frames, its audience and the server's truth,
// list everything it was sent that its audience may not see.
import type { Truth } from "./truth";

/** Every string in a payload, and every object key, without recursion. */
function strings(payload: unknown): { values: string[]; keys: string[] } {
  const values: string[] = [];
  const keys: string[] = [];
  const stack = [payload];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") values.push(v);
    else if (v && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        if (!Array.isArray(v)) keys.push(k);
        stack.push(inner);
      }
    }
  }
  return { values, keys };
}

export type Audience =
  | { kind: "host" }
  | { kind: "screen" }
  | { kind: "waiting" }
  | { kind: "student"; seat: string };

export interface Frame {
  event: string;
  payload: unknown;
}

/** Every problem with what one client was sent; empty when it saw only what it may. */
export function audit(who: Audience, frames: Frame[], truth: Truth, secrets: string[]): string[] {
  const problems: string[] = [];
  const otherTeam = { failure: "success", success: "failure" } as const;
  type Team = "failure" | "success";
  let team: Team | null = null;
  for (const [i, { event, payload }] of frames.entries()) {
    const at = `${who.kind}${who.kind === "student" ? ` ${who.seat}` : ""} frame ${i} (${event})`;
    const text = JSON.stringify(payload);
    for (const secret of secrets)
      if (text.includes(secret)) problems.push(`${at}: a token, secret or device key`);
    const { values, keys } = strings(payload);
    for (const key of keys) if (truth.seats.has(key)) problems.push(`${at}: something keyed by seat ${key}`);
    if (event === "deck") continue;
    if (event === "me") {
      const me = (payload as { me: { seat: string; team: Team; hand: { copy: string }[] } | null }).me;
      if (who.kind !== "student" || me?.seat !== who.seat)
        problems.push(`${at}: another seat's private part`);
      for (const { copy } of me?.hand ?? [])
        if (who.kind === "student" && !truth.hands.get(who.seat)?.has(copy))
          problems.push(`${at}: card ${copy} not theirs`);
      team = me?.team ?? null;
      continue;
    }
    for (const v of values)
      if (truth.copies.has(v)) problems.push(`${at}: copy id ${v} outside the owner's hand`);
    if (event !== "view") continue;
    const view = (payload as { view: Record<string, unknown> }).view;
    const phase = view.phase as string;
    const current = view.current as { paragraphs: unknown } | null;
    if ((phase === "build" || phase === "voteBefore") && current?.paragraphs)
      problems.push(`${at}: paragraphs before Reveal`);
    // A student not seated yet (before the first private part) is on the join page: the screen's view.
    const seated = who.kind === "student" && team !== null;
    const expected = seated ? "team" : who.kind === "host" ? "host" : "screen";
    if (view.audience !== expected) problems.push(`${at}: a ${String(view.audience)} view`);
    if (seated && team) {
      if (view.team !== team) problems.push(`${at}: the ${String(view.team)} team's view while on ${team}`);
      for (const v of values)
        if (truth.proposals.get(v) === otherTeam[team])
          problems.push(`${at}: the other team's proposal ${v}`);
    } else {
      // The projector and the teacher's screen (often projected too) show no draft and no hand.
      for (const v of values) if (truth.proposals.has(v)) problems.push(`${at}: a team's proposal ${v}`);
      for (const key of ["draft", "hand", "verdictVote"]) if (key in view) problems.push(`${at}: ${key}`);
      if (expected === "screen" && ("roster" in view || "suggestion" in view))
        problems.push(`${at}: the teacher's roster or suggestion`);
    }
    const verdict = view.verdict as { before: unknown[]; after: unknown[] } | null;
    if (verdict && (verdict.before.length !== 5 || verdict.after.length !== 5))
      problems.push(`${at}: verdict votes that are not a 5-bar histogram`);
  }
  return problems;
}
