// A practice game: one student at home against bots, the auto-judge scoring (homework mode).
// The student holds the host's controls of their own room (Next, pause), their teammates are bots
// that follow their lead, and the other side's bots play at the chosen level.
import type { Deck, TeamSide } from "../content/schema";
import type { BotLevel, TimerMode } from "../game/types";
import { checkName } from "../game/names";
import { HttpError } from "./http-json";
import type { Registry } from "./rooms";
import { newSeatId } from "./secrets";

export interface PracticeOptions {
  deck: Deck;
  deckId: string | null;
  side: TeamSide;
  level: BotLevel;
  timers: TimerMode;
  name: string;
  homeworkId: string | null;
}

/** Two bot teammates and three bot opponents: a full debate with the student at its centre. */
export const PRACTICE_TEAMMATES = 2;
export const PRACTICE_OPPONENTS = 3;

export function startPractice(
  registry: Registry,
  opts: PracticeOptions,
): { code: string; seat: string; token: string } {
  const name = checkName(opts.name);
  if (!name.ok) throw new HttpError(400, "bad_name", name.message);
  const { live } = registry.create({
    deck: opts.deck,
    deckId: opts.deckId,
    mode: "homework",
    settings: { timers: opts.timers },
    homeworkId: opts.homeworkId,
  });
  const seat = newSeatId();
  const system = { role: "system" } as const;
  const host = { role: "host" } as const;
  const joined = live.dispatch(
    { type: "join", seat, name: name.name, key: "", team: opts.side },
    system,
    null,
  );
  if (!joined.ok) throw new HttpError(400, joined.code, joined.message);
  live.setOwner(seat);
  const token = live.issueToken(seat, registry.now());
  const other: TeamSide = opts.side === "failure" ? "success" : "failure";
  for (let i = 0; i < PRACTICE_TEAMMATES; i++)
    live.dispatch({ type: "addBot", team: opts.side, level: "medium" }, host, null);
  for (let i = 0; i < PRACTICE_OPPONENTS; i++)
    live.dispatch({ type: "addBot", team: other, level: opts.level }, host, null);
  const started = live.dispatch({ type: "start" }, host, null);
  if (!started.ok) throw new HttpError(500, "server_error", started.message);
  registry.save(live);
  return { code: live.code, seat, token };
}
