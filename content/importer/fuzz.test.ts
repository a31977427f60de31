// Property tests: whatever text arrives (random strings, random unicode, plan-shaped text built from
// the plan's own vocabulary with random mess), parsePlan never throws, refuses with a line inside the
// text, and any deck it returns is valid, traceable to the text and consistent in its relations.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relationProblems, untracedCards } from "../checks";
import { DeckSchema } from "../schema";
import { parsePlan } from "./index";
import { normalisePlanText } from "./normalise";

function checkResult(text: string): void {
  const result = parsePlan(text);
  if (result.ok) {
    expect(DeckSchema.safeParse(result.deck).success).toBe(true);
    expect(untracedCards(result.deck, text)).toEqual([]);
    expect(relationProblems(result.deck)).toEqual([]);
    expect(result.deck.cards.length).toBeGreaterThan(0);
  } else {
    const lines = normalisePlanText(text).split("\n").length;
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.line).toBeLessThanOrEqual(Math.max(1, lines));
    expect(result.error.message.length).toBeGreaterThan(10);
  }
}

// Pieces of real plans, so random text often gets deep into the importer.
const HEADINGS = [
  "QUESTION: How accurate is it to say that the Great Leap Forward was a failure?",
  "question: How far do you agree that the Treaty of Versailles was too harsh?",
  "QUESTION",
  "INTRODUCTION",
  "introduction:",
  "PARAGRAPH 1",
  "Paragraph 2: Experts and planning",
  "PARAGRAPH 1",
  "paragraph three - Communes",
  "PARAGRAPH 0",
  "CONCLUSION",
];
const LABELS = [
  "Point:",
  "Evidence:",
  "Explanation:",
  "However:",
  "Link:",
  "P:",
  "E:",
  "L:",
  "Set the scene:",
  "Attack the question:",
  "Outline your argument:",
  "Signpost your conclusion:",
  "Summarise your argument:",
  "Consider significance:",
  "[bookmark: _GoBack]",
  "evidence -",
  "• Point:",
  "**Link:**",
];
const SENTENCES = [
  "The output of industrially produced goods fell significantly during the GLF.",
  "Despite some early success in the first two years, by 1962 the plan had failed.",
  "Despite some early success. By 1962 the plan had failed.",
  "However it can still be argued that some of the figures were still impressive.",
  "However despite these significant failures a number of projects did bring prestige.",
  "Nevertheless the plan as a whole did not reach its objective.",
  "Although China had huge reserves of manpower China lacked skills.",
  "Furthermore Workers now had ‘an iron rice bowl’, a job for life.",
  "China was only producing ½ the amount of heavy goods and ¾ of light goods.",
  "In Beijing, a 100 acre side was cleared for Tiananmen Square (SOEs).",
  "As a result industry was unable to build on the first five year plan.",
  "It was not a failure, e.g. in 1964, J. M. Keynes said so!",
  "",
  "   ",
];

const planLine = fc.oneof(
  fc.constantFrom(...HEADINGS),
  fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...SENTENCES)).map(([l, s]) => `${l} ${s}`),
  fc.constantFrom(...SENTENCES),
  fc.constantFrom(...LABELS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const separator = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\n\t\n", "\u2028", "\v");
const planShaped = fc
  .array(fc.tuple(fc.constantFrom("", "\t", "  ", "\u00a0", "## "), planLine, separator), { maxLength: 60 })
  .map((parts) => parts.map(([indent, line, sep]) => indent + line + sep).join(""));

// Plans with a real skeleton (one question, numbered paragraphs with a point) and random parts,
// labels, cases and mess, so most of them are read into decks.
const part = fc.tuple(
  fc.constantFrom(
    "Point: ",
    "Evidence: ",
    "Explanation: ",
    "However: ",
    "Link: ",
    "",
    "",
    "EVIDENCE - ",
    "link:\n",
  ),
  fc.array(fc.constantFrom(...SENTENCES), { minLength: 0, maxLength: 3 }),
);
const paragraph = fc.tuple(
  fc.constantFrom(...SENTENCES.filter((s) => s.trim())),
  fc.array(part, { maxLength: 6 }),
  fc.constantFrom("", ": A title", " - Output and figures"),
);
const skeleton = fc
  .record({
    question: fc.constantFrom(...HEADINGS.slice(0, 2)),
    intro: fc.array(fc.tuple(fc.constantFrom(...LABELS.slice(8, 11), ""), fc.constantFrom(...SENTENCES)), {
      maxLength: 4,
    }),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    conclusion: fc.array(
      fc.tuple(fc.constantFrom(...LABELS.slice(11, 14), ""), fc.constantFrom(...SENTENCES)),
      {
        maxLength: 4,
      },
    ),
    newline: fc.constantFrom("\n", "\r\n"),
    upper: fc.boolean(),
  })
  .map(({ question, intro, paragraphs, conclusion, newline, upper }) => {
    const heading = (h: string) => (upper ? h.toUpperCase() : h.toLowerCase());
    const lines = [question, "", heading("Introduction"), ...intro.map(([l, s]) => `${l} ${s}`), ""];
    paragraphs.forEach(([point, parts, title], i) => {
      lines.push(`\t${heading("Paragraph")} ${i + 1}${title}`, `Point: ${point}`, "");
      for (const [label, sentences] of parts) lines.push(`${label}${sentences.join(" ")}`, "");
    });
    lines.push(heading("Conclusion"), ...conclusion.map(([l, s]) => `${l} ${s}`));
    return lines.join(newline);
  });

describe("parsePlan on arbitrary input", () => {
  it("never throws on random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => checkResult(text)),
      { numRuns: 500 },
    );
  });

  it("never throws on random unicode, including controls and astral characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => checkResult(text)),
      { numRuns: 500 },
    );
  });

  it("never throws on plan-shaped text, and every deck it builds is valid and traceable", () => {
    fc.assert(
      fc.property(planShaped, (text) => checkResult(text)),
      { numRuns: 1500 },
    );
  });

  it("reads random plans with a real skeleton into valid, traceable decks", () => {
    fc.assert(
      fc.property(skeleton, (text) => {
        checkResult(text);
        expect(parsePlan(text).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(planShaped, (text) => {
        expect(parsePlan(text)).toEqual(parsePlan(text));
      }),
      { numRuns: 200 },
    );
  });
});
