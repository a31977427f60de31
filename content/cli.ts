// `npm run deck -- FILE [--json] [--review ID]`: reads an essay plan and prints its deck, as a
// readable summary for a teacher checking an import, or as JSON for other tools. The only module in
// content/ that touches the file system; the importer itself stays pure.
//
// Exit codes: 0 the deck was built; 1 the plan was refused (stderr "line N: …"); 2 the command was
// used wrongly (no FILE, unknown flag, a missing file or a directory).
import { readFileSync, statSync } from "node:fs";
import { DECK_REVIEWS } from "./decks/reviews";
import { DEFAULT_MAX_CHARS, parsePlan } from "./importer";
import { buildReviewedDeck, ReviewError } from "./review";
import type { Card, Deck } from "./schema";

const USAGE = `usage: npm run deck -- FILE [--json] [--review ID]

  FILE          an essay plan as plain text (QUESTION, INTRODUCTION, PARAGRAPH n, CONCLUSION)
  --json        print the deck as JSON instead of a summary
  --review ID   apply a shipped deck's hand review (${Object.keys(DECK_REVIEWS).join(", ")})
  --help        show this help`;

class UsageError extends Error {}

interface Args {
  file: string;
  json: boolean;
  review: string | null;
}

function readArgs(argv: string[]): Args | "help" {
  let file: string | null = null;
  let json = false;
  let review: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--json") json = true;
    else if (arg === "--review") {
      review = argv[++i] ?? null;
      if (!review || !(review in DECK_REVIEWS))
        throw new UsageError(`--review needs a deck id: ${Object.keys(DECK_REVIEWS).join(", ")}`);
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    else if (file !== null) throw new UsageError(`one FILE only (got ${file} and ${arg})`);
    else file = arg;
  }
  if (file === null) throw new UsageError("no FILE given");
  return { file, json, review };
}

/** Reads the file as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
function readPlanFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file} is a directory, not a plan file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  // Refused before reading: a plan is a few KB, and a 5 MB upload should cost nothing.
  if (size > DEFAULT_MAX_CHARS) {
    throw new PlanFileRefusal(`the file is ${(size / 1_000_000).toFixed(1)} MB; a plan must be under 1 MB`);
  }
  const bytes = readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Old Word and Windows exports; the importer still refuses it if it turns out to be binary.
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's printable characters in 0x80–0x9F (curly quotes, dashes, €); the rest is Latin-1.
// Decoded by hand because Node's TextDecoder("windows-1252") decodes that range as Latin-1 controls.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

class PlanFileRefusal extends Error {}

function summary(deck: Deck, warnings: string[]): string {
  const out: string[] = [];
  out.push(`Question  ${deck.question}`);
  out.push(`Sides     failure = ${deck.sides.failure} · success = ${deck.sides.success}`);
  for (const theme of deck.themes) {
    const cards = deck.cards.filter((c) => c.theme === theme.id);
    const heading = theme.paragraph === null ? theme.title : `Paragraph ${theme.paragraph} · ${theme.title}`;
    out.push("", `${heading}  [${theme.id}]`);
    for (const c of cards) out.push(`  ${tag(c).padEnd(24)} ${c.text}  (${c.id})`);
    if (cards.length === 0) out.push("  (no cards)");
  }
  out.push("");
  const gaps = deck.gaps.map(
    (g) => `paragraph ${g.paragraph} ${g.part === "however" ? "However" : capital(g.part)}`,
  );
  out.push(`Gaps      ${gaps.join(" · ") || "none"}`);
  const review = deck.cards.filter((c) => c.review).map((c) => c.id);
  out.push(
    `Review    ${review.length ? `${review.length} cards need a side: ${review.join(", ")}` : "none"}`,
  );
  out.push(`Cards     ${deck.cards.length} · ${countBy(deck.cards, (c) => c.side)}`);
  out.push(`Kinds     ${countBy(deck.cards, (c) => c.kind)}`);
  out.push("Coverage  (P point · E evidence · X explanation · L link · C counter · K context)");
  for (const theme of deck.themes) {
    const per = (side: string) =>
      deck.cards
        .filter((c) => c.theme === theme.id && c.side === side)
        .map((c) => KIND_LETTER[c.kind])
        .sort((a, b) => LETTER_ORDER.indexOf(a) - LETTER_ORDER.indexOf(b))
        .join("") || "-";
    out.push(
      `  ${theme.id.padEnd(28)} ${deck.sides.failure}: ${per("failure")} · ${deck.sides.success}: ${per("success")} · either: ${per("either")}`,
    );
  }
  if (warnings.length) out.push("", "Warnings", ...warnings.map((w) => `  - ${w}`));
  return out.join("\n");
}

const KIND_LETTER: Record<Card["kind"], string> = {
  point: "P",
  evidence: "E",
  explanation: "X",
  link: "L",
  counter: "C",
  context: "K",
};
const LETTER_ORDER = "PEXLCK";

function tag(c: Card): string {
  return `[${c.kind} ${c.side}${c.review ? " ?" : ""}]`;
}

function countBy(cards: Card[], key: (c: Card) => string): string {
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(" · ");
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function main(argv: string[]): number {
  let args: Args | "help";
  let text: string;
  try {
    args = readArgs(argv);
    if (args === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    text = readPlanFile(args.file);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof PlanFileRefusal) {
      process.stderr.write(`line 1: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  let deck: Deck;
  let warnings: string[] = [];
  if (args.review) {
    try {
      deck = buildReviewedDeck(text, DECK_REVIEWS[args.review]!);
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
  } else {
    const result = parsePlan(text);
    if (!result.ok) {
      process.stderr.write(`line ${result.error.line}: ${result.error.message}\n`);
      return 1;
    }
    deck = result.deck;
    warnings = result.warnings;
  }

  if (args.json) {
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(`${JSON.stringify(deck, null, 2)}\n`);
  } else process.stdout.write(`${summary(deck, warnings)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
