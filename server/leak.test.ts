// The leak audit: every frame every client received across a whole game (host, projector, a
// student still on the join page, six students on both teams, one moved mid-round) is checked
// against the server's own truth. It fails on any other player's hand, the other team's draft,
// any token, secret or device key, or anything private on the projector or the teacher's screen.
import { afterEach, describe, expect, it } from "vitest";
import { openMemoryStore } from "./store";
import { playWholeGame } from "./testing/game";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, type Table } from "./testing/table";
import { recordTruth, type Truth } from "./testing/truth";

let t: TestServer | undefined;
let table: Table | undefined;

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t?.close();
  t = undefined;
});

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

type Audience =
  | { kind: "host" }
  | { kind: "screen" }
  | { kind: "waiting" }
  | { kind: "student"; seat: string };

interface Frame {
  event: string;
  payload: unknown;
}

/** Every problem with what one client was sent; empty when it saw only what it may. */
function audit(who: Audience, frames: Frame[], truth: Truth, secrets: string[]): string[] {
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

describe("leak audit over a whole game", () => {
  it("no client ever receives what its audience may not see", async () => {
    const { store, truth } = recordTruth(openMemoryStore());
    t = await startTestServer({ store, rate: { capacity: 200, refillPerSecond: 100 } });
    table = await openTable(t.url, { students: 6 });
    const waiting = await connectClient(t.url, {
      role: "player",
      code: table.code,
      device: "still-on-join-page",
    });
    table.clients.push(waiting);
    await playWholeGame(table);
    await waiting.until((c) => c.view?.phase === "verdict");

    const devices = [...table.students.map((s) => s.device), "still-on-join-page"];
    const secrets = [table.hostSecret, ...table.students.map((s) => s.token), ...devices, ...truth.hashes];
    const audiences: [Audience, Client][] = [
      [{ kind: "host" }, table.host],
      [{ kind: "screen" }, table.screen],
      [{ kind: "waiting" }, waiting],
      ...table.students.map((s): [Audience, Client] => [{ kind: "student", seat: s.seat }, s.client]),
    ];
    const problems = audiences.flatMap(([who, client]) => audit(who, client.frames, truth, secrets));
    expect(problems.slice(0, 20)).toEqual([]);

    // The audit looked at a real game, not an empty one.
    expect(truth.proposals.size).toBeGreaterThan(20);
    const teamFramesWithDrafts = table.students.flatMap((s) =>
      s.client.frames.filter(
        (f) =>
          f.event === "view" && ((f.payload as { view: { draft?: unknown[] } }).view.draft?.length ?? 0) > 0,
      ),
    );
    expect(teamFramesWithDrafts.length).toBeGreaterThan(20);
    expect(
      new Set(
        table.students.flatMap((s) =>
          s.client.frames.filter((f) => f.event === "me").map((f) => JSON.stringify(f.payload)),
        ),
      ).size,
    ).toBeGreaterThan(20);
    const moved = table.students[0]?.client.frames
      .filter((f) => f.event === "me")
      .map((f) => (f.payload as { me: { team: string } }).me.team);
    expect(new Set(moved).size).toBe(2);
    expect(table.screen.view?.verdict?.before.reduce((a, b) => a + b, 0)).toBe(6);
  });
});
