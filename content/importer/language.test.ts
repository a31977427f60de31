// The importer's language rules on their own: sentences and concessions, the question's claim and
// team labels, stance, student-facing text and theme titles.
import { describe, expect, it } from "vitest";
import { readQuestion } from "./question";
import { groupSentences, splitConcession, splitSentences } from "./sentences";
import { paragraphSide, readThesis } from "./sides";
import { stanceScore } from "./stance";
import { fitOnCard, properNames, tidyText } from "./text";
import { buildThemes, questionWords, slugify, titleFromPoint } from "./themes";

const pieces = (text: string, spans: { start: number; end: number }[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe("sentences", () => {
  it("splits at full stops but not abbreviations or initials", () => {
    const text = "In 1958 e.g. steel rose. J. M. Keynes agreed! The U.S. watched. Prices fell 2.5 per cent";
    expect(pieces(text, splitSentences(text))).toEqual([
      "In 1958 e.g. steel rose.",
      "J. M. Keynes agreed!",
      "The U.S. watched.",
      "Prices fell 2.5 per cent",
    ]);
  });

  it("starts a new card at 'Furthermore' and keeps a 'Despite …' fragment with its claim", () => {
    const text = "A fact. More of it. Furthermore a third. Despite early gains. By 1962 it had failed.";
    expect(pieces(text, groupSentences(text, splitSentences(text), true))).toEqual([
      "A fact. More of it.",
      "Furthermore a third.",
      "Despite early gains. By 1962 it had failed.",
    ]);
  });

  it("cuts a conceding sentence into its claim and its concession", () => {
    const split = (text: string) => {
      const s = splitConcession(text, { start: 0, end: text.length });
      return (
        s && {
          main: text.slice(s.main.start, s.main.end),
          conceded: text.slice(s.concession.start, s.concession.end),
        }
      );
    };
    expect(split("Despite some early success in coal and steel. By 1962 the plan had failed.")).toEqual({
      main: "By 1962 the plan had failed.",
      conceded: "Despite some early success in coal and steel.",
    });
    expect(split("Despite some eye catching successes such as projects, overall it failed.")).toEqual({
      main: "overall it failed.",
      conceded: "Despite some eye catching successes such as projects",
    });
    // Pointers back, short concessions and verb-led clauses without a comma stay whole.
    expect(split("Despite these social benefits for workers, SOEs failed.")).toBeNull();
    expect(split("Despite this, it failed badly in the end.")).toBeNull();
    expect(split("Although China had manpower China lacked skills.")).toBeNull();
  });
});

describe("readQuestion", () => {
  it.each([
    [
      "How accurate is it to say that the Great Leap Forward in Industry (1958–62) was a failure?",
      { failure: "Failure", success: "Partial success" },
      "failure",
    ],
    ["To what extent was the NEP a success?", { failure: "Success", success: "Limited success" }, "success"],
    ["How successful was the New Deal?", { failure: "Success", success: "Limited success" }, "success"],
    [
      "How far do you agree that the Treaty of Versailles was too harsh on Germany?",
      { failure: "Too harsh", success: "Not too harsh" },
      "predicate",
    ],
    [
      "'The Reichstag Fire was the main reason for Hitler's rise.' How far do you agree?",
      { failure: "The main reason", success: "Not the main reason" },
      "predicate",
    ],
    [
      "The Reichstag Fire was the main reason Hitler gained power. How far do you agree?",
      { failure: "Agree", success: "Disagree" },
      "predicate",
    ],
    [
      "How far do you agree that economic problems explain the collapse of the Weimar Republic in the years 1929–33?",
      { failure: "Agree", success: "Disagree" },
      "unknown",
    ],
    ["Why did the Tsar fall in 1917?", { failure: "For", success: "Against" }, "unknown"],
  ])("reads %j", (question, sides, kind) => {
    const reading = readQuestion(question);
    expect(reading.sides).toEqual(sides);
    expect(reading.claim.kind).toBe(kind);
  });
});

describe("stance and sides", () => {
  const failure = readQuestion("How accurate is it to say that the GLF was a failure?").claim;
  const harsh = readQuestion("How far do you agree that the treaty was too harsh?").claim;

  it("scores a text's lean on the claim", () => {
    expect(
      stanceScore("Overall the plan was a failure which reversed many of the successes.", failure),
    ).toBeGreaterThanOrEqual(2);
    expect(
      stanceScore("A number of projects did bring prestige and impressive growth.", failure),
    ).toBeLessThanOrEqual(-2);
    // The conceded clause does not count; the claim after it does.
    expect(stanceScore("Despite some early successes, the plan failed.", failure)).toBe(2);
    expect(stanceScore("It was not too harsh.", harsh)).toBe(-2);
    expect(stanceScore("It was harsh.", harsh)).toBe(2);
    expect(stanceScore("Not only was it damaging, it also failed.", failure)).toBe(3);
  });

  it("reads the thesis and each paragraph's side", () => {
    expect(readThesis(["Overall the plan was a failure.", "In conclusion it failed."], failure)).toBe(
      "failure",
    );
    expect(readThesis(["It was set up in 1958."], failure)).toBeNull();
    expect(
      paragraphSide("However despite these failures projects brought prestige.", "failure", failure),
    ).toEqual({
      side: "success",
      reason: "concession cue",
    });
    expect(paragraphSide("Mao limited the experts.", "failure", failure).reason).toBe("thesis");
    expect(paragraphSide("The plan was a huge success.", "failure", failure)).toEqual({
      side: "success",
      reason: "point's wording",
    });
    expect(paragraphSide("Mao met the experts.", null, failure)).toEqual({ side: null, reason: "unclear" });
  });
});

describe("student-facing text", () => {
  const names = properNames(
    "How accurate is it to say that the Great Leap Forward in Industry was a failure?",
  );

  it("fixes the plan's slips and punctuates", () => {
    expect(names).toEqual(["Great Leap Forward"]);
    expect(tidyText("Mao's attempt to attempt to harness the masses", { names })).toBe(
      "Mao's attempt to harness the masses.",
    );
    expect(tidyText("production fell sharply between1960-61", { names })).toBe(
      "Production fell sharply between 1960-61.",
    );
    expect(tidyText("the Great leap forward began", { names })).toBe("The Great Leap Forward began.");
    expect(tidyText("However it was only producing 1/2 the amount", { names })).toBe(
      "However, it was only producing half the amount.",
    );
    expect(tidyText("he had had enough")).toBe("He had had enough.");
  });

  it("drops what only tied the sentence to the one before", () => {
    expect(tidyText("Furthermore Workers now had a job", { dropConnective: true })).toBe(
      "Workers now had a job.",
    );
    expect(tidyText("Despite some early success in steel", { dropConcessionOpener: true })).toBe(
      "Some early success in steel.",
    );
  });

  it("fits long text on a card by whole sentences, or cuts at a word", () => {
    expect(fitOnCard("One. Two two. Three three three.", 14)).toBe("One. Two two.");
    expect(fitOnCard("a".repeat(10) + " b".repeat(20), 20)).toMatch(/…$/);
    expect(fitOnCard("a".repeat(10) + " b".repeat(20), 20).length).toBeLessThanOrEqual(20);
  });
});

describe("theme titles", () => {
  const words = questionWords(
    "How accurate is it to say that the Great Leap Forward in Industry was a failure?",
  );

  it("draws a short title from the point", () => {
    expect(words.has("glf")).toBe(true);
    expect(
      titleFromPoint("The output of industrially produced goods fell significantly during the GLF.", words),
    ).toBe("Output");
    expect(
      titleFromPoint("The creation of state owned industries (SOEs) failed to improve efficiency.", words),
    ).toBe("State owned industries");
    expect(
      titleFromPoint(
        "However despite these significant failures a number of industrial projects did bring prestige",
        words,
      ),
    ).toBe("Industrial projects");
    expect(titleFromPoint("It was what it was.", words)).toBeNull();
  });

  it("makes short unique slugs, with the context theme last", () => {
    expect(slugify("Mao's experts and the planning of industry")).toBe("mao-experts-planning-industry");
    expect(slugify("!!!")).toBe("");
    const themes = buildThemes([
      { number: 1, title: "Output" },
      { number: 2, title: "Output" },
      { number: 3, title: "Context" },
      { number: 4, title: "???" },
    ]);
    expect(themes.map((t) => t.id)).toEqual(["output", "output-2", "context-3", "paragraph-4", "context"]);
  });
});
