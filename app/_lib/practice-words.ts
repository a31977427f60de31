// The words of homework mode's choices: difficulty and timers, one line each, and the sides.
import type { TeamSide } from "../../content/schema";
import type { BotLevel, TimerMode } from "../../game/types";

export const LEVELS: readonly { value: BotLevel; label: string; hint: string }[] = [
  { value: "easy", label: "Easy", hint: "The computer plays any card the rules allow." },
  { value: "medium", label: "Medium", hint: "It plays cards on the round's theme and its own side." },
  {
    value: "hard",
    label: "Hard",
    hint: "It builds the paragraph the marker rewards most, and rebuts your strongest card.",
  },
];

export const TIMERS: readonly { value: TimerMode; label: string; hint: string }[] = [
  { value: "relaxed", label: "Relaxed", hint: "Twice the time a class gets for each step." },
  { value: "normal", label: "Normal", hint: "The same time limits as a class game." },
  { value: "off", label: "Off", hint: "Take your time; press Next when ready." },
];

export const SIDE_HINT: Record<TeamSide, string> = {
  failure: "You argue for the question's statement.",
  success: "You argue against it.",
};

export const LEVEL_LABEL: Record<BotLevel, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };
export const TIMER_LABEL: Record<TimerMode, string> = { relaxed: "Relaxed", normal: "Normal", off: "Off" };
