// A room's settings: themes and their order, phase lengths, timers, hand size, rubric, bots.
// The schema checks a teacher's changes; `defaultSettings` picks the plan's order.
import { z } from "zod";
import type { Deck } from "../content/schema";
import { roundThemes } from "./cards";
import { PEEL_RUBRIC, RubricSchema } from "./rubric";
import type { Settings, TimerMode } from "./types";

export const MIN_ROUNDS = 3;
export const MAX_ROUNDS = 5;

const seconds = (min: number, max: number) =>
  z
    .number()
    .int()
    .min(min * 1000)
    .max(max * 1000);

export const SettingsPatchSchema = z
  .object({
    themes: z.array(z.string().min(1).max(48)).min(1).max(MAX_ROUNDS),
    voteMs: seconds(10, 300),
    buildMs: seconds(20, 900),
    revealMs: seconds(5, 300),
    rebutMs: seconds(15, 600),
    resultMs: seconds(5, 300),
    timers: z.enum(["normal", "relaxed", "off"]),
    handSize: z.number().int().min(3).max(8),
    rubric: RubricSchema,
    bots: z.boolean(),
    botLevel: z.enum(["easy", "medium", "hard"]),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * The plan's themes in order, keeping those both sides can argue from their own cards (a Point, or
 * a However that can open one). A theme where one side has nothing is a "write your own" round the
 * teacher can still add; by default a debate needs two sides. Falls back to every theme when too
 * few are two-sided.
 */
export function debatableThemes(deck: Deck): string[] {
  const all = roundThemes(deck);
  const twoSided = all.filter((theme) =>
    (["failure", "success"] as const).every((team) =>
      deck.cards.some(
        (c) =>
          c.theme === theme &&
          (c.side === team || c.side === "either") &&
          (c.kind === "point" || c.kind === "counter"),
      ),
    ),
  );
  return twoSided.length >= Math.min(MIN_ROUNDS, all.length) ? twoSided : all;
}

export function defaultSettings(deck: Deck): Settings {
  return {
    themes: debatableThemes(deck).slice(0, MAX_ROUNDS),
    voteMs: 30_000,
    buildMs: 120_000,
    revealMs: 20_000,
    rebutMs: 60_000,
    resultMs: 20_000,
    timers: "normal",
    handSize: 5,
    rubric: PEEL_RUBRIC,
    bots: false,
    botLevel: "medium",
  };
}

/** Checks a patch against the deck: every theme must be one of the plan's paragraphs and, where
 *  the plan has enough of them, a game has 3–5 rounds. Returns an error message or null. */
export function settingsProblem(deck: Deck, patch: SettingsPatch): string | null {
  if (!patch.themes) return null;
  const known = new Set(roundThemes(deck));
  const unknown = patch.themes.find((t) => !known.has(t));
  if (unknown) return `"${unknown}" is not a theme of this plan`;
  const min = Math.min(MIN_ROUNDS, known.size);
  if (patch.themes.length < min) return `choose at least ${min} themes (one round each)`;
  return null;
}

const TIMER_FACTOR: Record<TimerMode, number | null> = { normal: 1, relaxed: 2, off: null };

/** How long a timed phase lasts under the timer mode; null means it waits for "Next". */
export function phaseLength(settings: Settings, base: number): number | null {
  const factor = TIMER_FACTOR[settings.timers];
  return factor === null ? null : base * factor;
}
