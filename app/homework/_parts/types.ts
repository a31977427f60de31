// What the homework API answers (server/api-practice.ts), as the pages read it.
import type { TeamSide } from "../../../content/schema";
import type { BotLevel, TimerMode } from "../../../game/types";

export interface HomeworkInfo {
  id: string;
  title: string;
  question: string;
  level: BotLevel;
  timers: TimerMode;
  side: "choose" | TeamSide;
  deckId: string | null;
}

export interface Attempt {
  gameId: string;
  finishedAt: number;
  name: string;
  side: TeamSide | null;
  sideLabel: string;
  score: number | null;
  opponents: number | null;
  result: "won" | "lost" | "drew" | "unfinished";
}

export interface HomeworkResults {
  homework: HomeworkInfo;
  sides: Record<TeamSide, string>;
  attempts: Attempt[];
}
