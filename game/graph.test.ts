// Path generation over the statechart (xstate/graph): every state of the machine is reachable with
// the commands people and the clock send, and each shortest path replays on a real room.
import { describe, expect, it } from "vitest";
import { getShortestPaths } from "xstate/graph";
import type { GameEvent } from "./events";
import { gameMachine } from "./machine";
import { PHASES } from "./types";
import { testDeck } from "./testing/deck";

const LATER = 9_999_999_999_999;
const events: GameEvent[] = [
  { type: "join", seat: "a", name: "Ada", key: "ka", by: { role: "system" }, at: 1 },
  { type: "join", seat: "b", name: "Ben", key: "kb", by: { role: "system" }, at: 1 },
  { type: "start", by: { role: "host" }, at: 2 },
  { type: "verdictVote", value: 3, by: { role: "seat", seat: "a" }, at: 3 },
  { type: "skip", by: { role: "host" }, at: 4 },
  { type: "timeUp", by: { role: "system" }, at: LATER },
  {
    type: "score",
    marks: {
      failure: { knowledge: 1, analysis: 1, evaluation: 1, structure: 1 },
      success: { knowledge: 0, analysis: 2, evaluation: 0, structure: 0 },
    },
    by: { role: "host" },
    at: 5,
  },
];

describe("the statechart", () => {
  it("reaches every phase by shortest paths", () => {
    const paths = getShortestPaths(gameMachine, {
      input: {
        code: "GRAPHS",
        deck: testDeck,
        mode: "class",
        seed: 1,
        createdAt: 0,
        settings: { themes: ["output"] },
      },
      events,
      // One node per phase (and round): the context itself is too rich to enumerate.
      serializeState: (snapshot) =>
        `${JSON.stringify(snapshot.value)}:${snapshot.context.round}:${snapshot.context.seatOrder.length}`,
      limit: 5000,
    });
    const reached = new Set(paths.map((p) => p.state.value as string));
    expect([...reached].sort()).toEqual([...PHASES].sort());
    const verdict = paths.find((p) => p.state.value === "verdict");
    expect(verdict?.steps.map((s) => s.event.type)).toContain("start");
  });
});
