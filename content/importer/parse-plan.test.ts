// parsePlan end to end: three plans of our own on other questions (fully labelled, unlabelled,
// messy), small plans for single behaviours, and every kind of refusal with its line number.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { relationProblems, untracedCards } from "../checks";
import { type Card, type Deck, DeckSchema } from "../schema";
import { parsePlan, type ParsePlanResult } from "./index";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

function deckOf(text: string): { deck: Deck; warnings: string[] } {
  const result = parsePlan(text);
  if (!result.ok) throw new Error(`refused: line ${result.error.line}: ${result.error.message}`);
  expect(DeckSchema.safeParse(result.deck).success).toBe(true);
  expect(untracedCards(result.deck, text)).toEqual([]);
  expect(relationProblems(result.deck)).toEqual([]);
  return result;
}

const find = (deck: Deck, id: string): Card => {
  const c = deck.cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id} in ${deck.cards.map((x) => x.id).join(", ")}`);
  return c;
};
const sidesOf = (deck: Deck, paragraph: number) =>
  Object.fromEntries(deck.cards.filter((c) => c.paragraph === paragraph).map((c) => [c.id, c.side]));

function refusal(result: ParsePlanResult): { line: number; message: string } {
  if (result.ok) throw new Error("expected a refusal, got a deck");
  return result.error;
}

describe("a fully labelled plan (Treaty of Versailles, titled paragraphs)", () => {
  const { deck, warnings } = deckOf(fixture("versailles-labelled.txt"));

  it("labels the teams from a short predicate: Too harsh / Not too harsh", () => {
    expect(deck.sides).toEqual({ failure: "Too harsh", success: "Not too harsh" });
  });

  it("uses the headings' titles as themes", () => {
    expect(deck.themes.map((t) => `${t.id}:${t.title}`)).toEqual([
      "territory:Territory",
      "reparations:Reparations",
      "military-terms:Military terms",
      "brest-litovsk:Brest-Litovsk",
      "context:Introduction and conclusion",
    ]);
  });

  it("reads the thesis (not too harsh) and the paragraph that argues against it", () => {
    expect(sidesOf(deck, 1)).toEqual({
      "p1-point": "success",
      "p1-evidence-1": "success",
      "p1-explanation": "success",
      "p1-counter": "failure",
      "p1-link": "success",
      "p1-link-counter": "success",
    });
    // "On the other hand, the reparations … were very harsh": the other side's paragraph.
    expect(sidesOf(deck, 2)).toEqual({
      "p2-point": "failure",
      "p2-evidence-1": "failure",
      "p2-explanation": "failure",
      "p2-counter": "success",
      "p2-link": "failure",
      "p2-link-counter": "failure",
    });
    expect(find(deck, "p4-counter").side).toBe("failure");
    expect(deck.cards.some((c) => c.review)).toBe(false);
  });

  it("lists the empty However as a gap and builds no card for it", () => {
    expect(deck.gaps).toEqual([{ paragraph: 3, part: "however" }]);
    expect(deck.cards.some((c) => c.id.startsWith("p3-counter"))).toBe(false);
    expect(warnings).toContain("paragraph 3: no However (a gap to write in class)");
  });

  it("splits a conceding Outline into a card for each side", () => {
    expect(find(deck, "intro-outline")).toMatchObject({ side: "success", kind: "context" });
    expect(find(deck, "intro-outline-2")).toMatchObject({
      side: "failure",
      source: "Although the treaty was harsh in places",
      text: "The treaty was harsh in places.",
    });
    // Setting the scene and defining the question argue nothing.
    expect(find(deck, "intro-attack").side).toBe("either");
  });

  it("relates each paragraph's parts", () => {
    expect(find(deck, "p2-evidence-1").supports).toEqual(["p2-point"]);
    expect(find(deck, "p2-counter").rebuts[0]).toBe("p2-point");
    expect(find(deck, "p2-link")).toMatchObject({ supports: ["p2-point"], rebuts: ["p2-counter"] });
    expect(find(deck, "p2-link-counter").rebuts).toEqual(["p2-counter"]);
  });
});

describe("an unlabelled plan (the NEP), read by order and cue words", () => {
  const { deck, warnings } = deckOf(fixture("nep-unlabelled.txt"));

  it("labels the teams for a 'To what extent was X a success?' question", () => {
    expect(deck.sides).toEqual({ failure: "Success", success: "Limited success" });
  });

  it("reads point, evidence, explanation, However and link from order and cues", () => {
    expect(deck.cards.filter((c) => c.paragraph === 1).map((c) => `${c.id}:${c.kind}`)).toEqual([
      "p1-point:point",
      "p1-evidence-1:evidence",
      "p1-explanation:explanation",
      "p1-counter:counter",
      "p1-link:link",
      "p1-link-counter:counter",
    ]);
    expect(find(deck, "p1-counter").source).toMatch(/^However, the recovery was uneven/);
    expect(find(deck, "p1-link").source).toMatch(/^Nevertheless, the economy/);
  });

  it("reads a paragraph written as one block sentence by sentence, the first sentence as its point", () => {
    expect(find(deck, "p2-point").source).toBe(
      "The NEP also succeeded in securing the Bolsheviks' hold on power.",
    );
    expect(find(deck, "p2-link").source).toMatch(/^As a result/);
  });

  it("gives a paragraph opening with 'However' to the other side", () => {
    expect(Object.values(sidesOf(deck, 3))).toEqual(["success", "success", "success", "success"]);
    expect(Object.values(sidesOf(deck, 1)).filter((s) => s === "failure")).toHaveLength(5);
  });

  it("derives short theme titles from the points", () => {
    expect(deck.themes.map((t) => t.title)).toEqual([
      "Rapid economic recovery",
      "Bolsheviks' hold",
      "Political failure",
      "Introduction and conclusion",
    ]);
  });

  it("reads an unlabelled introduction and conclusion in order", () => {
    expect(find(deck, "intro-scene").source).toMatch(/^By 1921 War Communism/);
    expect(find(deck, "intro-outline")).toMatchObject({ side: "failure" });
    expect(find(deck, "concl-significance").source).toMatch(/^However, it was always seen/);
    expect(warnings.filter((w) => w.includes("not labelled"))).toHaveLength(3);
  });
});

describe("a messy plan (the New Deal): CRLF, BOM, tabs, curly quotes, ½ ¾, bookmarks, lower-case headings", () => {
  const text = fixture("new-deal-messy.txt");
  const { deck } = deckOf(text);

  it("is really messy", () => {
    for (const mess of [
      "\r\n",
      "\t",
      "\ufeff",
      "’",
      "“",
      "½",
      "¾",
      "\u00a0",
      "\u200b",
      "[bookmark: _GoBack]",
      "â€™",
      "\f",
    ])
      expect(text.includes(mess), JSON.stringify(mess)).toBe(true);
    expect(text.startsWith("\ufeff\tquestion:")).toBe(true);
  });

  it("reads the question, the teams and the dash- and tab-separated headings", () => {
    expect(deck.question).toBe(
      "How successful was the New Deal in ending the Great Depression in the USA (1933–41)?",
    );
    expect(deck.sides).toEqual({ failure: "Success", success: "Limited success" });
    expect(deck.themes.map((t) => t.title)).toEqual([
      "Relief",
      "Unemployment",
      "Industry and farming",
      "Introduction and conclusion",
    ]);
  });

  it("cleans quotes, fractions and invisible characters out of sources and text", () => {
    const all = deck.cards.map((c) => c.source + c.text).join(" ");
    expect(all).not.toMatch(/[’“”½¾\u00a0\u200b\f]|bookmark|â€/);
    expect(find(deck, "intro-scene").source).toContain("America's workers");
    expect(find(deck, "p1-evidence-1").source).toContain("8 1/2 million");
    expect(find(deck, "p1-evidence-1").text).toContain("8.5 million");
    expect(find(deck, "p3-evidence-1").text).toContain("three-quarters of their 1929 level");
  });

  it("reads labels in any case, after a dash, alone on a line, in bold or after a bullet", () => {
    expect(find(deck, "p1-point").source).toMatch(/^The New Deal's relief agencies/);
    expect(find(deck, "p1-evidence-1").source).toMatch(/^The Civilian Conservation Corps/);
    expect(find(deck, "p1-explanation").source).toBe(
      "These schemes put wages in people's pockets, which helped demand to recover.",
    );
    expect(find(deck, "p1-link").source).toMatch(/^Despite these limits/);
    expect(find(deck, "p2-point").source).toMatch(/^Unemployment stayed high/);
    expect(find(deck, "concl-signpost").source).toMatch(/^In conclusion/);
    expect(deck.gaps).toEqual([{ paragraph: 2, part: "however" }]);
  });

  it("keeps an unlabelled 'Furthermore' line with the evidence above it, as its own card", () => {
    expect(find(deck, "p3-evidence-3").source).toMatch(/^Furthermore the National Industrial Recovery Act/);
    expect(find(deck, "p3-evidence-3").text).toMatch(/^The National Industrial Recovery Act/);
  });

  it("gives a success paragraph in a limited-success essay to the Success team", () => {
    expect(find(deck, "p1-point").side).toBe("failure");
    expect(find(deck, "p1-counter").side).toBe("success");
    expect(find(deck, "p2-point").side).toBe("success");
    expect(find(deck, "p3-counter").side).toBe("failure");
  });
});

describe("small plans", () => {
  const plan = (
    body: string,
    question = "How far do you agree that the Corn Laws were repealed because of Peel?",
  ) => `QUESTION: ${question}\n\n${body}`;

  it("takes a long 'PARAGRAPH 1: …' line as the paragraph's first sentence, not its title", () => {
    const { deck } = deckOf(
      plan("PARAGRAPH 1: Peel was persuaded by the Irish famine that the Corn Laws had to go.\n"),
    );
    expect(find(deck, "p1-point").source).toBe(
      "Peel was persuaded by the Irish famine that the Corn Laws had to go.",
    );
  });

  it("accepts word and Roman paragraph numbers and the P/E/E/L shorthand", () => {
    const { deck } = deckOf(
      plan(
        "Paragraph One\nP: Peel led.\nE: He split his party in 1846.\nE: This shows his will mattered.\nL: So Peel mattered.\n\nPARAGRAPH II\nPoint: The League campaigned.\n",
      ),
    );
    expect(find(deck, "p1-explanation").source).toBe("This shows his will mattered.");
    expect(find(deck, "p2-point").source).toBe("The League campaigned.");
  });

  it("reads numbered labels and a question followed at once by the introduction", () => {
    const { deck } = deckOf(
      "QUESTION: How accurate is it to say that the Corn Laws' repeal was a failure?\nSet the scene: In 1846 Peel repealed them.\n\nPARAGRAPH 1\nPoint 1: It failed.\nEvidence 1: Prices fell.\nEvidence 2: Farmers suffered.\n",
    );
    expect(deck.question).toBe("How accurate is it to say that the Corn Laws' repeal was a failure?");
    expect(find(deck, "intro-scene").source).toBe("In 1846 Peel repealed them.");
    expect(deck.cards.filter((c) => c.kind === "evidence").map((c) => c.source)).toEqual([
      "Prices fell.",
      "Farmers suffered.",
    ]);
  });

  it("keeps a 'However …' or 'Nevertheless …' paragraph on the essay's side when its words argue it", () => {
    const q = "How accurate is it to say that the GLF was a failure?";
    const intro = "INTRODUCTION\nOutline your argument: Overall the GLF was a failure.\n\n";
    const { deck } = deckOf(
      plan(
        `${intro}PARAGRAPH 1\nPoint: However, the worst failure was the famine.\n\nPARAGRAPH 2\nPoint: Nevertheless the plan failed.\n\nPARAGRAPH 3\nPoint: However, some projects brought prestige.\n`,
        q,
      ),
    );
    expect([1, 2, 3].map((n) => find(deck, `p${n}-point`).side)).toEqual(["failure", "failure", "success"]);
  });

  it("marks cards for review when the plan does not make the essay's line clear", () => {
    const { deck, warnings } = deckOf(
      plan(
        "PARAGRAPH 1\nPoint: The Anti-Corn Law League ran a national campaign.\nEvidence: It held meetings across the country.\n",
      ),
    );
    expect(find(deck, "p1-point")).toMatchObject({ side: "either", review: true });
    expect(warnings).toContain("card p1-point: side unclear, set it by hand");
  });

  it("reads text before the first paragraph as the introduction when its heading is missing", () => {
    const { deck, warnings } = deckOf(
      plan("Set the scene: Peel was Prime Minister.\n\nPARAGRAPH 1\nPoint: Peel acted.\n"),
    );
    expect(find(deck, "intro-scene").source).toBe("Peel was Prime Minister.");
    expect(warnings.some((w) => w.includes("no INTRODUCTION heading"))).toBe(true);
  });

  it("keeps the plan's order for paragraphs numbered out of order, and says so", () => {
    const { deck, warnings } = deckOf(plan("PARAGRAPH 2\nPoint: Second.\n\nPARAGRAPH 1\nPoint: First.\n"));
    expect(deck.themes.map((t) => t.paragraph)).toEqual([2, 1, null]);
    expect(warnings.some((w) => w.includes("PARAGRAPH 2 is the plan's paragraph 1"))).toBe(true);
  });

  it("lets the caller set team labels, theme titles and the thesis", () => {
    const result = parsePlan(plan("PARAGRAPH 1\nPoint: Peel acted.\n"), {
      sides: { failure: "Peel", success: "Not Peel" },
      themeTitles: { 1: "Peel's conversion" },
      thesis: "failure",
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.deck.sides).toEqual({ failure: "Peel", success: "Not Peel" });
    expect(result.deck.themes[0]).toEqual({
      id: "peel-conversion",
      title: "Peel's conversion",
      paragraph: 1,
    });
    expect(find(result.deck, "p1-point")).toMatchObject({ side: "failure", review: false });
  });
});

describe("refusals name the line and what was expected", () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ["an empty file", "", 1, /the plan is empty/],
    ["only blank lines", "\n\n \t \n\r\n", 1, /the plan is empty/],
    [
      "no QUESTION",
      "\n\nINTRODUCTION\nSet the scene: x\nPARAGRAPH 1\nPoint: y\n",
      3,
      /expected a line starting "QUESTION:".*INTRODUCTION/,
    ],
    [
      "a question without its label",
      "How far was Peel to blame?\n\nPARAGRAPH 1\nPoint: y\n",
      1,
      /add "QUESTION: "/,
    ],
    ["an empty QUESTION", "Intro note\nQUESTION:\n\nPARAGRAPH 1\nPoint: y\n", 2, /QUESTION is empty/],
    [
      "two QUESTIONs",
      "QUESTION: a?\nQUESTION: b?\nPARAGRAPH 1\nPoint: y\n",
      2,
      /QUESTION appears twice \(first on line 1\)/,
    ],
    [
      "two paragraphs with the same number",
      "QUESTION: a?\nPARAGRAPH 1\nPoint: x\n\nparagraph 1\nPoint: y\n",
      5,
      /PARAGRAPH 1 appears twice \(first on line 2\)/,
    ],
    [
      "a paragraph with no point",
      "QUESTION: a?\nPARAGRAPH 1\nPoint: x\nPARAGRAPH 2\nEvidence: e\nLink: l\n",
      4,
      /PARAGRAPH 2 has no point: expected a "Point:" line.*before its Evidence/,
    ],
    [
      "an empty Point label",
      "QUESTION: a?\n\nPARAGRAPH 1\nPoint:\nEvidence: e\n",
      4,
      /PARAGRAPH 1 has an empty Point/,
    ],
    ["an empty paragraph", "QUESTION: a?\nPARAGRAPH 1\n\nPARAGRAPH 2\nPoint: x\n", 2, /PARAGRAPH 1 is empty/],
    [
      "no paragraphs, with a conclusion",
      "QUESTION: a?\nINTRODUCTION\nSet the scene: s\nCONCLUSION\nSignpost: c\n",
      4,
      /expected at least one PARAGRAPH heading .* before CONCLUSION/,
    ],
    [
      "no paragraphs at all",
      "QUESTION: a?\nSome notes\nmore notes\n\n",
      3,
      /expected at least one PARAGRAPH heading/,
    ],
    ["paragraph 0", "QUESTION: a?\nPARAGRAPH 0\nPoint: x\n", 2, /paragraph number from 1 to 99, found 0/],
    ["binary (NUL bytes)", "QUESTION: a?\nPARAGRAPH 1\nPoint: \u0000\u0001x\n", 3, /binary file/],
    ["a PDF", "%PDF-1.7\n%âãÏÓ\n", 1, /PDF file/],
    ["a .docx", "PK\u0003\u0004\u0014\u0000\u0006\u0000", 1, /Word \(\.docx\)/],
    ["garbage", `QUESTION: a?\n${"\u0007\u0012\u001b\ufffd".repeat(50)}\n`, 2, /not readable text/],
  ];
  for (const [what, text, line, message] of cases) {
    it(`refuses ${what} (line ${line})`, () => {
      const error = refusal(parsePlan(text));
      expect(error.message).toMatch(message);
      expect(error.line).toBe(line);
    });
  }

  it("refuses a sentence too long for a card, at its line", () => {
    const error = refusal(
      parsePlan(`QUESTION: a?\nPARAGRAPH 1\nPoint: x.\nEvidence: ${"word ".repeat(900)}\n`),
    );
    expect(error).toMatchObject({ line: 4 });
    expect(error.message).toMatch(/sentence of \d+ characters/);
  });

  it("refuses a file over 1 MB", () => {
    const error = refusal(parsePlan(`QUESTION: a?\nPARAGRAPH 1\nPoint: x\n${"y".repeat(1_000_001)}`));
    expect(error).toMatchObject({ line: 1 });
    expect(error.message).toMatch(/must be under 1\.0 MB/);
  });

  it("refuses 5 MB at once, without scanning it", () => {
    const huge = `QUESTION: a?\n${"PARAGRAPH 1\nPoint: x\n".repeat(250_000)}`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const error = refusal(parsePlan(huge));
    expect(performance.now() - started).toBeLessThan(20);
    expect(error.line).toBe(1);
  });

  it("reads a plan just under the limit in reasonable time", () => {
    const paragraphs = Array.from(
      { length: 99 },
      (_, i) => `PARAGRAPH ${i + 1}\nPoint: Claim ${i + 1} was a failure.\n`,
    );
    const filler = `Evidence: ${"The plan failed. ".repeat(9_000)}\n`;
    const text = `QUESTION: Was it a failure?\n${paragraphs.join("")}${filler}`;
    expect(text.length).toBeLessThan(1_000_000);
    const started = performance.now();
    const result = parsePlan(text);
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses input that is not text", () => {
    expect(refusal(parsePlan(42 as unknown as string))).toEqual({
      line: 1,
      message: "expected the plan as text",
    });
  });
});
