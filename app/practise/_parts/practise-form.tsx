"use client";
// Practise alone: deck, side (in the deck's own words), difficulty, timers and a name, then the game.
// The server starts the room with bots in every other seat and hands back this student's seat.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TeamSide } from "../../../content/schema";
import type { BotLevel, TimerMode } from "../../../game/types";
import { Choice } from "../../_components/choice";
import { SideChoice } from "../../_components/side-choice";
import { DeckSelect } from "../../_components/deck-select";
import { NameField } from "../../_components/name-field";
import { api } from "../../_lib/api";
import { defaultDeckId, useDeck, useDecks } from "../../_lib/decks";
import { LEVELS, TIMERS } from "../../_lib/practice-words";
import { seatToken } from "../../_lib/storage";

export function PractiseForm({ wanted }: { wanted: string | null }) {
  const router = useRouter();
  const { decks } = useDecks();
  const [picked, setPicked] = useState<string | null>(null);
  const deckId = picked ?? (decks.state === "ready" ? defaultDeckId(decks.data, wanted) : null);
  const detail = useDeck(deckId);
  const deck = detail?.state === "ready" ? detail.data.deck : null;
  const [side, setSide] = useState<TeamSide | null>(null);
  const [level, setLevel] = useState<BotLevel>("medium");
  const [timers, setTimers] = useState<TimerMode>("relaxed");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (!side) return setError("Choose a side to argue.");
    if (!name.trim()) return setError("Type a name, or press Random name.");
    setBusy(true);
    setError(null);
    const r = await api<{ code: string; token: string }>("POST", "/api/practice", {
      ...(deckId ? { deckId } : {}),
      side,
      level,
      timers,
      name: name.trim(),
    });
    if (!r.ok) {
      setBusy(false);
      return setError(r.message);
    }
    seatToken.set(r.data.code, r.data.token);
    router.push(`/play/${r.data.code}`);
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-2">
        <Link href="/" className="self-start underline underline-offset-4">
          Debate Deck
        </Link>
        <h1 className="text-4xl font-bold">Practise alone</h1>
        <p className="text-xl text-muted">
          A whole debate on your own: your two teammates and the three players on the other side are the
          computer. After each round the marker shows your marks and how to earn more.
        </p>
      </header>
      <form onSubmit={start} noValidate className="panel flex flex-col gap-6 p-6">
        <DeckSelect decks={decks} value={deckId} onChange={setPicked} />
        <SideChoice deck={deck} value={side} onChange={setSide} />
        <Choice legend="Difficulty" value={level} onChange={setLevel} options={LEVELS} />
        <Choice legend="Timers" value={timers} onChange={setTimers} options={TIMERS} />
        <NameField value={name} onChange={setName} hint="Shown in your game and on your results." />
        {error && (
          <p role="alert" className="font-semibold text-failure">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary self-start px-8 text-xl" disabled={busy}>
          {busy ? "Starting…" : "Start practising"}
        </button>
      </form>
    </main>
  );
}
