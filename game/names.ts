/**
 * Player names: cleaning, checking and the "random name" button.
 *
 * A name is shown on the projector to the whole class, in the teacher's CSV report and in the
 * Markdown essay plan, so it is cleaned before anything stores it:
 * - Unicode NFC; every kind of whitespace folded to one space; trimmed;
 * - control, format (zero-width, bidi overrides), private-use and unassigned characters and
 *   invisible "blank" letters removed, and stacks of combining marks cut to two, so a name cannot
 *   be invisible, reorder the text around it, or draw over its neighbours;
 * - `<` and `>` (and look-alikes that normalise to them) refused rather than escaped: escaping
 *   is still every renderer's job, but a name has no use for them and refusing is easy to
 *   explain to an eleven-year-old;
 * - 1–24 characters (code points), at least one letter, digit or symbol;
 * - a small word filter for common English profanity and slurs (see `containsOffensiveWord`).
 *
 * The filter is a speed bump for the obvious, not a moderation system: the teacher can rename
 * or remove a player, and that is the real remedy.
 */

export const NAME_MAX_CHARS = 24;

export type NameErrorCode = "name_empty" | "name_too_long" | "name_bad_chars" | "name_filtered";
export type NameResult = { ok: true; name: string } | { ok: false; code: NameErrorCode; message: string };

const MESSAGES: Record<NameErrorCode, string> = {
  name_empty: "Type a name.",
  name_too_long: `Names can be at most ${NAME_MAX_CHARS} characters.`,
  name_bad_chars: "Names can't contain < or >.",
  name_filtered: "That name isn't allowed. Try another one, or press Random name.",
};

/** Input longer than this is refused before any Unicode work is done on it. */
const MAX_RAW_INPUT = 256;

const WHITESPACE = /\s+/gu;
/** Cc, Cf (zero-width, bidi, tags), Cs (lone surrogates), Co, Cn, plus invisible letters. */
const INVISIBLE = /\p{C}|[\u115f\u1160\u3164\uffa0\u2800]|\u034f/gu;
/** A base character's third and later combining marks ("Zalgo" text). */
const EXCESS_MARKS = /(\p{M}{2})\p{M}+/gu;
const MARKUP = /[<>]/;
const HAS_CONTENT = /[\p{L}\p{N}\p{S}]/u;

function fail(code: NameErrorCode, message = MESSAGES[code]): NameResult {
  return { ok: false, code, message };
}

/** The display form of a name, or why it cannot be used. */
export function checkName(input: unknown): NameResult {
  if (typeof input !== "string") return fail("name_empty");
  if (input.length > MAX_RAW_INPUT) return fail("name_too_long");
  // Marks are counted on the decomposed form (at most two per character, enough for
  // Vietnamese), then recomposed, so cleaning a clean name changes nothing.
  const name = input
    .normalize("NFD")
    .replace(WHITESPACE, " ")
    .replace(INVISIBLE, "")
    .replace(EXCESS_MARKS, "$1")
    .normalize("NFC")
    .replace(/ {2,}/g, " ")
    .trim();
  if (name === "") return fail("name_empty");
  // NFKC catches fullwidth and small-form look-alikes that some renderer might fold to < or >.
  if (MARKUP.test(name) || MARKUP.test(name.normalize("NFKC"))) return fail("name_bad_chars");
  if (!HAS_CONTENT.test(name)) return fail("name_bad_chars", "Use at least one letter or number.");
  if ([...name].length > NAME_MAX_CHARS) return fail("name_too_long");
  if (containsOffensiveWord(name)) return fail("name_filtered");
  return { ok: true, name };
}

// ---------------------------------------------------------------------------------------------
// Word filter
//
// The lists are stored ROT13 so that reading this file is not reading a list of slurs; tests
// use the same `rot13` helper. Three lists, because the Scunthorpe problem is real:
// - EMBEDDED words are matched anywhere, even inside other words: no common English word or
//   name contains them (the short word for excrement is NOT embedded: Ishita, Matsushita,
//   Shittu and Dikshit are pupils' real names).
// - WHOLE words are matched only as a word of their own, optionally with a common suffix
//   (s, es, er, ers, ed, ing, hole, head, face): "classic", "assassin", "Essex", "Dickens",
//   "Hancock", "Arsenal", "Scunthorpe" and "analysis" all pass.
// - EXACT words are whole words without suffixes, where a suffix makes a real name
//   (a surname and a Scottish town both spell the obvious word plus "ming").
// - ALLOWED words are blanked out first ("snigger", "cocker spaniel").
// Left out on purpose: words that are common names in other languages (the Spanish nickname
// for Enrique, a Cantonese given name, a Thai name element) — a false refusal of a pupil's
// real name is worse than a crude one slipping through to the teacher.
//
// Matching is on a folded form of the name: compatibility-decomposed (fullwidth and
// mathematical letters become ASCII), accents dropped, lowercased, common Cyrillic and Greek
// look-alikes mapped to Latin. Each letter of a listed word also matches its usual leetspeak
// digits and symbols (0→o, 1→i/l, 3→e, 4/@→a, 5/$→s, 7/+→t, 8→b, 9→g, v→u) and may be
// repeated ("shiiit"), and separators inside a word are ignored ("f.u.c.k", "f u c k").
// A match made only of digits ("Room 455", "Team 717") does not count.
// ---------------------------------------------------------------------------------------------

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= "Z" ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const EMBEDDED = rot13(
  "shpx ohyyfuvg qvcfuvg ubefrfuvg ovgpu onfgneq obyybpx jnaxre gjng avttre avttn snttbg " +
    "ergneq fyhg juber intvan qvyqb wvmm nffubyr nefrubyr qvpxurnq oryyraq jrgonpx enturnq " +
    "uvgyre pbpxfhpxre oybjwbo unaqwbo gbffre zbgures",
).split(" ");
const WHOLE = rot13(
  "fuvg fuvggl fuvgr cbea cbeab phag spx fgsh xlf chffl cravf obbo pyvg frk frkl nany nahf " +
    "nff nefr qvpx pbpx cevpx cvff penc ohttre xabo abapr jnax snt qlxr ubzb genaal puvax tbbx " +
    "cnxv fcvp pbba jbt ornare tlcb tlccb cvxrl fcnm fcnfgvp anmv encr encvfg cnrqb crqb arteb " +
    "wnc fynt fxnax gubg xxx urvy funt fchax zvatr gvg",
).split(" ");
const EXACT = rot13("phz").split(" ");
/**
 * Innocent words that contain a listed one where a suffix rule cannot tell them apart. They are
 * blanked out (as whole words) before matching. Plain text: nothing here is offensive.
 */
const ALLOWED = "snigger sniggers sniggered sniggering niggardly cocker cockers cockerel cockerels".split(
  " ",
);

const LEET: Readonly<Record<string, string>> = {
  a: "a4@",
  b: "b8",
  e: "e3",
  g: "g9",
  i: "i1!|",
  l: "l1|",
  o: "o0",
  s: "s5$",
  t: "t7+",
  u: "uv",
};

const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ɡ: "g",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

const SUFFIXES = "(?:es|s|z|ers|er|ed|ing|hole|head|face)?";
const WORD_CHAR = "a-z0-9";

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, "\\$&");
}

/** "shit" → [s5$]+h+[i1!|]+[t7+]+ ; "ass" → [a4@]+[s5$]{2,} (so "as" never matches "ass"). */
function letters(word: string): string {
  return word.replace(/(.)\1*/g, (run, ch: string) => {
    const cls = `[${escapeClass(LEET[ch] ?? ch)}]`;
    return run.length === 1 ? `${cls}+` : `${cls}{${run.length},}`;
  });
}

const EMBEDDED_RE = new RegExp(EMBEDDED.map(letters).join("|"), "g");
const WHOLE_RE = new RegExp(
  `(?<![${WORD_CHAR}])(?:${WHOLE.map(letters).join("|")})${SUFFIXES}(?![${WORD_CHAR}])`,
  "g",
);
const ALLOWED_RE = new RegExp(`(?<![${WORD_CHAR}])(?:${ALLOWED.join("|")})(?![${WORD_CHAR}])`, "g");
const EXACT_RE = new RegExp(`(?<![${WORD_CHAR}])(?:${EXACT.map(letters).join("|")})(?![${WORD_CHAR}])`, "g");

/** Separators people put inside a word to slip past a filter. */
const SEPARATORS = /[\s._\-*~'",:;/\\]+/g;
const MAX_FOLDED = 120;

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/./gu, (ch) => HOMOGLYPHS[ch] ?? ch)
    .slice(0, MAX_FOLDED);
}

/**
 * The ways of reading a folded name that the filter checks:
 * the words as written; each word with inner separators removed ("f.u.c.k"); and runs of
 * single characters joined up ("f u c k"). Never all separators dropped at once, which would
 * join innocent neighbours ("Josh Itani").
 */
function views(folded: string): string[] {
  const words = folded.split(/\s+/).filter(Boolean);
  const spaced = folded.replace(SEPARATORS, " ").trim();
  const squashedWords = words.map((w) => w.replace(SEPARATORS, "")).join(" ");
  const tokens = spaced.split(" ");
  const joined: string[] = [];
  let run = "";
  for (const token of tokens) {
    if ([...token].length === 1) {
      run += token;
      continue;
    }
    if (run) joined.push(run);
    run = "";
    joined.push(token);
  }
  if (run) joined.push(run);
  return [spaced, squashedWords, joined.join(" ")];
}

function matchesWithLetters(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!/^[0-9]+$/.test(m[0])) return true;
    re.lastIndex = m.index + 1; // an all-digit match may hide a real one starting just after it
  }
  return false;
}

/** True when `text` contains a listed word (see the notes above the lists). */
export function containsOffensiveWord(text: string): boolean {
  for (const view of views(fold(text))) {
    const rest = view.replace(ALLOWED_RE, " ");
    if (matchesWithLetters(EMBEDDED_RE, rest)) return true;
    if (matchesWithLetters(WHOLE_RE, rest)) return true;
    if (matchesWithLetters(EXACT_RE, rest)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Random names
// ---------------------------------------------------------------------------------------------

/** Kind, short, and checked by the tests to pass the filter in every combination. */
export const NAME_ADJECTIVES: readonly string[] = (
  "Bold Brave Bright Calm Cheerful Clever Curious Daring Eager Fair Friendly Gentle Happy " +
  "Honest Jolly Keen Kind Lively Lucky Merry Mighty Nimble Noble Patient Plucky Polite " +
  "Proud Quick Quiet Ready Sharp Shiny Steady Sunny Swift Thoughtful Tidy Wise Witty Zesty"
).split(" ");

export const NAME_ANIMALS: readonly string[] = (
  "Badger Beaver Bison Camel Cheetah Crane Dolphin Eagle Falcon Ferret Fox Gecko Giraffe " +
  "Hare Hedgehog Heron Ibis Jaguar Kestrel Koala Lemur Lynx Meerkat Moose Narwhal Newt " +
  "Ocelot Otter Owl Panda Pelican Penguin Puffin Quokka Raven Robin Salmon Seal Sparrow " +
  "Tiger Toucan Walrus Wombat Yak Zebra"
).split(" ");

function pick<T>(list: readonly T[], rng: () => number): T {
  // Clamp: an rng that returns exactly 1, or NaN, must not index past the ends.
  const x = rng();
  const i = Number.isFinite(x) ? Math.min(list.length - 1, Math.max(0, Math.floor(x * list.length))) : 0;
  return list[i]!;
}

/**
 * "Brave Otter". `rng` returns numbers in [0, 1) (inject a seeded one in tests and bots).
 * With `taken` (names already in the room, compared case-insensitively) it tries to avoid a
 * clash, and after 50 unlucky draws appends a number ("Brave Otter 2").
 */
export function randomName(rng: () => number, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let name = "";
  for (let attempt = 0; attempt < 50; attempt++) {
    name = `${pick(NAME_ADJECTIVES, rng)} ${pick(NAME_ANIMALS, rng)}`;
    if (!used.has(name.toLowerCase())) return name;
  }
  for (let n = 2; ; n++) {
    const numbered = `${name} ${n}`;
    if (!used.has(numbered.toLowerCase())) return numbered;
  }
}

/** Checks a sentence a student writes for a slot; returns a message when it cannot be shown. */
export function checkText(text: string): string | null {
  if (containsOffensiveWord(text)) return "Keep it classroom-friendly: that wording isn't allowed.";
  return null;
}
