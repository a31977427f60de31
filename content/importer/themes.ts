// Theme titles and ids. A paragraph's theme is titled by the plan when it says so
// ("PARAGRAPH 2: Experts and planning"), else by a caller-supplied title, else by a short title drawn
// from its Point: a term the Point defines with an acronym ("state owned industries (SOEs)"), or the
// Point's first run of content words ("Communes", "Government control"). Ids are short slugs.
import { CONTEXT_THEME, type Theme } from "../schema";
import { LEADING_CONNECTIVE } from "./cues";

const TITLE_MAX = 40;

// Words that end a title: function words, auxiliaries, cue words and common verbs, so a title is a
// noun phrase ("Rapid economic recovery"), never "Brought about".
const ENDS_TITLE = new Set(
  (
    "a an the this these that those of in on at to for from by with as and or but not no nor is was were be been " +
    "being had has have did does do it its their his her they he she we who which what when where while whilst " +
    "however despite although though yet also furthermore moreover nevertheless therefore overall ultimately " +
    "because so still only very about into over under after before instead during " +
    // Past tenses only: present forms are often nouns too ("hold on power", "the fall of").
    "brought gave took kept saw led fell rose stayed got went came meant became began showed helped paid " +
    "ran held lost won grew made"
  ).split(" "),
);
// Words that may continue a title ("Political failure") but never start one: every paragraph of an
// essay on the question shares them.
const NEVER_STARTS_TITLE = new Set(
  (
    "plan plans number use using placing creation way ways part parts some many much most more less " +
    "significant huge important key main major failure failures success successes successful years year time period"
  ).split(" "),
);

const SLUG_SKIP = new Set([
  "a",
  "an",
  "the",
  "and",
  "of",
  "in",
  "on",
  "to",
  "for",
  "by",
  "with",
  "its",
  "their",
]);

/** A short slug of a title: lower-case content words joined by "-", at most four. */
export function slugify(title: string): string {
  const words = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/'s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !SLUG_SKIP.has(w));
  const slug = words.slice(0, 4).join("-").slice(0, 40).replace(/-+$/, "");
  return /^[a-z0-9]/.test(slug) ? slug : "";
}

/** A short title for a paragraph's theme, from its Point. */
export function titleFromPoint(point: string, questionWords: ReadonlySet<string>): string | null {
  const acronym = /((?:[A-Za-z-]+\s+){1,4}[A-Za-z-]+)\s*\(([A-Z]{2,6})s?\)/.exec(point);
  if (acronym) {
    const phrase = acronym[1]!.split(/\s+/);
    const letters = acronym[2]!.length;
    const words = phrase.slice(-letters).join(" ");
    return shorten(capitalise(words.toLowerCase()));
  }
  const text = point.replace(LEADING_CONNECTIVE, "");
  const words = text.split(/\s+/).map((w) => w.replace(/^[^A-Za-z0-9']+|[^A-Za-z0-9']+$/g, ""));
  const run: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/'s?$/i, "");
    const lower = w.toLowerCase();
    const ends = w.length === 0 || ENDS_TITLE.has(lower) || /(?:ly|ed|ing)$/.test(lower);
    const starts = !ends && w.length > 2 && !NEVER_STARTS_TITLE.has(lower) && !questionWords.has(lower);
    if (starts || (run.length > 0 && !ends)) run.push(raw);
    else if (run.length > 0) break;
    if (run.length === 3) break;
  }
  return run.length > 0 ? shorten(capitalise(run.join(" "))) : null;
}

/** Content words of the question: every paragraph shares them, so they cannot tell themes apart. */
export function questionWords(question: string): Set<string> {
  const words = new Set(
    question
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 2),
  );
  // Plans abbreviate the question's names: "Great Leap Forward" → GLF, "New Economic Policy" → NEP.
  for (const name of question.match(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+/g) ?? []) {
    words.add(
      name
        .split(/\s+/)
        .map((w) => w[0])
        .join("")
        .toLowerCase(),
    );
  }
  return words;
}

/** Builds the deck's theme list: one per paragraph (ids unique), then the context theme. */
export function buildThemes(paragraphs: Array<{ number: number; title: string }>): Theme[] {
  const used = new Set<string>([CONTEXT_THEME]);
  const themes: Theme[] = paragraphs.map(({ number, title }) => {
    let id = slugify(title) || `paragraph-${number}`;
    if (used.has(id)) id = `${id.slice(0, 40)}-${number}`;
    used.add(id);
    return { id, title: shorten(title, 80), paragraph: number };
  });
  themes.push({ id: CONTEXT_THEME, title: "Introduction and conclusion", paragraph: null });
  return themes;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string, max = TITLE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trim();
}
