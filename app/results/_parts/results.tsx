"use client";
// The essay plan the class built: Introduction, one PEEL paragraph per round (with the counter it
// faced), Conclusion. Print, download as Markdown, and for the hosting teacher the report as CSV.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { EssayLine, EssayPlan } from "../../../game/after";
import { SideIcon } from "../../_components/icons";
import { downloadWithSecret } from "../../_lib/api";
import { homeworkSecret, hostSecret } from "../../_lib/storage";
import { type GameSummary, HomeworkSummary } from "./homework-summary";
import { PageLoading, PageProblem } from "../../_components/page-state";

interface GameRecord {
  id: string;
  code: string;
  finishedAt: number | null;
  /** Set when the game was played through a teacher's homework link. */
  homeworkId?: string | null;
  /** The homework set's title, for an attempt at one. */
  homeworkTitle?: string | null;
  summary?: GameSummary;
  plan: EssayPlan;
}

type Load =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; game: GameRecord };

export function Results({ id }: { id: string }) {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [secret, setSecret] = useState<string | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`/api/games/${encodeURIComponent(id)}`)
      .then(async (res) => {
        const body = (await res.json()) as GameRecord & { message?: string };
        if (!live) return;
        if (!res.ok) setLoad({ state: "failed", message: body.message ?? "Could not load this game." });
        else {
          setLoad({ state: "ready", game: body });
          // The hosting teacher's secret, or for homework the secret of the teacher who set it.
          setSecret(
            hostSecret.get(body.code) ?? (body.homeworkId ? homeworkSecret.get(body.homeworkId) : null),
          );
        }
      })
      .catch(() => live && setLoad({ state: "failed", message: "Could not reach the game server." }));
    return () => {
      live = false;
    };
  }, [id]);

  if (load.state === "loading") return <PageLoading what="the essay plan" />;
  if (load.state === "failed")
    return <PageProblem title="No results here" message={load.message} href="/" action="Back to the start" />;

  const { game } = load;
  const plan = game.plan;

  async function downloadCsv() {
    if (!secret) return;
    setCsvError(
      await downloadWithSecret(
        `/api/games/${encodeURIComponent(game.id)}/report.csv`,
        secret,
        `report-${game.code}.csv`,
      ),
    );
  }
  const homework = game.summary?.mode === "homework" && game.summary.owner ? game.summary : null;

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-6 py-8 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href="/" className="underline underline-offset-4">
          Debate Deck
        </Link>
        <span className="flex-1" />
        <button type="button" className="btn btn-quiet" onClick={() => window.print()}>
          Print
        </button>
        <a
          className="btn btn-quiet"
          href={`/api/games/${encodeURIComponent(game.id)}/plan.md`}
          download={`essay-plan-${game.code}.md`}
        >
          Download Markdown
        </a>
        {secret && (
          <button type="button" className="btn btn-primary" onClick={downloadCsv}>
            Download report (CSV)
          </button>
        )}
      </div>
      {csvError && (
        <p role="alert" className="font-semibold text-failure print:hidden">
          {csvError}
        </p>
      )}
      <header className="flex flex-col gap-2">
        <p className="text-sm font-bold uppercase tracking-wide text-muted">
          {!homework
            ? "The class's essay plan"
            : game.homeworkTitle
              ? `Homework: ${game.homeworkTitle} · ${homework.owner?.name}'s attempt`
              : `${homework.owner?.name}'s practice game`}
        </p>
        <h1 className="text-4xl font-bold leading-tight">{plan.question}</h1>
        {game.finishedAt && (
          <p className="text-muted">
            Game {game.code}, {new Date(game.finishedAt).toLocaleDateString(undefined, { dateStyle: "long" })}
          </p>
        )}
      </header>
      {homework && <HomeworkSummary summary={homework} sides={plan.sides} />}
      {homework && (
        <h2 className="-mb-4 border-t border-line pt-6 text-3xl font-bold">The essay plan you built</h2>
      )}
      <Section title="Introduction" lines={plan.introduction} />
      {plan.paragraphs.map((p) => (
        <section
          key={p.round}
          aria-labelledby={`para-${p.round}`}
          className="flex flex-col gap-3 break-inside-avoid"
        >
          <h2 id={`para-${p.round}`} className="text-2xl font-bold">
            Paragraph {p.round}: {p.themeTitle}
          </h2>
          <p
            className={`flex items-center gap-2 font-semibold ${p.team === "failure" ? "text-failure" : "text-success"}`}
          >
            <SideIcon side={p.team} />
            {p.sideLabel} team's paragraph · {p.marks} {p.marks === 1 ? "mark" : "marks"}
          </p>
          {p.lines.length > 0 ? (
            <Lines lines={p.lines} />
          ) : (
            <p className="text-muted">No cards were played in this round: a paragraph to write yourselves.</p>
          )}
          {p.counter && (
            <div className="rounded-xl bg-wash p-3 print:border print:border-black">
              <p className="font-semibold">The counter it faced</p>
              <Lines lines={[p.counter]} />
            </div>
          )}
        </section>
      ))}
      <Section title="Conclusion" lines={plan.conclusion} />
    </main>
  );
}

function Section({ title, lines }: { title: string; lines: EssayLine[] }) {
  return (
    <section className="flex flex-col gap-3 break-inside-avoid">
      <h2 className="text-2xl font-bold">{title}</h2>
      {lines.length === 0 ? (
        <p className="text-muted">Nothing in the plan for this part.</p>
      ) : (
        <Lines lines={lines} />
      )}
    </section>
  );
}

function Lines({ lines }: { lines: EssayLine[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[11rem_1fr]">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are a fixed list in plan order
        <div key={i} className="contents">
          <dt className="font-bold">{l.label}</dt>
          <dd className="mb-1">
            {l.text}
            {l.own && <span className="ml-2 text-sm italic text-muted">(our own words)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
