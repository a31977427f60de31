// The marking rubric as data. The auto-judge measures four things about a paragraph
// (knowledge, analysis, evaluation, structure, each 0..1); a rubric turns them into marks.
// A teacher's own rubric is just another value of this schema: no code changes.
import { z } from "zod";

export const MEASURES = ["knowledge", "analysis", "evaluation", "structure"] as const;
export type Measure = (typeof MEASURES)[number];

export const CriterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,23}$/),
  label: z.string().min(1).max(40),
  max: z.number().int().min(1).max(30),
  /** Which of the auto-judge's measures this criterion draws on (averaged). */
  measures: z.array(z.enum(MEASURES)).min(1).max(4),
  description: z.string().max(200),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    title: z.string().min(1).max(60),
    criteria: z.array(CriterionSchema).min(1).max(8),
  })
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, {
    message: "criterion ids must be unique",
  });
export type Rubric = z.infer<typeof RubricSchema>;

/** GAME.md's default: fits one PEEL paragraph, 9 marks per team per round. */
export const PEEL_RUBRIC: Rubric = {
  id: "peel",
  title: "PEEL paragraph (9 marks)",
  criteria: [
    {
      id: "knowledge",
      label: "Knowledge",
      max: 3,
      measures: ["knowledge"],
      description: "Evidence relevant to the theme, accurate and specific (figures, dates).",
    },
    {
      id: "analysis",
      label: "Analysis",
      max: 3,
      measures: ["analysis"],
      description: "An explanation that connects the evidence to the question.",
    },
    {
      id: "evaluation",
      label: "Evaluation",
      max: 2,
      measures: ["evaluation"],
      description: "A counter that really answers the other team, and a Link that answers back.",
    },
    {
      id: "structure",
      label: "Structure",
      max: 1,
      measures: ["structure"],
      description: "A complete Point–Evidence–Explanation–Link chain, all on the team's side.",
    },
  ],
};

/** A levels-based 20-mark essay: one holistic mark drawing on everything. */
export const LEVELS_20_RUBRIC: Rubric = {
  id: "levels-20",
  title: "Levels-based essay (20 marks)",
  criteria: [
    {
      id: "level",
      label: "Level",
      max: 20,
      measures: ["knowledge", "analysis", "evaluation", "structure"],
      description: "One overall mark: knowledge, analysis, evaluation and structure together.",
    },
  ],
};

/** A 22-mark essay split into context, knowledge, analysis, evaluation and conclusion. */
export const CKAE_22_RUBRIC: Rubric = {
  id: "ckae-22",
  title: "Context, knowledge, analysis, evaluation (22 marks)",
  criteria: [
    {
      id: "context",
      label: "Context",
      max: 3,
      measures: ["structure"],
      description: "The paragraph is set up with a clear point on the question.",
    },
    {
      id: "knowledge",
      label: "Knowledge",
      max: 6,
      measures: ["knowledge"],
      description: "Relevant, accurate, specific evidence.",
    },
    {
      id: "analysis",
      label: "Analysis",
      max: 6,
      measures: ["analysis"],
      description: "Evidence explained and tied to the question.",
    },
    {
      id: "evaluation",
      label: "Evaluation",
      max: 5,
      measures: ["evaluation"],
      description: "Weighs the other side and answers it.",
    },
    {
      id: "conclusion",
      label: "Conclusion",
      max: 2,
      measures: ["structure", "evaluation"],
      description: "A Link that reaches a judgement.",
    },
  ],
};

export const RUBRICS: readonly Rubric[] = [PEEL_RUBRIC, LEVELS_20_RUBRIC, CKAE_22_RUBRIC];

export function rubricMax(rubric: Rubric): number {
  return rubric.criteria.reduce((sum, c) => sum + c.max, 0);
}
