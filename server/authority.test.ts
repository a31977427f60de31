// The server is the only authority: only the host runs the lesson, a student plays only their own
// cards and their own team's draft, and a refused command leaves the room exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardIndex } from "../game/cards";
import type { GameContext } from "../game/types";
import { PEEL_RUBRIC } from "../game/rubric";
import { startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, playable, playToBuild, type Table, truth } from "./testing/table";

let t: TestServer;
let table: Table | undefined;

beforeEach(async () => {
  // These tests fire many refused commands in a row; the rate limit has its own test.
  t = await startTestServer({ rate: { capacity: 1000, refillPerSecond: 1000 } });
});
afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t.close();
});

function context(): GameContext {
  return truth(t.realtime.registry, table?.code ?? "").room.context;
}

const marks = Object.fromEntries(PEEL_RUBRIC.criteria.map((c) => [c.id, 1]));

/** One valid payload of every command only the teacher may send. */
function hostCommands(seat: string): object[] {
  return [
    { type: "addBot", team: null, level: "easy" },
    { type: "fillBots", level: "easy", perTeam: 3 },
    { type: "move", seat, team: "success" },
    { type: "remove", seat },
    { type: "ban", seat },
    { type: "lock" },
    { type: "unlock" },
    { type: "configure", settings: { buildMs: 30_000 } },
    { type: "start" },
    { type: "score", marks: { failure: marks, success: marks } },
    { type: "pause" },
    { type: "resume" },
    { type: "addTime", ms: 10_000 },
    { type: "skip" },
  ];
}

describe("who may do what", () => {
  it("refuses every host command from a student and from the projector, in the lobby and mid-game", async () => {
    table = await openTable(t.url, { students: 2 });
    const [a, b] = table.students;
    if (!a || !b) throw new Error("no pupils");
    for (const stage of ["lobby", "build"]) {
      if (stage === "build") await playToBuild(table);
      const before = JSON.stringify(context());
      for (const cmd of hostCommands(b.seat)) {
        expect(await a.client.command(cmd), `${stage} ${JSON.stringify(cmd)}`).toMatchObject({
          ok: false,
          code: "not_allowed",
        });
        expect(await table.screen.command(cmd)).toMatchObject({ ok: false, code: "not_allowed" });
      }
      // A student renames only themself, and only in the lobby; the projector never.
      expect(await a.client.command({ type: "rename", seat: b.seat, name: "Hijacked" })).toMatchObject({
        ok: false,
      });
      expect(await table.screen.command({ type: "verdictVote", value: 3 })).toMatchObject({
        ok: false,
        code: "not_allowed",
      });
      expect(JSON.stringify(context())).toBe(before);
    }
  });

  it("the host plays no cards: card commands from the host socket are refused", async () => {
    table = await openTable(t.url, { students: 2 });
    await playToBuild(table);
    const copy = context().seats[table.students[0]?.seat ?? ""]?.hand[0];
    expect(await table.host.command({ type: "propose", slot: "point", copy })).toMatchObject({
      ok: false,
      code: "not_joined",
    });
    expect(await table.host.command({ type: "verdictVote", value: 1 })).toMatchObject({ ok: false });
  });
});

describe("a student's own cards only", () => {
  it("refuses a teammate's card, the other team's card and a made-up one, and changes nothing", async () => {
    table = await openTable(t.url, { students: 4 });
    await playToBuild(table);
    const ctx = context();
    const [me, ...others] = table.students;
    if (!me) throw new Error("no pupil");
    const myTeam = ctx.seats[me.seat]?.team;
    const mate = others.find((s) => ctx.seats[s.seat]?.team === myTeam);
    const rival = others.find((s) => ctx.seats[s.seat]?.team !== myTeam);
    if (!mate || !rival) throw new Error("teams not as expected");
    const stolen = [
      ...(ctx.seats[mate.seat]?.hand ?? []),
      ...(ctx.seats[rival.seat]?.hand ?? []),
      ...ctx.teams.failure.drawPile.slice(0, 3),
      "c999999",
      "",
      "c1; DROP TABLE rooms",
    ];
    const before = JSON.stringify(context());
    for (const copy of stolen) {
      for (const slot of ["point", "evidence1", "explanation", "link"]) {
        const ack = await me.client.command({ type: "propose", slot, copy });
        expect(ack.ok, `${copy} → ${slot}`).toBe(false);
        if (!ack.ok && copy !== "") expect(ack.code).toBe("not_in_hand");
      }
    }
    expect(JSON.stringify(context())).toBe(before);
  });

  it("a student cannot vote on or withdraw the other team's proposals, nor withdraw a teammate's", async () => {
    table = await openTable(t.url, { students: 4 });
    await playToBuild(table);
    const deck = cardIndex(context().deck);
    const ctx = context();
    const byTeam = (team: string) => table?.students.filter((s) => ctx.seats[s.seat]?.team === team) ?? [];
    const [f1, f2] = byTeam("failure");
    const [s1] = byTeam("success");
    if (!f1 || !f2 || !s1) throw new Error("teams not as expected");
    const play = playable(f1.client, deck, ["point", "evidence1", "explanation", "link"]);
    if (!play) throw new Error("no playable card");
    await must(f1.client.command({ type: "propose", ...play }));
    const proposal = context().teams.failure.proposals[0]?.id as string;
    const before = JSON.stringify(context());
    expect(await s1.client.command({ type: "support", proposal })).toMatchObject({
      ok: false,
      code: "unknown_proposal",
    });
    expect(await s1.client.command({ type: "withdraw", proposal })).toMatchObject({
      ok: false,
      code: "unknown_proposal",
    });
    expect(await f2.client.command({ type: "withdraw", proposal })).toMatchObject({
      ok: false,
      code: "not_yours",
    });
    expect(JSON.stringify(context())).toBe(before);
    // The teammate may vote for it: that is what the draft is for.
    expect(await f2.client.command({ type: "support", proposal })).toMatchObject({ ok: true });
  });

  it("applies simultaneous proposals one at a time: every card ends in exactly one place", async () => {
    table = await openTable(t.url, { students: 8 });
    await playToBuild(table);
    const deck = cardIndex(context().deck);
    const acks = await Promise.all(
      table.students.flatMap((s) => {
        const play = playable(s.client, deck, ["point", "evidence1", "evidence2", "explanation", "link"]);
        return play ? [s.client.command({ type: "propose", ...play })] : [];
      }),
    );
    expect(acks.length).toBeGreaterThan(4);
    const versions = acks.flatMap((a) => (a.ok && a.version !== undefined ? [a.version] : []));
    expect(new Set(versions).size).toBe(versions.length);
    const ctx = context();
    const places: string[] = [];
    for (const seat of Object.values(ctx.seats)) places.push(...seat.hand);
    for (const team of Object.values(ctx.teams)) {
      places.push(...team.drawPile, ...team.discard);
      for (const p of team.proposals) places.push(...p.copies.map((c) => c.copy));
    }
    expect(places.length).toBe(new Set(places).size);
    expect(new Set(places)).toEqual(new Set(Object.keys(ctx.copies)));
  });
});
