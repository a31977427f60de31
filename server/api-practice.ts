// Practice and homework over HTTP.
//   POST /api/practice                  a student starts a practice game (side, level, timers)
//   POST /api/homework                  a teacher sets homework: a link for the class
//   GET  /api/homework/:id              what the link is (for the student's page)
//   POST /api/homework/:id/play         a student plays it (recorded against the homework)
//   GET  /api/homework/:id/results[.csv] the teacher sees every attempt (teacher secret only)
// Homework and its attempts live in the store: kept across restarts.
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { csvCell } from "../game/after";
import { takeCreation, type RouteModule } from "./api";
import type { FiledSummary } from "./api-games";
import { bearer, HttpError, readJson, send, sendFile } from "./http-json";
import { startPractice } from "./practice";
import { hashSecret, newHostSecret, newId, safeEqual } from "./secrets";
import type { HomeworkRecord, Store } from "./store/types";

const Side = z.enum(["failure", "success"]);
const Level = z.enum(["easy", "medium", "hard"]);
const Timers = z.enum(["normal", "relaxed", "off"]);
const Name = z.string().min(1).max(64);

const PracticeSchema = z
  .object({
    deckId: z.string().max(64).optional(),
    side: Side,
    level: Level,
    timers: Timers.default("relaxed"),
    name: Name,
  })
  .strict();
const HomeworkSettingsSchema = z
  .object({ level: Level, timers: Timers, side: z.enum(["choose", "failure", "success"]) })
  .strict();
type HomeworkSettings = z.infer<typeof HomeworkSettingsSchema>;
const NewHomeworkSchema = z
  .object({ title: z.string().trim().min(1).max(120), deckId: z.string().max(64).optional() })
  .merge(HomeworkSettingsSchema.partial())
  .strict();
const PlaySchema = z.object({ name: Name, side: Side.optional() }).strict();

const HOMEWORK = /^\/api\/homework\/(hw_[A-Za-z0-9_-]{1,40})(\/play|\/results|\/results\.csv)?$/;

function publicHomework(hw: HomeworkRecord, question: string) {
  const settings = hw.settings as HomeworkSettings;
  return {
    id: hw.id,
    title: hw.title,
    question,
    level: settings.level,
    timers: settings.timers,
    side: settings.side,
    deckId: hw.deckId,
  };
}

interface Attempt {
  gameId: string;
  finishedAt: number;
  name: string;
  side: "failure" | "success" | null;
  sideLabel: string;
  score: number | null;
  opponents: number | null;
  result: "won" | "lost" | "drew" | "unfinished";
}

function attempts(store: Store, homeworkId: string, sides: Record<string, string>): Attempt[] {
  return store.listGames({ limit: 1000, homeworkId }).map((g) => {
    const s = g.summary as FiledSummary & { complete?: boolean };
    const team = s.owner?.team ?? null;
    const other = team === "failure" ? "success" : "failure";
    const result: Attempt["result"] =
      s.complete === false || !team
        ? "unfinished"
        : s.winner === team
          ? "won"
          : s.winner === null
            ? "drew"
            : "lost";
    return {
      gameId: g.id,
      finishedAt: g.finishedAt,
      name: s.owner?.name ?? "",
      side: team,
      sideLabel: team ? (sides[team] ?? team) : "",
      score: team && s.totals ? s.totals[team] : null,
      opponents: team && s.totals ? s.totals[other] : null,
      result,
    };
  });
}

function attemptsCsv(title: string, list: Attempt[]): string {
  const rows: (string | number | null)[][] = [
    ["Homework", title],
    [],
    ["Student", "Side", "Score", "Bots' score", "Result", "Finished", "Essay plan"],
  ];
  for (const a of list)
    rows.push([
      a.name,
      a.sideLabel,
      a.score,
      a.opponents,
      a.result,
      new Date(a.finishedAt).toISOString(),
      `/results/${a.gameId}`,
    ]);
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Replies once the new room is on disk: a practice game survives a restart from its first second. */
function sendDurably(store: Store, res: ServerResponse, status: number, body: unknown): void {
  store.afterWrite(() => send(res, status, body));
}

export const practiceRoutes: RouteModule = async (route) => {
  const { req, res, path, method, deps } = route;
  if (path === "/api/practice" && method === "POST") {
    takeCreation(route);
    const body = await readJson(req, PracticeSchema);
    const found = deps.decks.get(body.deckId ?? null);
    if (!found) throw new HttpError(404, "no_deck", "That deck no longer exists.");
    const game = startPractice(deps.registry, {
      deck: found.deck,
      deckId: found.id,
      side: body.side,
      level: body.level,
      timers: body.timers,
      name: body.name,
      homeworkId: null,
    });
    sendDurably(deps.store, res, 201, game);
    return true;
  }
  if (path === "/api/homework" && method === "POST") {
    takeCreation(route);
    const body = await readJson(req, NewHomeworkSchema);
    if (!deps.decks.get(body.deckId ?? null))
      throw new HttpError(404, "no_deck", "That deck no longer exists.");
    const id = newId("hw");
    const teacherSecret = newHostSecret();
    const settings: HomeworkSettings = {
      level: body.level ?? "medium",
      timers: body.timers ?? "relaxed",
      side: body.side ?? "choose",
    };
    deps.store.saveHomework({
      id,
      title: body.title,
      deckId: body.deckId ?? null,
      settings,
      createdAt: Date.now(),
      teacherSecretHash: hashSecret(teacherSecret),
    });
    deps.log.info("homework set", { homework: id });
    send(res, 201, { id, teacherSecret });
    return true;
  }
  const match = HOMEWORK.exec(path);
  if (!match) return false;
  const hw = deps.store.getHomework(match[1] as string);
  if (!hw) throw new HttpError(404, "no_homework", "No homework with that link: check it with your teacher.");
  const found = deps.decks.get(hw.deckId);
  if (!found) throw new HttpError(410, "no_deck", "The plan this homework used has been deleted.");
  const settings = hw.settings as HomeworkSettings;
  switch (`${method} ${match[2] ?? ""}`) {
    case "GET ":
      send(res, 200, publicHomework(hw, found.deck.question));
      return true;
    case "POST /play": {
      takeCreation(route);
      const body = await readJson(req, PlaySchema);
      const side = settings.side === "choose" ? body.side : settings.side;
      if (!side) throw new HttpError(400, "bad_request", "Choose a side: Failure or Partial success.");
      const game = startPractice(deps.registry, {
        deck: found.deck,
        deckId: found.id,
        side,
        level: settings.level,
        timers: settings.timers,
        name: body.name,
        homeworkId: hw.id,
      });
      sendDurably(deps.store, res, 201, game);
      return true;
    }
    case "GET /results":
    case "GET /results.csv": {
      const secret = bearer(req);
      if (!secret || !safeEqual(hashSecret(secret), hw.teacherSecretHash))
        throw new HttpError(
          403,
          "not_allowed",
          "Only the teacher who set this homework can see the results.",
        );
      const list = attempts(deps.store, hw.id, found.deck.sides);
      if (match[2] === "/results")
        send(res, 200, {
          homework: publicHomework(hw, found.deck.question),
          sides: found.deck.sides,
          attempts: list,
        });
      else sendFile(res, "text/csv", `homework-${hw.id}.csv`, attemptsCsv(hw.title, list));
      return true;
    }
    default:
      throw new HttpError(405, "bad_method", "That is not something you can do with homework.");
  }
};
