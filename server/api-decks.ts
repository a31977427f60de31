// Teachers' own plans: preview what a pasted plan makes, save it as a deck (with the teacher's
// corrections to sides, themes and team names), list, read, correct and delete decks. Decks live
// in the store, so they are still there after a restart. Only the browser that made a deck (it
// holds the deck's secret) may change or delete it; anyone on the school network may play it.
import { z } from "zod";
import { shippedDecks } from "../content/decks";
import { parsePlan } from "../content/importer";
import { CardIdSchema, type Deck, DeckSchema, SideSchema, ThemeIdSchema } from "../content/schema";
import { takeCreation, type RouteModule } from "./api";
import { bearer, HttpError, readJson, send } from "./http-json";
import { hashSecret, newHostSecret, newId, safeEqual } from "./secrets";

/** The importer refuses plans over 1 MB; the body may be a little larger than the plan it carries. */
const MAX_PLAN_BODY = 1_200_000;

export const CorrectionsSchema = z
  .object({
    sides: z
      .object({ failure: z.string().trim().min(1).max(40), success: z.string().trim().min(1).max(40) })
      .partial()
      .strict(),
    themes: z.record(ThemeIdSchema, z.string().trim().min(1).max(80)),
    cards: z.record(CardIdSchema, z.object({ side: SideSchema, theme: ThemeIdSchema }).partial().strict()),
  })
  .partial()
  .strict();
export type Corrections = z.infer<typeof CorrectionsSchema>;

const PreviewSchema = z.object({ plan: z.string().max(MAX_PLAN_BODY) }).strict();
const SaveSchema = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    plan: z.string().max(MAX_PLAN_BODY),
    corrections: CorrectionsSchema.optional(),
  })
  .strict();
const UpdateSchema = z
  .object({ title: z.string().trim().min(1).max(120).optional(), corrections: CorrectionsSchema })
  .strict();

/** Parses a plan and applies a teacher's corrections; a plan that does not parse, or corrections
 *  that do not fit it, are refused whole: never a half-built deck. */
export function buildDeck(plan: string, corrections: Corrections = {}): Deck {
  const parsed = parsePlan(plan);
  if (!parsed.ok) throw new HttpError(422, "bad_plan", `line ${parsed.error.line}: ${parsed.error.message}`);
  const deck: Deck = structuredClone(parsed.deck);
  const themeIds = new Set(deck.themes.map((t) => t.id));
  for (const [id, title] of Object.entries(corrections.themes ?? {})) {
    const theme = deck.themes.find((t) => t.id === id);
    if (!theme) throw new HttpError(422, "bad_corrections", `This plan has no theme "${id}".`);
    theme.title = title;
  }
  for (const [id, edit] of Object.entries(corrections.cards ?? {})) {
    const card = deck.cards.find((c) => c.id === id);
    if (!card) throw new HttpError(422, "bad_corrections", `This plan has no card "${id}".`);
    if (edit.theme && !themeIds.has(edit.theme))
      throw new HttpError(422, "bad_corrections", `This plan has no theme "${edit.theme}".`);
    if (edit.side) card.side = edit.side;
    if (edit.theme) card.theme = edit.theme;
    card.review = false;
  }
  deck.sides = { ...deck.sides, ...corrections.sides };
  const checked = DeckSchema.safeParse(deck);
  if (!checked.success)
    throw new HttpError(
      422,
      "bad_corrections",
      checked.error.issues[0]?.message ?? "Those corrections do not fit this plan.",
    );
  return checked.data;
}

function summary(id: string, title: string, deck: Deck, createdAt: number | null, builtIn: boolean) {
  return {
    id,
    title,
    question: deck.question,
    sides: deck.sides,
    cards: deck.cards.length,
    themes: deck.themes.filter((t) => t.paragraph !== null).length,
    needsReview: deck.cards.filter((c) => c.review).length,
    createdAt,
    builtIn,
  };
}

const DECK = /^\/api\/decks\/([a-z0-9-]{1,64}|deck_[A-Za-z0-9_-]{1,40})$/;

export const decksRoutes: RouteModule = async (route) => {
  const { req, res, path, method, deps } = route;
  if (path === "/api/decks/preview" && method === "POST") {
    const body = await readJson(req, PreviewSchema, MAX_PLAN_BODY);
    const parsed = parsePlan(body.plan);
    if (!parsed.ok)
      send(res, 422, {
        code: "bad_plan",
        message: `line ${parsed.error.line}: ${parsed.error.message}`,
        line: parsed.error.line,
      });
    else send(res, 200, { deck: parsed.deck, warnings: parsed.warnings });
    return true;
  }
  if (path === "/api/decks" && method === "GET") {
    const own = deps.store.listDecks().flatMap((d) => {
      const rec = deps.store.getDeck(d.id);
      const parsed = rec ? DeckSchema.safeParse(rec.deck) : null;
      return parsed?.success ? [summary(d.id, d.title, parsed.data, d.createdAt, false)] : [];
    });
    send(res, 200, {
      decks: [...shippedDecks.map((d) => summary(d.id, d.title, d.deck, null, true)), ...own],
    });
    return true;
  }
  if (path === "/api/decks" && method === "POST") {
    takeCreation(route);
    const body = await readJson(req, SaveSchema, MAX_PLAN_BODY);
    const deck = buildDeck(body.plan, body.corrections);
    const id = newId("deck");
    const ownerSecret = newHostSecret();
    const title = body.title ?? deck.question.slice(0, 120);
    deps.store.saveDeck({
      id,
      title,
      deck,
      plan: body.plan,
      createdAt: Date.now(),
      ownerSecretHash: hashSecret(ownerSecret),
    });
    deps.log.info("deck saved", { deck: id, cards: deck.cards.length });
    send(res, 201, { id, ownerSecret, deck });
    return true;
  }
  const match = DECK.exec(path);
  if (!match) return false;
  const id = match[1] as string;
  const shipped = shippedDecks.find((d) => d.id === id);
  if (shipped) {
    if (method !== "GET")
      throw new HttpError(403, "not_allowed", "The decks that ship with Debate Deck cannot be changed.");
    send(res, 200, {
      ...summary(shipped.id, shipped.title, shipped.deck, null, true),
      deck: shipped.deck,
      plan: null,
    });
    return true;
  }
  const rec = deps.store.getDeck(id);
  if (!rec) throw new HttpError(404, "no_deck", "No deck with that id.");
  if (method === "GET") {
    const deck = DeckSchema.parse(rec.deck);
    send(res, 200, { ...summary(id, rec.title, deck, rec.createdAt, false), deck, plan: rec.plan });
    return true;
  }
  const secret = bearer(req);
  if (!secret || !rec.ownerSecretHash || !safeEqual(hashSecret(secret), rec.ownerSecretHash))
    throw new HttpError(403, "not_allowed", "Only the teacher who made this deck can change it.");
  if (method === "PUT") {
    const body = await readJson(req, UpdateSchema);
    const deck = buildDeck(rec.plan, body.corrections);
    deps.store.saveDeck({ ...rec, title: body.title ?? rec.title, deck });
    send(res, 200, { id, deck });
    return true;
  }
  if (method === "DELETE") {
    deps.store.deleteDeck(id);
    send(res, 200, { ok: true });
    return true;
  }
  throw new HttpError(405, "bad_method", "Use GET, PUT or DELETE on a deck.");
};
