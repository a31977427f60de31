// A finished game: its essay plan (public to whoever has the game's id — the class), as JSON and
// Markdown, and the teacher's report (the host secret, or the homework's teacher secret) as JSON
// and CSV. Kept in the store: reachable after a restart.
import { essayMarkdown, type EssayPlan, type Report, reportCsv } from "../game/after";
import type { RouteModule } from "./api";
import { bearer, HttpError, send, sendFile } from "./http-json";
import { hashSecret, safeEqual } from "./secrets";

export interface FiledSummary {
  question: string;
  hostSecretHash?: string;
  mode?: string;
  /** Homework: the student and the outcome. */
  owner?: { name: string; team: "failure" | "success" } | null;
  totals?: { failure: number; success: number };
  winner?: "failure" | "success" | null;
  revise?: unknown[];
}

const GAME = /^\/api\/games\/([a-z0-9]{1,16}_[A-Za-z0-9_-]{1,40})(\/plan\.md|\/report|\/report\.csv)?$/;

export const gamesRoutes: RouteModule = async ({ req, res, path, method, deps }) => {
  const match = GAME.exec(path);
  if (!match || method !== "GET") return false;
  const rec = deps.store.getGame(match[1] as string);
  if (!rec) throw new HttpError(404, "no_game", "No finished game with that id.");
  const plan = rec.plan as EssayPlan;
  const summary = rec.summary as FiledSummary;
  switch (match[2]) {
    case undefined:
      send(res, 200, {
        id: rec.id,
        code: rec.code,
        finishedAt: rec.finishedAt,
        homeworkId: rec.homeworkId,
        // The homework set's title (the student's results are headed with it); null for practice
        // and class games, or when the teacher's set is gone.
        homeworkTitle: rec.homeworkId ? (deps.store.getHomework(rec.homeworkId)?.title ?? null) : null,
        summary: {
          question: summary.question,
          mode: summary.mode ?? "class",
          owner: summary.owner ?? null,
          totals: summary.totals ?? null,
          winner: summary.winner ?? null,
          revise: summary.revise ?? [],
        },
        plan,
      });
      return true;
    case "/plan.md":
      sendFile(res, "text/markdown", `essay-plan-${rec.code}.md`, essayMarkdown(plan));
      return true;
    default: {
      const secret = bearer(req);
      const homework = rec.homeworkId ? deps.store.getHomework(rec.homeworkId) : undefined;
      const hashes = [summary.hostSecretHash, homework?.teacherSecretHash].filter((h): h is string => !!h);
      if (!secret || !hashes.some((h) => safeEqual(hashSecret(secret), h)))
        throw new HttpError(403, "not_allowed", "Only the teacher who hosted this game can see its report.");
      const report = rec.report as Report;
      if (match[2] === "/report") send(res, 200, report);
      else sendFile(res, "text/csv", `report-${rec.code}.csv`, reportCsv(report));
      return true;
    }
  }
};
