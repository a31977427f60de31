// `npm run simulate -- --games N --failure LEVEL --success LEVEL --seed S [--per-team K] [--deck PLAN.txt] [--json]`
// Plays N full bot-only games headless (virtual time, auto-judge) and prints who won.
import { readFileSync } from "node:fs";
import { seedDeck } from "../../content/decks";
import { parsePlan } from "../../content/importer";
import type { Deck } from "../../content/schema";
import type { BotLevel } from "../types";
import { simulateMany } from "./simulate";

const LEVELS: readonly BotLevel[] = ["easy", "medium", "hard"];
const USAGE =
  "usage: npm run simulate -- --games N --failure easy|medium|hard --success easy|medium|hard [--seed S] [--per-team K] [--deck PLAN.txt] [--json]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const opts = {
    games: 100,
    failure: "medium" as BotLevel,
    success: "medium" as BotLevel,
    seed: 1,
    perTeam: 3,
    deck: "",
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) fail(`${flag} needs a value`);
      return v;
    };
    const int = (min: number, max: number) => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max)
        fail(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return n;
    };
    const level = () => {
      const v = value();
      if (!LEVELS.includes(v as BotLevel)) fail(`${flag} must be easy, medium or hard, got "${v}"`);
      return v as BotLevel;
    };
    switch (flag) {
      case "--games":
        opts.games = int(1, 1_000_000);
        break;
      case "--failure":
        opts.failure = level();
        break;
      case "--success":
        opts.success = level();
        break;
      case "--seed":
        opts.seed = int(-2147483648, 2147483647);
        break;
      case "--per-team":
        opts.perTeam = int(1, 20);
        break;
      case "--deck":
        opts.deck = value();
        break;
      case "--json":
        opts.json = true;
        break;
      case "--help":
      case "-h":
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        fail(`unknown flag "${flag}"`);
    }
  }
  return opts;
}

function loadDeck(path: string): Deck {
  if (!path) return seedDeck;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    fail(`cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = parsePlan(text);
  if (!parsed.ok) {
    process.stderr.write(`${path}: line ${parsed.error.line}: ${parsed.error.message}\n`);
    process.exit(1);
  }
  return parsed.deck;
}

const opts = parseArgs(process.argv.slice(2));
const deck = loadDeck(opts.deck);
const started = performance.now();
const summary = simulateMany(
  opts.games,
  { deck, levels: { failure: opts.failure, success: opts.success }, perTeam: opts.perTeam },
  opts.seed,
);
const ms = Math.round(performance.now() - started);
const result = { ...summary, ms };
if (opts.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const pct = (n: number) => `${((100 * n) / summary.games).toFixed(1)} %`;
  process.stdout.write(
    [
      `${summary.games} games, Failure (${opts.failure}) vs Partial success (${opts.success}), seed ${opts.seed}`,
      `  Failure wins          ${summary.wins.failure} (${pct(summary.wins.failure)})`,
      `  Partial success wins  ${summary.wins.success} (${pct(summary.wins.success)})`,
      `  Draws                 ${summary.wins.draw} (${pct(summary.wins.draw)})`,
      `  Mean score            ${summary.meanScore.failure} – ${summary.meanScore.success}`,
      `  Time                  ${ms} ms (${(ms / summary.games).toFixed(2)} ms a game)`,
      "",
    ].join("\n"),
  );
}
