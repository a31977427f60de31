"use client";
// The teacher's homework page: the link for the class, then the results (refreshed every 20 s and on
// request) with a CSV of them all. The key is the teacher secret from this browser, or from a #k=
// link (stored, then taken out of the address bar so it is not shared by accident).
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { api, downloadWithSecret } from "../../_lib/api";
import type { Loaded } from "../../_lib/decks";
import { LEVEL_LABEL, TIMER_LABEL } from "../../_lib/practice-words";
import { homeworkSecret } from "../../_lib/storage";
import { AttemptsTable } from "./attempts-table";
import { HomeworkLink } from "./homework-link";
import type { HomeworkInfo, HomeworkResults } from "./types";
import { PageLoading, PageProblem } from "../../_components/page-state";

const REFRESH_MS = 20_000;

export function HomeworkTeacher({ id }: { id: string }) {
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  const [info, setInfo] = useState<Loaded<HomeworkInfo>>({ state: "loading" });
  const [results, setResults] = useState<Loaded<HomeworkResults> | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);

  useEffect(() => {
    const match = /^#k=([A-Za-z0-9_-]{10,100})$/.exec(window.location.hash);
    if (match?.[1]) {
      homeworkSecret.set(id, match[1]);
      window.history.replaceState(null, "", window.location.pathname);
    }
    setSecret(homeworkSecret.get(id));
    let live = true;
    void api<HomeworkInfo>("GET", `/api/homework/${encodeURIComponent(id)}`).then((r) => {
      if (live) setInfo(r.ok ? { state: "ready", data: r.data } : { state: "failed", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [id]);

  const load = useCallback(async () => {
    if (!secret) return;
    const r = await api<HomeworkResults>(
      "GET",
      `/api/homework/${encodeURIComponent(id)}/results`,
      undefined,
      secret,
    );
    setResults(r.ok ? { state: "ready", data: r.data } : { state: "failed", message: r.message });
  }, [id, secret]);

  useEffect(() => {
    if (!secret) return;
    void load();
    const t = setInterval(() => document.visibilityState === "visible" && void load(), REFRESH_MS);
    return () => clearInterval(t);
  }, [secret, load]);

  if (info.state === "loading" || secret === undefined) return <PageLoading what="the homework" />;
  if (info.state === "failed")
    return (
      <PageProblem
        title="No such homework"
        message={info.message}
        href="/homework/new"
        action="Set new homework"
      />
    );
  const hw = info.data;

  return (
    <main className="mx-auto flex min-h-dvh max-w-6xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-1">
        <Link href="/" className="self-start underline underline-offset-4">
          Debate Deck
        </Link>
        <p className="mt-2 text-sm font-bold uppercase tracking-wide text-muted">Homework</p>
        <h1 className="text-4xl font-bold">{hw.title}</h1>
        <p className="text-xl">{hw.question}</p>
        <p className="text-muted">
          Difficulty {LEVEL_LABEL[hw.level].toLowerCase()} · timers {TIMER_LABEL[hw.timers].toLowerCase()} ·{" "}
          {hw.side === "choose" ? "students choose their side" : "everyone argues the same side"}
        </p>
      </header>
      <HomeworkLink id={hw.id} secret={secret} />
      <section aria-labelledby="results-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="results-title" className="text-2xl font-bold">
            Results
            {results?.state === "ready" && (
              <span className="ml-2 text-lg font-normal text-muted">
                ({results.data.attempts.length} {results.data.attempts.length === 1 ? "attempt" : "attempts"})
              </span>
            )}
          </h2>
          <span className="flex-1" />
          {secret && (
            <>
              <button type="button" className="btn btn-quiet" onClick={() => void load()}>
                Refresh
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={async () =>
                  setCsvError(
                    await downloadWithSecret(
                      `/api/homework/${encodeURIComponent(id)}/results.csv`,
                      secret,
                      `homework-${id}.csv`,
                    ),
                  )
                }
              >
                Download CSV
              </button>
            </>
          )}
        </div>
        {csvError && (
          <p role="alert" className="font-semibold text-failure">
            {csvError}
          </p>
        )}
        {!secret ? (
          <p className="rounded-xl bg-wash p-4 text-lg">
            This browser does not hold the key to these results. Open your private results link (the one
            ending in #k=…) from the computer where you set the homework.
          </p>
        ) : results === null || results.state === "loading" ? (
          <p role="status" className="text-muted">
            Loading the results…
          </p>
        ) : results.state === "failed" ? (
          <p role="alert" className="font-semibold text-failure">
            {results.message}
          </p>
        ) : (
          <AttemptsTable attempts={results.data.attempts} secret={secret} />
        )}
      </section>
    </main>
  );
}
