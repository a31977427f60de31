// The auto-judge on hand-built rounds: marks per criterion, one-line reasons, feedback per slot,
// and a teacher's own rubric as data.
import { describe, expect, it } from "vitest";
import { judge, marksOf } from "./judge";
import { newContext } from "./machine";
import { CKAE_22_RUBRIC, LEVELS_20_RUBRIC, PEEL_RUBRIC } from "./rubric";
import { testDeck } from "./testing/deck";
import type { Paragraph, Played, RoundRecord } from "./types";

const ctx = newContext({ code: "JUDGE1", deck: testDeck, mode: "class", seed: 1, createdAt: 0 });
const card = (id: string): Played => ({ kind: "card", card: id, copy: `x-${id}`, by: ["a"] });

function round(
  theme: string,
  failure: Paragraph,
  success: Paragraph,
  counters: RoundRecord["counters"] = { failure: null, success: null },
): RoundRecord {
  return {
    theme,
    paragraphs: { failure, success },
    counters,
    suggestion: null,
    scores: null,
    autoScored: false,
  };
}

const fullFailure: Paragraph = {
  point: card("p1-point"),
  evidence1: card("p1-evidence-1"),
  explanation: card("p1-explanation"),
  link: card("p1-link"),
};

describe("the auto-judge", () => {
  it("gives a full PEEL chain with a counter that answers, and a Link that answers back, full marks", () => {
    const r = round(
      "output",
      fullFailure,
      { point: card("p1-counter") },
      {
        failure: null,
        success: { played: card("p1-counter"), target: "point" },
      },
    );
    r.counters.failure = { played: card("p3-counter"), target: "point" };
    const j = judge(ctx, r, "failure", PEEL_RUBRIC);
    const marks = marksOf(j);
    expect(marks.structure).toBe(1);
    expect(marks.evaluation).toBeGreaterThanOrEqual(1); // the Link answers their However
    expect(marks.knowledge).toBeGreaterThanOrEqual(2);
    expect(marks.analysis).toBe(3);
    for (const m of j.marks) expect(m.reason.length).toBeGreaterThan(10);
    expect(j.feedback.find((f) => f.slot === "point")?.ok).toBe(true);
  });

  it("marks nothing for an empty paragraph, and says what to add", () => {
    const j = judge(ctx, round("output", {}, {}), "failure", PEEL_RUBRIC);
    expect(j.total).toBe(0);
    expect(j.marks.find((m) => m.criterion === "structure")?.reason).toMatch(/add Point/);
    expect(j.feedback.every((f) => !f.ok)).toBe(true);
  });

  it("a card for the other side costs the structure mark and says why", () => {
    const p = { ...fullFailure, evidence2: card("p1-evidence-2") };
    const j = judge(ctx, round("output", p, {}), "failure", PEEL_RUBRIC);
    expect(marksOf(j).structure).toBe(0);
    expect(j.feedback.find((f) => f.slot === "evidence2")?.line).toMatch(/other side/);
  });

  it("evidence from another theme is not relevant when the side has evidence on the theme", () => {
    const p = { ...fullFailure, evidence1: card("p2-evidence-1") };
    const j = judge(ctx, round("output", p, {}), "failure", PEEL_RUBRIC);
    expect(marksOf(j).knowledge).toBe(0);
    expect(j.feedback.find((f) => f.slot === "evidence1")?.line).toMatch(/another theme/);
  });

  it("own sentences are left to the teacher", () => {
    const own: Played = { kind: "own", text: "Steel from the furnaces was useless.", by: ["a"] };
    const j = judge(ctx, round("output", { ...fullFailure, evidence1: own }, {}), "failure", PEEL_RUBRIC);
    expect(j.feedback.find((f) => f.slot === "evidence1")?.line).toMatch(/teacher/);
    expect(marksOf(j).structure).toBe(1);
  });

  it("marks a thin side against what its own cards allow (par)", () => {
    // The success side of the test deck has nothing on Experts but can borrow (open-slot rule).
    const p: Paragraph = {
      point: card("p3-point"),
      evidence1: card("p3-evidence-2"),
      explanation: card("p3-explanation"),
    };
    const j = judge(ctx, round("experts", {}, p), "success", PEEL_RUBRIC);
    expect(marksOf(j).knowledge).toBeGreaterThan(0);
    expect(marksOf(j).structure).toBe(1); // the side has no Link card at all: the chain is as complete as it can be
  });

  it("applies any rubric as data", () => {
    const r = round("output", fullFailure, {});
    for (const rubric of [LEVELS_20_RUBRIC, CKAE_22_RUBRIC]) {
      const j = judge(ctx, r, "failure", rubric);
      expect(j.marks.map((m) => m.criterion)).toEqual(rubric.criteria.map((c) => c.id));
      for (const m of j.marks) expect(m.marks).toBeGreaterThanOrEqual(0);
      for (const m of j.marks) expect(m.marks).toBeLessThanOrEqual(m.max);
    }
    expect(judge(ctx, r, "failure", LEVELS_20_RUBRIC).total).toBeGreaterThan(10);
  });
});
