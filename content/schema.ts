// The deck's data model: what a card is, what a deck is, and the zod schemas that check them.
// Everything that reads or writes a deck (importer, shipped decks, engine, server, UI) goes through here.
import { z } from "zod";

/** failure = argues the question's claim ("it was a failure"); success = challenges it; either = both sides may use it. */
export const SideSchema = z.enum(["failure", "success", "either"]);
export type Side = z.infer<typeof SideSchema>;
/** The two teams. A card's side may be "either"; a team's side never is. */
export const TeamSideSchema = z.enum(["failure", "success"]);
export type TeamSide = z.infer<typeof TeamSideSchema>;
export const TEAM_SIDES: readonly TeamSide[] = ["failure", "success"];

export const CardKindSchema = z.enum(["point", "evidence", "explanation", "counter", "link", "context"]);
export type CardKind = z.infer<typeof CardKindSchema>;

/** The plan part a card was drawn from. */
export const PlanPartSchema = z.enum([
  "point",
  "evidence",
  "explanation",
  "however",
  "link",
  "scene",
  "attack",
  "outline",
  "signpost",
  "summarise",
  "significance",
]);
export type PlanPart = z.infer<typeof PlanPartSchema>;

/** The parts of a PARAGRAPH block that can be missing (a gap). */
export const ParagraphPartSchema = z.enum(["point", "evidence", "explanation", "however", "link"]);
export type ParagraphPart = z.infer<typeof ParagraphPartSchema>;

export const CardIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "card ids are lower-case words joined by -");
export type CardId = string;

export const ThemeIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "theme ids are lower-case words joined by -");
export type ThemeId = string;
/** The theme of Introduction and Conclusion cards. */
export const CONTEXT_THEME: ThemeId = "context";

export const CardSchema = z.object({
  id: CardIdSchema,
  kind: CardKindSchema,
  side: SideSchema,
  theme: ThemeIdSchema,
  /** Short student-facing text: a line or two on a laptop. */
  text: z.string().min(1).max(280),
  /** The plan's own wording, kept word for word (whitespace folded). */
  source: z.string().min(1).max(4000),
  /** Ids of cards this card backs up (evidence → point, link → point, …). */
  supports: z.array(CardIdSchema),
  /** Ids of cards this card answers (a However rebuts its Point, a Link answers the However). */
  rebuts: z.array(CardIdSchema),
  /** Where in the plan it came from: paragraph number, or null for Introduction/Conclusion. */
  paragraph: z.number().int().min(1).nullable(),
  part: PlanPartSchema,
  /** True when the importer could not tell the side from the plan and the teacher should set it. */
  review: z.boolean(),
});
export type Card = z.infer<typeof CardSchema>;

export const ThemeSchema = z.object({
  id: ThemeIdSchema,
  /** Short title shown to students, e.g. "Communes and backyard furnaces". */
  title: z.string().min(1).max(80),
  /** The paragraph the theme came from; null for the context theme. */
  paragraph: z.number().int().min(1).nullable(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const GapSchema = z.object({
  paragraph: z.number().int().min(1),
  part: ParagraphPartSchema,
});
export type Gap = z.infer<typeof GapSchema>;

export const DeckSchema = z
  .object({
    question: z.string().min(1).max(500),
    /** What each team is called for this question, e.g. { failure: "Failure", success: "Partial success" }. */
    sides: z.object({ failure: z.string().min(1).max(40), success: z.string().min(1).max(40) }),
    /** Paragraph themes in plan order, then the context theme. */
    themes: z.array(ThemeSchema).min(1),
    cards: z.array(CardSchema).min(1),
    gaps: z.array(GapSchema),
  })
  .superRefine((deck, ctx) => {
    const ids = new Set<string>();
    for (const card of deck.cards) {
      if (ids.has(card.id)) ctx.addIssue({ code: "custom", message: `duplicate card id ${card.id}` });
      ids.add(card.id);
    }
    const themes = new Set(deck.themes.map((t) => t.id));
    for (const card of deck.cards) {
      if (!themes.has(card.theme))
        ctx.addIssue({ code: "custom", message: `card ${card.id} has unknown theme ${card.theme}` });
      for (const ref of [...card.supports, ...card.rebuts])
        if (!ids.has(ref))
          ctx.addIssue({ code: "custom", message: `card ${card.id} refers to unknown card ${ref}` });
    }
  });
export type Deck = z.infer<typeof DeckSchema>;
