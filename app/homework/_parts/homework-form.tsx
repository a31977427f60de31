"use client";
// Set homework: a title, the deck, difficulty, who argues which side, and timers. The server answers
// with the homework's id and a teacher secret, kept in this browser; then the teacher's page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { TimerMode, BotLevel } from "../../../game/types";
import { Choice } from "../../_components/choice";
import { DeckSelect } from "../../_components/deck-select";
import { api } from "../../_lib/api";
import { defaultDeckId, useDeck, useDecks } from "../../_lib/decks";
import { LEVELS, TIMERS } from "../../_lib/practice-words";
import { homeworkSecret } from "../../_lib/storage";
import { sideLabel } from "../../_lib/words";
import type { HomeworkInfo } from "./types";

export function HomeworkForm({ wanted }: { wanted: string | null }) {
  const id = useId();
  const router = useRouter();
  const { decks } = useDecks();
  const [picked, setPicked] = useState<string | null>(null);
  const deckId = picked ?? (decks.state === "ready" ? defaultDeckId(decks.data, wanted) : null);
  const detail = useDeck(deckId);
  const deck = detail?.state === "ready" ? detail.data.deck : null;
  const [title, setTitle] = useState("");
  const [level, setLevel] = useState<BotLevel>("medium");
  const [side, setSide] = useState<HomeworkInfo["side"]>("choose");
  const [timers, setTimers] = useState<TimerMode>("relaxed");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setError("Give the homework a title your class will recognise.");
    setBusy(true);
    setError(null);
    const r = await api<{ id: string; teacherSecret: string }>("POST", "/api/homework", {
      title: title.trim(),
      ...(deckId ? { deckId } : {}),
      level,
      side,
      timers,
    });
    if (!r.ok) {
      setBusy(false);
      return setError(r.message);
    }
    homeworkSecret.set(r.data.id, r.data.teacherSecret);
    router.push(`/homework/${r.data.id}/results`);
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-2">
        <Link href="/" className="self-start underline underline-offset-4">
          Debate Deck
        </Link>
        <h1 className="text-4xl font-bold">Set homework</h1>
        <p className="text-xl text-muted">
          Your class gets a link. Each student plays a whole debate at home against computer players, and you
          see every attempt: score, result and the essay plan they built.
        </p>
      </header>
      <form onSubmit={submit} noValidate className="panel flex flex-col gap-6 p-6">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-title`} className="text-lg font-bold">
            Title
          </label>
          <input
            id={`${id}-title`}
            className="field text-xl"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={120}
            aria-describedby={`${id}-title-hint`}
          />
          <p id={`${id}-title-hint`} className="text-sm text-muted">
            Students see it on the link, e.g. "10B: practise the Great Leap Forward essay".
          </p>
        </div>
        <DeckSelect decks={decks} value={deckId} onChange={setPicked} />
        <Choice legend="Difficulty" value={level} onChange={setLevel} options={LEVELS} />
        <Choice
          legend="Sides"
          value={side}
          onChange={setSide}
          options={[
            { value: "choose", label: "Students choose", hint: "Each student picks a side before playing." },
            {
              value: "failure",
              label: `Everyone: ${sideLabel(deck, "failure")}`,
              hint: "Everyone argues for the statement.",
            },
            {
              value: "success",
              label: `Everyone: ${sideLabel(deck, "success")}`,
              hint: "Everyone argues against it.",
            },
          ]}
        />
        <Choice legend="Timers" value={timers} onChange={setTimers} options={TIMERS} />
        {error && (
          <p role="alert" className="font-semibold text-failure">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary self-start px-8 text-xl" disabled={busy}>
          {busy ? "Setting it…" : "Set the homework"}
        </button>
      </form>
    </main>
  );
}
