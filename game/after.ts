// After the game: the class's essay plan (Introduction, one PEEL paragraph per round from the
// higher-scored team's build with the Counter it faced, Conclusion) as data and as Markdown, and
// the teacher's report (scores per round, what each student did) as data and as CSV.
// Everything a student typed is escaped for the format it lands in.
import type { PlanPart, TeamSide } from "../content/schema";
import { cardIndex } from "./cards";
import { roundTotal, totals } from "./flow";
import { otherSide } from "./lobby";
import type { GameContext, ParagraphSlot, Played, RoundRecord } from "./types";

export interface EssayLine {
  label: string;
  text: string;
  /** True when a student wrote it rather than playing a card. */
  own: boolean;
}

export interface EssayParagraph {
  round: number;
  theme: string;
  themeTitle: string;
  team: TeamSide;
  sideLabel: string;
  marks: number;
  lines: EssayLine[];
  /** The other team's counter against this paragraph, if any. */
  counter: EssayLine | null;
}

export interface EssayPlan {
  question: string;
  sides: Record<TeamSide, string>;
  introduction: EssayLine[];
  paragraphs: EssayParagraph[];
  conclusion: EssayLine[];
}

const CONTEXT_LABELS: Partial<Record<PlanPart, string>> = {
  scene: "Set the scene",
  attack: "Attack the question",
  outline: "Outline your argument",
  signpost: "Signpost your conclusion",
  summarise: "Summarise your argument",
  significance: "Consider significance",
};
const INTRO: PlanPart[] = ["scene", "attack", "outline"];
const CONCLUSION: PlanPart[] = ["signpost", "summarise", "significance"];

const SLOT_LABELS: Record<ParagraphSlot, string> = {
  point: "Point",
  evidence1: "Evidence",
  evidence2: "Evidence",
  explanation: "Explanation",
  link: "Link",
};

function lineOf(ctx: GameContext, label: string, played: Played): EssayLine {
  if (played.kind === "own") return { label, text: played.text, own: true };
  return { label, text: cardIndex(ctx.deck).get(played.card)?.text ?? "", own: false };
}

/** The round's paragraph for the plan: the higher-scored team's (a tie goes to the fuller paragraph). */
function chosenTeam(round: RoundRecord): TeamSide {
  const f = roundTotal(round, "failure");
  const s = roundTotal(round, "success");
  if (f !== s) return f > s ? "failure" : "success";
  const filled = (t: TeamSide) => Object.keys(round.paragraphs[t]).length;
  return filled("success") > filled("failure") ? "success" : "failure";
}

function contextLines(ctx: GameContext, parts: PlanPart[]): EssayLine[] {
  return parts.flatMap((part) =>
    ctx.deck.cards
      .filter((c) => c.kind === "context" && c.part === part)
      .map((c) => ({ label: CONTEXT_LABELS[part] ?? part, text: c.text, own: false })),
  );
}

/** The class's plan takes each round's higher-scored paragraph; at home a student's plan is the one
 *  their own team built (pass `team`). */
export function buildEssay(ctx: GameContext, team?: TeamSide): EssayPlan {
  const paragraphs: EssayParagraph[] = [];
  const mine = team;
  ctx.rounds.forEach((round, index) => {
    const team = mine ?? chosenTeam(round);
    const built = round.paragraphs[team];
    const lines: EssayLine[] = [];
    for (const slot of ["point", "evidence1", "evidence2", "explanation", "link"] as const) {
      const played = built[slot];
      if (played) lines.push(lineOf(ctx, SLOT_LABELS[slot], played));
    }
    const faced = round.counters[otherSide(team)];
    paragraphs.push({
      round: index + 1,
      theme: round.theme,
      themeTitle: ctx.deck.themes.find((t) => t.id === round.theme)?.title ?? round.theme,
      team,
      sideLabel: ctx.deck.sides[team],
      marks: roundTotal(round, team),
      lines,
      counter: faced ? lineOf(ctx, `Counter (${ctx.deck.sides[otherSide(team)]})`, faced.played) : null,
    });
  });
  return {
    question: ctx.deck.question,
    sides: { ...ctx.deck.sides },
    introduction: contextLines(ctx, INTRO),
    paragraphs,
    conclusion: contextLines(ctx, CONCLUSION),
  };
}

/**
 * Escapes text for Markdown: no markup, links or HTML can come through from what a student typed.
 * Every place it goes is inline, after a line's own prefix (`# `, `- **Label:** `) and on one line,
 * so only inline syntax needs escaping: emphasis, code, links and images (no `[`, so `(`, `)` and
 * `!` stay plain), HTML, strikethrough, table pipes, heading marks and bare web addresses. Full
 * stops, hyphens and brackets, which every essay line has, read as written in a text editor.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]|~#>]/g, (c) => `\\${c}`)
      .replace(/</g, "&lt;")
      // Bare web addresses, which GitHub-style renderers turn into links by themselves.
      .replace(/\b(https?|ftp):\/\//gi, "$1\\://")
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`)
      .replace(/\s+/g, " ")
      .trim()
  );
}

export function essayMarkdown(plan: EssayPlan): string {
  const out: string[] = [`# ${escapeMarkdown(plan.question)}`, ""];
  const section = (title: string, lines: EssayLine[]) => {
    out.push(`## ${title}`, "");
    for (const l of lines)
      out.push(
        `- **${escapeMarkdown(l.label)}:** ${escapeMarkdown(l.text)}${l.own ? " _(our own words)_" : ""}`,
      );
    out.push("");
  };
  section("Introduction", plan.introduction);
  for (const p of plan.paragraphs) {
    out.push(
      `## Paragraph ${p.round}: ${escapeMarkdown(p.themeTitle)}`,
      "",
      `_${escapeMarkdown(p.sideLabel)} team's paragraph, ${p.marks} marks_`,
      "",
    );
    for (const l of p.lines)
      out.push(`- **${l.label}:** ${escapeMarkdown(l.text)}${l.own ? " _(our own words)_" : ""}`);
    if (p.counter) out.push(`- **${escapeMarkdown(p.counter.label)}:** ${escapeMarkdown(p.counter.text)}`);
    out.push("");
  }
  section("Conclusion", plan.conclusion);
  return `${out.join("\n").trim()}\n`;
}

export interface ReportStudent {
  name: string;
  team: TeamSide;
  teamLabel: string;
  status: string;
  bot: boolean;
  proposed: number;
  votes: number;
  own: number;
  before: number | null;
  after: number | null;
}

export interface Report {
  question: string;
  code: string;
  finishedAt: number | null;
  criteria: { id: string; label: string; max: number }[];
  rounds: {
    round: number;
    theme: string;
    autoScored: boolean;
    scores: Record<TeamSide, Record<string, number>> | null;
    totals: Record<TeamSide, number>;
  }[];
  totals: Record<TeamSide, number>;
  sides: Record<TeamSide, string>;
  students: ReportStudent[];
}

export function buildReport(ctx: GameContext): Report {
  return {
    question: ctx.deck.question,
    code: ctx.code,
    finishedAt: ctx.finishedAt,
    criteria: ctx.settings.rubric.criteria.map((c) => ({ id: c.id, label: c.label, max: c.max })),
    rounds: ctx.rounds.map((r, i) => ({
      round: i + 1,
      theme: ctx.deck.themes.find((t) => t.id === r.theme)?.title ?? r.theme,
      autoScored: r.autoScored,
      scores: r.scores ? { failure: { ...r.scores.failure }, success: { ...r.scores.success } } : null,
      totals: { failure: roundTotal(r, "failure"), success: roundTotal(r, "success") },
    })),
    totals: totals(ctx),
    sides: { ...ctx.deck.sides },
    students: ctx.seatOrder.flatMap((id) => {
      const s = ctx.seats[id];
      if (!s) return [];
      return [
        {
          name: s.name,
          team: s.team,
          teamLabel: ctx.deck.sides[s.team],
          status: s.status,
          bot: s.kind === "bot",
          proposed: s.stats.proposed,
          votes: s.stats.votes,
          own: s.stats.own,
          before: ctx.verdict.before[id] ?? null,
          after: ctx.verdict.after[id] ?? null,
        },
      ];
    }),
  };
}

/** One CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function reportCsv(report: Report): string {
  const rows: (string | number | null)[][] = [];
  rows.push([
    "Student",
    "Team",
    "Bot",
    "Status",
    "Cards proposed",
    "Votes cast",
    "Own sentences",
    "Verdict before (1-5)",
    "Verdict after (1-5)",
  ]);
  for (const s of report.students)
    rows.push([
      s.name,
      s.teamLabel,
      s.bot ? "yes" : "no",
      s.status,
      s.proposed,
      s.votes,
      s.own,
      s.before,
      s.after,
    ]);
  rows.push([]);
  const header = [
    "Round",
    "Theme",
    "Team",
    ...report.criteria.map((c) => `${c.label} (/${c.max})`),
    "Total",
    "Scored by",
  ];
  rows.push(header);
  for (const r of report.rounds) {
    for (const team of ["failure", "success"] as const) {
      rows.push([
        r.round,
        r.theme,
        report.sides[team],
        ...report.criteria.map((c) => r.scores?.[team][c.id] ?? null),
        r.totals[team],
        r.autoScored ? "auto-judge" : "teacher",
      ]);
    }
  }
  rows.push([]);
  rows.push(["Total", "", report.sides.failure, report.totals.failure]);
  rows.push(["Total", "", report.sides.success, report.totals.success]);
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export interface RevisionLine {
  round: number;
  theme: string;
  criterion: string;
  marks: number;
  max: number;
  /** The auto-judge's one-line reason: what would have earned the missing marks. */
  reason: string;
}

/** What to revise, for one team: every criterion below full marks in a round, with the judge's
 *  reason, weakest first. Homework ends with it. */
export function buildRevision(ctx: GameContext, team: TeamSide): RevisionLine[] {
  const lines: RevisionLine[] = [];
  ctx.rounds.forEach((round, i) => {
    const judged = round.suggestion?.[team];
    if (!judged) return;
    for (const m of judged.marks) {
      if (m.marks >= m.max) continue;
      const label = ctx.settings.rubric.criteria.find((c) => c.id === m.criterion)?.label ?? m.criterion;
      lines.push({
        round: i + 1,
        theme: ctx.deck.themes.find((t) => t.id === round.theme)?.title ?? round.theme,
        criterion: label,
        marks: m.marks,
        max: m.max,
        reason: m.reason,
      });
    }
  });
  return lines.sort((a, b) => a.marks / a.max - b.marks / b.max);
}
