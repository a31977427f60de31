// Table-driven rule tests: who may do what, when, and the reason given when they may not.
import { describe, expect, it } from "vitest";
import type { Actor, Command } from "./events";
import { check, legal } from "./rules";
import type { Phase } from "./types";
import { HOST, join, newRoom, SYSTEM, seat } from "./testing/harness";

/** A room in the given phase with four students (a, b on one team, c, d on the other). */
function roomIn(phase: Phase) {
  const room = newRoom({ settings: { themes: ["output", "experts", "prestige"] } });
  for (const id of ["a", "b", "c", "d"]) join(room, id, `Pupil ${id}`);
  const path: Partial<Record<Phase, Command[]>> = {
    lobby: [],
    voteBefore: [{ type: "start" }],
    build: [{ type: "start" }, { type: "skip" }],
    reveal: [{ type: "start" }, { type: "skip" }, { type: "skip" }],
    rebut: [{ type: "start" }, { type: "skip" }, { type: "skip" }, { type: "skip" }],
    judge: [{ type: "start" }, { type: "skip" }, { type: "skip" }, { type: "skip" }, { type: "skip" }],
    result: [
      { type: "start" },
      { type: "skip" },
      { type: "skip" },
      { type: "skip" },
      { type: "skip" },
      { type: "skip" },
    ],
  };
  for (const cmd of path[phase] ?? []) expect(room.dispatch(cmd, HOST).ok).toBe(true);
  expect(room.phase).toBe(phase);
  return room;
}

const at = 0;
const ev = (cmd: Command, by: Actor) => ({ ...cmd, by, at });

describe("who may do what, and when", () => {
  const cases: [string, Phase, Command, Actor, string | null][] = [
    ["the teacher starts", "lobby", { type: "start" }, HOST, null],
    ["a student cannot start", "lobby", { type: "start" }, seat("a"), "not_allowed"],
    ["a student cannot skip", "build", { type: "skip" }, seat("a"), "not_allowed"],
    ["a student cannot pause", "build", { type: "pause" }, seat("a"), "not_allowed"],
    [
      "a student cannot score",
      "judge",
      { type: "score", marks: { failure: {}, success: {} } },
      seat("a"),
      "not_allowed",
    ],
    ["a student cannot remove another", "lobby", { type: "remove", seat: "b" }, seat("a"), "not_allowed"],
    ["a student cannot ban", "build", { type: "ban", seat: "b" }, seat("a"), "not_allowed"],
    ["a student cannot lock", "lobby", { type: "lock" }, seat("a"), "not_allowed"],
    [
      "a student cannot move players",
      "lobby",
      { type: "move", seat: "b", team: "success" },
      seat("a"),
      "not_allowed",
    ],
    [
      "a student renames themself in the lobby",
      "lobby",
      { type: "rename", seat: "a", name: "Ada" },
      seat("a"),
      null,
    ],
    [
      "a student cannot rename another",
      "lobby",
      { type: "rename", seat: "b", name: "Bob" },
      seat("a"),
      "not_allowed",
    ],
    [
      "nobody renames themself mid-game",
      "build",
      { type: "rename", seat: "a", name: "Ada" },
      seat("a"),
      "not_allowed",
    ],
    ["the teacher renames anyone, any time", "build", { type: "rename", seat: "a", name: "Ada" }, HOST, null],
    ["the host cannot play cards", "build", { type: "support", proposal: "p1" }, HOST, "not_allowed"],
    [
      "only the server joins people",
      "lobby",
      { type: "join", seat: "z", name: "Zed", key: "k" },
      HOST,
      "not_allowed",
    ],
    ["only the clock says time is up", "build", { type: "timeUp" }, HOST, "not_allowed"],
    [
      "no proposing in the lobby",
      "lobby",
      { type: "propose", slot: "point", copy: "c1" },
      seat("a"),
      "wrong_phase",
    ],
    [
      "no proposing at Reveal",
      "reveal",
      { type: "propose", slot: "point", copy: "c1" },
      seat("a"),
      "wrong_phase",
    ],
    [
      "no voting on the verdict in Build",
      "build",
      { type: "verdictVote", value: 3 },
      seat("a"),
      "wrong_phase",
    ],
    ["votes are 1 to 5", "voteBefore", { type: "verdictVote", value: 6 }, seat("a"), "bad_value"],
    ["a vote of 5 counts", "voteBefore", { type: "verdictVote", value: 5 }, seat("a"), null],
    [
      "settings only in the lobby",
      "build",
      { type: "configure", settings: { buildMs: 60_000 } },
      HOST,
      "wrong_phase",
    ],
    [
      "phase lengths have limits",
      "lobby",
      { type: "configure", settings: { buildMs: 5 } },
      HOST,
      "bad_settings",
    ],
    [
      "themes must be the plan's",
      "lobby",
      { type: "configure", settings: { themes: ["output", "nope", "prestige"] } },
      HOST,
      "bad_settings",
    ],
    [
      "a game needs enough themes",
      "lobby",
      { type: "configure", settings: { themes: ["output"] } },
      HOST,
      "bad_settings",
    ],
    ["add time only with a timer", "judge", { type: "addTime", ms: 30_000 }, HOST, "bad_value"],
    ["add time in Build", "build", { type: "addTime", ms: 30_000 }, HOST, null],
    ["add at most five minutes", "build", { type: "addTime", ms: 600_000 }, HOST, "bad_value"],
    ["resume needs a pause", "build", { type: "resume" }, HOST, "bad_value"],
    ["time is not up early", "build", { type: "timeUp" }, SYSTEM, "too_early"],
    [
      "a card not in your hand",
      "build",
      { type: "propose", slot: "point", copy: "c99999" },
      seat("a"),
      "not_in_hand",
    ],
    ["an unknown proposal", "build", { type: "support", proposal: "p404" }, seat("a"), "unknown_proposal"],
    ["an unknown seat", "build", { type: "support", proposal: "p1" }, seat("ghost"), "unknown_seat"],
    [
      "score within the rubric",
      "judge",
      { type: "score", marks: { failure: { knowledge: 9 }, success: {} } },
      HOST,
      "bad_value",
    ],
  ];
  it.each(cases)("%s", (_name, phase, cmd, by, code) => {
    const room = roomIn(phase);
    const refusal = check(room.context, room.phase, ev(cmd, by));
    expect(refusal?.code ?? null).toBe(code);
    if (refusal) expect(refusal.message.length).toBeGreaterThan(5);
  });
});

describe("cards and slots", () => {
  it("refuses another player's card and a card in the wrong slot", () => {
    const room = roomIn("build");
    const [a, b] = [room.context.seats.a, room.context.seats.b];
    if (!a || !b) throw new Error("seats missing");
    const theirs = b.hand[0] as string;
    expect(
      check(room.context, "build", ev({ type: "propose", slot: "point", copy: theirs }, seat("a")))?.code,
    ).toBe("not_in_hand");
    const kinds = a.hand.map(
      (c) => room.context.deck.cards.find((d) => d.id === room.context.copies[c])?.kind,
    );
    const evidenceAt = kinds.indexOf("evidence");
    if (evidenceAt >= 0) {
      const copy = a.hand[evidenceAt] as string;
      expect(check(room.context, "build", ev({ type: "propose", slot: "link", copy }, seat("a")))?.code).toBe(
        "wrong_slot",
      );
      expect(
        check(room.context, "build", ev({ type: "propose", slot: "evidence1", copy }, seat("a"))),
      ).toBeNull();
    }
  });

  it("pauses students but not the teacher", () => {
    const room = roomIn("build");
    expect(room.dispatch({ type: "pause" }, HOST).ok).toBe(true);
    const copy = room.context.seats.a?.hand[0] as string;
    expect(
      room.dispatch({ type: "write", slot: "point", text: "My own point here" }, seat("a")),
    ).toMatchObject({ ok: false, code: "paused" });
    expect(room.dispatch({ type: "propose", slot: "point", copy }, seat("a"))).toMatchObject({
      ok: false,
      code: "paused",
    });
    expect(room.dispatch({ type: "addTime", ms: 30_000 }, HOST).ok).toBe(true);
    expect(room.dispatch({ type: "resume" }, HOST).ok).toBe(true);
  });

  it("locks the room to newcomers and keeps banned devices out", () => {
    const room = roomIn("lobby");
    expect(room.dispatch({ type: "lock" }, HOST).ok).toBe(true);
    expect(join(room, "e")).toMatchObject({ ok: false, code: "locked" });
    expect(room.dispatch({ type: "unlock" }, HOST).ok).toBe(true);
    expect(room.dispatch({ type: "ban", seat: "a" }, HOST).ok).toBe(true);
    expect(room.dispatch({ type: "join", seat: "a2", name: "Again", key: "key-a" }, SYSTEM)).toMatchObject({
      ok: false,
      code: "banned",
    });
    expect(room.dispatch({ type: "remove", seat: "b" }, HOST).ok).toBe(true);
    expect(room.dispatch({ type: "join", seat: "b2", name: "Back", key: "key-b" }, SYSTEM).ok).toBe(true);
  });

  it("filters names and keeps them unique", () => {
    const room = roomIn("lobby");
    expect(join(room, "e", "<b>bold</b>")).toMatchObject({ ok: false, code: "bad_name" });
    expect(join(room, "f", "   ")).toMatchObject({ ok: false, code: "bad_name" });
    expect(join(room, "g", "Pupil a").ok).toBe(true);
    expect(room.context.seats.g?.name).toBe("Pupil a 2");
  });
});

describe("the machine's guard asks once", () => {
  it("takes the room's answer for the same event in the same state, and checks anything else afresh", () => {
    const room = roomIn("voteBefore");
    const vote = ev({ type: "verdictVote", value: 4 }, seat("a"));
    expect(check(room.context, "voteBefore", vote)).toBeNull();
    expect(legal(room.context, "voteBefore", vote)).toBe(true);
    // The same event object in another phase, or against another state, is checked again.
    expect(legal(room.context, "build", vote)).toBe(false);
    const other = { ...room.context, paused: true, seats: {} };
    expect(legal(other, "voteBefore", vote)).toBe(false);
    // A refused event is never remembered as legal.
    const bad = ev({ type: "verdictVote", value: 9 }, seat("a"));
    expect(check(room.context, "voteBefore", bad)?.code).toBe("bad_value");
    expect(legal(room.context, "voteBefore", bad)).toBe(false);
  });

  it("a command checked legal but made illegal before it is sent is refused by the machine", () => {
    const room = roomIn("voteBefore");
    const vote = ev({ type: "verdictVote", value: 4 }, seat("a"));
    expect(check(room.context, "voteBefore", vote)).toBeNull();
    // The teacher removes the student in between: the state the guard sees is a new one.
    expect(room.dispatch({ type: "remove", seat: "a" }, HOST).ok).toBe(true);
    expect(legal(room.context, "voteBefore", vote)).toBe(false);
  });
});
