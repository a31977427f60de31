"use client";
// The student's side of homework: what it is (title, question, difficulty, timers), a name, a side
// when the teacher lets them choose, then the game. Their attempt is recorded for the teacher.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { TeamSide } from "../../../content/schema";
import { SideChoice } from "../../_components/side-choice";
import { SideIcon } from "../../_components/icons";
import { NameField } from "../../_components/name-field";
import { api } from "../../_lib/api";
import { type Loaded, useDeck } from "../../_lib/decks";
import { LEVEL_LABEL, TIMER_LABEL } from "../../_lib/practice-words";
import { seatToken } from "../../_lib/storage";
import { sideLabel } from "../../_lib/words";
import type { HomeworkInfo } from "./types";
import { PageLoading, PageProblem } from "../../_components/page-state";

export function HomeworkStart({ id }: { id: string }) {
  const router = useRouter();
  const [info, setInfo] = useState<Loaded<HomeworkInfo>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    void api<HomeworkInfo>("GET", `/api/homework/${encodeURIComponent(id)}`).then((r) => {
      if (live) setInfo(r.ok ? { state: "ready", data: r.data } : { state: "failed", message: r.message });
    });
    return () => {
      live = false;
    };
  }, [id]);
  const hw = info.state === "ready" ? info.data : null;
  const detail = useDeck(hw?.deckId ?? null);
  const deck = detail?.state === "ready" ? detail.data.deck : null;
  const [side, setSide] = useState<TeamSide | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (info.state === "loading") return <PageLoading what="the homework" />;
  if (info.state === "failed")
    return (
      <PageProblem
        title="This homework link does not work"
        message={info.message}
        href="/practise"
        action="Practise on your own instead"
      />
    );
  const homework = info.data;
  const choosing = homework.side === "choose";

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (choosing && !side) return setError("Choose a side to argue.");
    if (!name.trim()) return setError("Type your name, or press Random name.");
    setBusy(true);
    setError(null);
    const r = await api<{ code: string; token: string }>(
      "POST",
      `/api/homework/${encodeURIComponent(homework.id)}/play`,
      choosing ? { name: name.trim(), side } : { name: name.trim() },
    );
    if (!r.ok) {
      setBusy(false);
      return setError(r.message);
    }
    seatToken.set(r.data.code, r.data.token);
    router.push(`/play/${r.data.code}`);
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-bold uppercase tracking-wide text-muted">Homework</p>
        <h1 className="text-4xl font-bold">{homework.title}</h1>
        <p className="text-2xl font-semibold leading-snug">{homework.question}</p>
        <p className="text-lg text-muted">
          A whole debate against computer players ({LEVEL_LABEL[homework.level].toLowerCase()}), timers{" "}
          {TIMER_LABEL[homework.timers].toLowerCase()}
          {homework.timers === "off" ? ": take your time and press Next when ready" : ""}. Your teacher sees
          your score and the essay plan you build.
        </p>
      </header>
      <form onSubmit={start} noValidate className="panel flex flex-col gap-6 p-6">
        {choosing ? (
          <SideChoice deck={deck} value={side} onChange={setSide} />
        ) : (
          <p className="flex items-center gap-2 text-lg">
            <SideIcon side={homework.side as TeamSide} />
            You argue: <strong>{sideLabel(deck, homework.side as TeamSide)}</strong>
          </p>
        )}
        <NameField value={name} onChange={setName} hint="Use the name your teacher will recognise." />
        {error && (
          <p role="alert" className="font-semibold text-failure">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary self-start px-8 text-xl" disabled={busy}>
          {busy ? "Starting…" : "Start the homework"}
        </button>
      </form>
    </main>
  );
}
