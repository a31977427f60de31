import { describe, expect, it } from "vitest";
import { buildEssay, buildReport, csvCell, escapeMarkdown, essayMarkdown, reportCsv } from "./after";
import { HOST, join, newRoom, SYSTEM, seat } from "./testing/harness";

function finishedGame() {
  const room = newRoom({ settings: { themes: ["output", "experts", "prestige"] } });
  join(room, "a", '=HYPERLINK("x")');
  join(room, "b", "Ben [link](http://x)");
  room.dispatch({ type: "join", seat: "c", name: "Cat", key: "kc" }, SYSTEM);
  room.dispatch({ type: "start" }, HOST);
  room.dispatch({ type: "verdictVote", value: 2 }, seat("a"));
  room.dispatch({ type: "skip" }, HOST);
  room.dispatch(
    { type: "write", slot: "point", text: "*Bold* <script>alert(1)</script> # heading" },
    seat("a"),
  );
  for (let i = 0; i < 3; i++) {
    room.dispatch({ type: "skip" }, HOST);
    room.dispatch({ type: "skip" }, HOST);
    room.dispatch({ type: "skip" }, HOST);
    room.dispatch({ type: "skip" }, HOST); // judge: the auto-judge's suggestion stands
    room.dispatch({ type: "skip" }, HOST);
  }
  room.dispatch({ type: "skip" }, HOST);
  expect(room.phase).toBe("verdict");
  return room;
}

describe("after the game", () => {
  it("lays out the class's essay plan: introduction, one paragraph a round, conclusion", () => {
    const room = finishedGame();
    const plan = buildEssay(room.context);
    expect(plan.question).toMatch(/Test Plan/);
    expect(plan.introduction.length).toBeGreaterThan(0);
    expect(plan.paragraphs).toHaveLength(3);
    expect(plan.conclusion.length).toBeGreaterThan(0);
    expect(plan.paragraphs[0]?.lines.some((l) => l.own)).toBe(true);
  });

  it("escapes what students typed in the Markdown", () => {
    const md = essayMarkdown(buildEssay(finishedGame().context));
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script");
    expect(md).toContain("\\*Bold\\*");
    expect(escapeMarkdown("[x](http://evil)")).toBe("\\[x\\](http\\://evil)");
    expect(escapeMarkdown("see https://evil.example or WWW.evil.example")).toBe(
      "see https\\://evil.example or WWW\\.evil.example",
    );
    expect(escapeMarkdown("![img](x) <b>hi</b> `code` _em_ ~~gone~~ a|b #tag")).toBe(
      "!\\[img\\](x) &lt;b\\>hi&lt;/b\\> \\`code\\` \\_em\\_ \\~\\~gone\\~\\~ a\\|b \\#tag",
    );
  });

  it("leaves the punctuation of ordinary prose alone in the Markdown", () => {
    const line = "The second five-year plan (1958–62) doubled steel output: 10.7 million tonnes!";
    expect(escapeMarkdown(line)).toBe(line);
    expect(escapeMarkdown("  two\nlines  ")).toBe("two lines");
  });

  it("reports every student and neutralises spreadsheet formulas in the CSV", () => {
    const report = buildReport(finishedGame().context);
    expect(report.students.map((s) => s.name)).toHaveLength(3);
    expect(report.students[0]?.before).toBe(2);
    expect(report.rounds).toHaveLength(3);
    const csv = reportCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split("\r\n")[0]).toMatch(/^"Student","Team"/);
    expect(csvCell("+1")).toBe(`"'+1"`);
    expect(csvCell(-3)).toBe(`"-3"`);
  });
});

describe("a student's own plan", () => {
  it("takes every paragraph from the student's team when asked", () => {
    const room = finishedGame();
    const plan = buildEssay(room.context, "success");
    expect(plan.paragraphs.every((p) => p.team === "success")).toBe(true);
  });
});
