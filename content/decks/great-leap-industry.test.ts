// The shipped seed deck: its counts, sides, themes, gaps and relations, that every card traces to the
// plan, that the JSON is exactly what plan + importer + review generate, and what the importer alone
// infers from the plan before any review.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { relationProblems, untracedCards } from "../checks";
import { parsePlan } from "../importer";
import { buildReviewedDeck } from "../review";
import { type Card, DeckSchema } from "../schema";
import { greatLeapIndustryReview } from "./great-leap-industry.review";
import { findShippedDeck, seedDeck, shippedDecks } from "./index";

const PLAN_PATH = new URL("../plans/great-leap-industry.txt", import.meta.url);
const SHARED_SEED = new URL("../../../shared/seeds/000_f01fcd6bcdd76451.txt", import.meta.url);
const plan = readFileSync(PLAN_PATH, "utf8");
const card = (id: string): Card => {
  const found = seedDeck.cards.find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
};
const count = (pred: (c: Card) => boolean) => seedDeck.cards.filter(pred).length;

describe("the shipped seed deck", () => {
  it("is the teacher's plan, unchanged", () => {
    if (existsSync(SHARED_SEED)) expect(plan).toBe(readFileSync(SHARED_SEED, "utf8"));
  });

  it("is exactly what the importer and the hand review generate (reproducible)", () => {
    const json = JSON.parse(readFileSync(new URL("./great-leap-industry.json", import.meta.url), "utf8"));
    expect(json).toEqual(buildReviewedDeck(plan, greatLeapIndustryReview));
    expect(DeckSchema.safeParse(json).success).toBe(true);
  });

  it("is listed among the shipped decks", () => {
    expect(shippedDecks.map((d) => d.id)).toEqual(["great-leap-industry"]);
    expect(findShippedDeck("great-leap-industry")?.deck).toBe(seedDeck);
  });

  it("asks the plan's question with the Failure / Partial success teams", () => {
    expect(seedDeck.question).toBe(
      "How accurate is it to say that the Great Leap Forward in Industry (1958–62) was a failure?",
    );
    expect(seedDeck.sides).toEqual({ failure: "Failure", success: "Partial success" });
  });

  it("has every theme of the plan, in order, then context", () => {
    expect(seedDeck.themes.map((t) => [t.id, t.title, t.paragraph])).toEqual([
      ["output", "Output", 1],
      ["experts-planning", "Experts and planning", 2],
      ["communes-backyard-furnaces", "Communes and backyard furnaces", 3],
      ["state-owned-enterprises", "State-owned enterprises", 4],
      ["prestige-projects", "Prestige projects", 5],
      ["context", "Introduction and conclusion", null],
    ]);
    for (const theme of seedDeck.themes) expect(count((c) => c.theme === theme.id)).toBeGreaterThan(0);
  });

  it("has the counts the game needs", () => {
    expect(seedDeck.cards.length).toBe(52);
    expect(count((c) => c.side === "failure")).toBe(34);
    expect(count((c) => c.side === "success")).toBe(15);
    expect(count((c) => c.side === "either")).toBe(3);
    const kinds = Object.fromEntries(
      ["point", "evidence", "explanation", "counter", "link", "context"].map((k) => [
        k,
        count((c) => c.kind === k),
      ]),
    );
    expect(kinds).toEqual({ point: 9, evidence: 15, explanation: 7, counter: 7, link: 4, context: 10 });
    expect(seedDeck.cards.every((c) => !c.review)).toBe(true);
  });

  it("lists both gaps: paragraph 2's However and paragraph 5's Link", () => {
    expect(seedDeck.gaps).toEqual([
      { paragraph: 2, part: "however" },
      { paragraph: 5, part: "link" },
    ]);
  });

  it("traces every card's source to the plan word for word", () => {
    expect(untracedCards(seedDeck, plan).map((c) => c.id)).toEqual([]);
    // The plan's slips stay in the sources (they are the plan's words) …
    expect(card("p5-evidence-1").source).toContain("100 acre side");
    expect(card("p4-evidence-2").source).toContain("when directly to the state");
  });

  it("has short student text with the plan's typos fixed", () => {
    for (const c of seedDeck.cards) expect(c.text.length, c.id).toBeLessThanOrEqual(140);
    const texts = seedDeck.cards.map((c) => c.text).join("\n");
    expect(texts).not.toMatch(
      /acre side|when directly|attempt to attempt to|Great leap|between1960|Forwards/,
    );
    expect(card("p5-evidence-1").text).toContain("100-acre site");
    expect(card("p4-evidence-2").text).toContain("went straight to the state");
  });

  it("gives the Partial-success team the plan's concessions", () => {
    const success = seedDeck.cards.filter((c) => c.side === "success");
    const said = (pattern: RegExp) => success.some((c) => pattern.test(c.text));
    for (const pattern of [
      /coal and steel/i,
      /impressive/i,
      /propaganda/i,
      /walking on two legs/i,
      /medical and educational/i,
      /iron rice bowl/i,
      /Tiananmen/,
      /atomic bomb/i,
      /up to 1960/,
      /construction projects/i,
    ])
      expect(said(pattern), String(pattern)).toBe(true);
  });

  it("gives each side a point in every theme the plan honestly allows", () => {
    const has = (theme: string, side: string, kind: string) =>
      seedDeck.cards.some((c) => c.theme === theme && c.side === side && c.kind === kind);
    for (const theme of [
      "output",
      "experts-planning",
      "communes-backyard-furnaces",
      "state-owned-enterprises",
    ]) {
      for (const kind of ["point", "evidence", "explanation", "link"])
        expect(has(theme, "failure", kind)).toBe(true);
    }
    for (const theme of [
      "output",
      "communes-backyard-furnaces",
      "state-owned-enterprises",
      "prestige-projects",
    ])
      expect(has(theme, "success", "point"), theme).toBe(true);
    for (const kind of ["point", "evidence", "explanation"])
      expect(has("prestige-projects", "success", kind)).toBe(true);
    expect(has("prestige-projects", "failure", "point")).toBe(true);
  });

  it("draws its relations from the plan's structure", () => {
    expect(relationProblems(seedDeck)).toEqual([]);
    // Evidence and explanation support their paragraph's point.
    for (const c of seedDeck.cards.filter(
      (c) => c.paragraph !== null && c.part === "evidence" && c.side === "failure",
    ))
      expect(c.supports).toContain(`p${c.paragraph}-point`);
    expect(card("p1-explanation").supports).toEqual(["p1-point"]);
    // A However rebuts its paragraph's point; the Link supports the point and answers the However.
    for (const n of [1, 3, 4, 5]) expect(card(`p${n}-counter`).rebuts).toContain(`p${n}-point`);
    for (const n of [1, 3, 4]) {
      expect(card(`p${n}-link`).supports).toEqual([`p${n}-point`]);
      expect(card(`p${n}-link`).rebuts).toEqual([`p${n}-counter`]);
    }
    expect(card("p2-link").rebuts).toEqual([]);
    // The mixed sentence of paragraph 1 gives a card to each side.
    expect(card("p1-evidence-1").side).toBe("failure");
    expect(card("p1-evidence-2")).toMatchObject({ side: "success", rebuts: ["p1-point"] });
    expect(card("p1-evidence-2").supports).toEqual(["p1-counter", "p1-counter-point"]);
    // The vanity-projects counter answers both of paragraph 5's projects.
    expect(card("p5-counter")).toMatchObject({ side: "failure", kind: "counter" });
    expect(card("p5-counter").rebuts).toEqual([
      "p5-point",
      "p5-evidence-1",
      "p5-evidence-2",
      "p5-explanation",
    ]);
  });

  it("deals each team counters that rebut the other team's cards", () => {
    for (const side of ["failure", "success"] as const) {
      const counters = seedDeck.cards.filter((c) => c.kind === "counter" && c.side === side);
      expect(counters.length).toBeGreaterThanOrEqual(3);
      for (const c of counters) {
        expect(c.rebuts.length, c.id).toBeGreaterThan(0);
        for (const id of c.rebuts) expect(card(id).side).not.toBe(side);
      }
    }
  });
});

describe("the seed plan through the importer alone (before review)", () => {
  const result = parsePlan(plan);
  if (!result.ok) throw new Error(`seed refused: line ${result.error.line}: ${result.error.message}`);
  const deck = result.deck;
  const raw = (id: string) => deck.cards.find((c) => c.id === id);

  it("infers the sides the review then keeps", () => {
    expect(deck.cards.filter((c) => c.review)).toEqual([]);
    for (const c of deck.cards) {
      const reviewed = seedDeck.cards.find((r) => r.id === c.id);
      expect(reviewed, `review removed ${c.id}`).toBeDefined();
      expect(c.side, c.id).toBe(reviewed!.side);
    }
  });

  it("reads the unlabelled paragraph 1 by order and cue words", () => {
    const p1 = deck.cards.filter((c) => c.paragraph === 1).map((c) => [c.id, c.kind, c.part]);
    expect(p1).toEqual([
      ["p1-point", "point", "point"],
      ["p1-evidence-1", "evidence", "evidence"],
      ["p1-evidence-2", "evidence", "evidence"],
      ["p1-explanation", "explanation", "explanation"],
      ["p1-counter", "counter", "however"],
      ["p1-link", "link", "link"],
      ["p1-link-counter", "counter", "link"],
    ]);
    expect(raw("p1-evidence-2")?.source).toBe(
      "Despite some early success in the first two years of the GLF with increases in coal and steel production.",
    );
  });

  it("reads paragraph 5 as arguing the other side, from its opening 'However despite'", () => {
    for (const c of deck.cards.filter((c) => c.paragraph === 5)) {
      expect(c.side, c.id).toBe(c.kind === "counter" ? "failure" : "success");
    }
  });

  it("finds the gaps and says so", () => {
    expect(deck.gaps).toEqual(seedDeck.gaps);
    expect(result.warnings).toContain("paragraph 2: no However (a gap to write in class)");
    expect(result.warnings).toContain("paragraph 5: no Link (a gap to write in class)");
  });

  it("reads the text under an empty 'Explanation:' label (paragraph 2) and unlabelled Howevers", () => {
    expect(raw("p2-explanation")?.source).toMatch(/^Major industrial development/);
    expect(raw("p4-explanation")?.source).toMatch(/^This destroyed any motive/);
    expect(raw("p3-counter")?.source).toMatch(/^However despite the failure of this mass campaign/);
  });
});
