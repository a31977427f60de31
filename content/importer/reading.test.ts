// The importer's reading stages on their own: normalising text, recognising headings and labels,
// cutting blocks into chunks and sorting chunks into parts.
import { describe, expect, it } from "vitest";
import { chunkBlock, chunkText, PARAGRAPH_LABELS, readLabel, INTRO_LABELS } from "./chunks";
import { classifyParagraph } from "./classify";
import { lineAt } from "./guard";
import { readHeading } from "./headings";
import { foldWhitespace, normalisePlanText, planLines } from "./normalise";

describe("normalisePlanText", () => {
  it.each([
    ["CRLF and lone CR", "a\r\nb\rc", "a\nb\nc"],
    ["curly quotes", "Mao’s ‘iron rice bowl’ and “two legs”", "Mao's 'iron rice bowl' and \"two legs\""],
    [
      "fractions",
      "only ½ the amount and ¾ of it, 8½ million",
      "only 1/2 the amount and 3/4 of it, 8 1/2 million",
    ],
    ["tabs and no-break spaces", "\tPoint:\u00a0x\u2009y", " Point: x y"],
    ["Word bookmarks", "[bookmark: _GoBack]Summarise your argument: x", "Summarise your argument: x"],
    ["invisible characters", "in\u00adter\u200bna\ufefftional", "international"],
    ["mojibake", "Maoâ€™s plan, Â½ done", "Mao's plan, 1/2 done"],
    [
      "markdown decoration",
      "## PARAGRAPH 1\n**Point:** x\n• Evidence: y\n- Link: z",
      "PARAGRAPH 1\nPoint: x\nEvidence: y\nLink: z",
    ],
    ["Word line breaks when there are no newlines", "QUESTION: a\vPARAGRAPH 1", "QUESTION: a\nPARAGRAPH 1"],
    ["Word line breaks among newlines", "a\vb\nc\fd", "a b\nc d"],
  ])("handles %s", (_what, raw, expected) => {
    expect(normalisePlanText(raw)).toBe(expected);
  });

  it("keeps line numbers as an editor shows them", () => {
    const lines = planLines("QUESTION: a\r\n\r\n\tPARAGRAPH 1\r\nPoint: b");
    expect(lines.map((l) => [l.n, l.text])).toEqual([
      [1, "QUESTION: a"],
      [2, ""],
      [3, "PARAGRAPH 1"],
      [4, "Point: b"],
    ]);
    expect(lineAt("a\r\nb\rc\nd", 7)).toBe(4);
  });

  it("folds whitespace for comparing sources", () => {
    expect(foldWhitespace("  a \n\t b  ")).toBe("a b");
  });
});

describe("readHeading", () => {
  it.each([
    ["QUESTION: How far?", { kind: "question", rest: "How far?" }],
    ["question", { kind: "question", rest: "" }],
    ["Essay question - Why?", { kind: "question", rest: "Why?" }],
    ["INTRODUCTION", { kind: "introduction", rest: "" }],
    ["Intro:", { kind: "introduction", rest: "" }],
    ["PARAGRAPH 2: Experts and planning", { kind: "paragraph", number: 2, rest: "Experts and planning" }],
    ["paragraph 10", { kind: "paragraph", number: 10, rest: "" }],
    ["Paragraph three – Communes", { kind: "paragraph", number: 3, rest: "Communes" }],
    ["PARA IV (SOEs)", { kind: "paragraph", number: 4, rest: "SOEs" }],
    ["Conclusion", { kind: "conclusion", rest: "" }],
  ])("reads %j", (line, heading) => {
    expect(readHeading(line)).toEqual(heading);
  });

  it.each([
    "Question whether it worked",
    "Questions remain",
    "Introducing the plan",
    "Paragraph 2 argues that it failed",
    "Paraguay is far away",
    "Conclusions were drawn",
    "In conclusion the plan failed",
  ])("leaves prose alone: %j", (line) => {
    expect(readHeading(line)).toBeNull();
  });
});

describe("readLabel", () => {
  it.each([
    ["Point: Mao failed", "point", "Mao failed"],
    ["POINT:Mao failed", "point", "Mao failed"],
    ["evidence - figures", "evidence", "figures"],
    ["Evidence 2: more", "evidence", "more"],
    ["Explanation", "explanation", ""],
    ["Counter-argument: but", "however", "but"],
    ["However:", "however", ""],
    ["Link back to the question: so", "link", "so"],
    ["P: claim", "point", "claim"],
  ])("reads %j", (line, label, rest) => {
    expect(readLabel(line, PARAGRAPH_LABELS)).toMatchObject({ label, rest });
  });

  it.each([
    "However it can still be argued",
    "However, the SOEs did provide",
    "Evidence shows that",
    "Pointless",
    "P",
    "Linking the two",
  ])("leaves prose alone: %j", (line) => {
    expect(readLabel(line, PARAGRAPH_LABELS)).toBeNull();
  });

  it("reads the introduction's own labels", () => {
    expect(readLabel("Set the scene: 1958", INTRO_LABELS)).toMatchObject({ label: "scene", rest: "1958" });
    expect(readLabel("Outline your argument: x", INTRO_LABELS)).toMatchObject({ label: "outline" });
  });
});

describe("chunkBlock and classifyParagraph", () => {
  const chunks = (text: string) =>
    chunkBlock(
      text.split("\n").map((t, i) => ({ n: i + 1, text: t.trim() })),
      PARAGRAPH_LABELS,
    );
  const parts = (text: string) => {
    const { parts } = classifyParagraph(1, 1, chunks(text));
    return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.map(chunkText)]));
  };

  it("gives an empty label the text on the next lines, even after a blank line", () => {
    expect(parts("Point: p\n\nExplanation:\n\nBecause x.\n")).toMatchObject({ explanation: ["Because x."] });
  });

  it("leaves an empty label empty when the next text opens another part", () => {
    expect(parts("Point: p\nHowever:\n\nLink: l\n")).toMatchObject({ however: [], link: ["l"] });
    expect(parts("Point: p\nHowever:\n\nAs a result, l\n")).toMatchObject({ however: [] });
  });

  it("reads unlabelled chunks of a labelled paragraph by cue, else as more of the part before", () => {
    expect(parts("Point: p\n\nEvidence: e\n\nMore e.\n\nHowever q\n\nLink: l\n")).toEqual({
      point: ["p"],
      evidence: ["e", "More e."],
      explanation: [],
      however: ["However q"],
      link: ["l"],
    });
  });

  it("reads an unlabelled paragraph by order and cues", () => {
    expect(parts("P.\n\nE.\n\nX.\n\nHowever c.\n\nNevertheless l.\n")).toEqual({
      point: ["P."],
      evidence: ["E."],
      explanation: ["X."],
      however: ["However c."],
      link: ["Nevertheless l."],
    });
    // No However: the closing sentence is the link when there is room for the rest.
    expect(parts("P.\n\nE.\n\nX.\n\nL.\n")).toMatchObject({ explanation: ["X."], link: ["L."] });
    expect(parts("P.\n\nE.\n\nThis meant x.\n")).toMatchObject({ explanation: ["This meant x."], link: [] });
    // The first sentence of a first chunk is the point.
    expect(parts("P one. More evidence here.\n\nX.\n")).toMatchObject({
      point: ["P one."],
      evidence: ["More evidence here."],
    });
  });
});
