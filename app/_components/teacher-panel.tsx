"use client";
// The landing's teacher box: which deck (only asked when there is more than the shipped one), its
// question, and Host a game.
import { useState } from "react";
import { defaultDeckId, useDecks } from "../_lib/decks";
import { DeckSelect } from "./deck-select";
import { HostButton } from "./host-button";

export function TeacherPanel({ seedQuestion }: { seedQuestion: string }) {
  const { decks } = useDecks();
  const [picked, setPicked] = useState<string | null>(null);
  const list = decks.state === "ready" ? decks.data : [];
  const deckId = picked ?? defaultDeckId(list);
  const question = list.find((d) => d.id === deckId)?.question ?? seedQuestion;
  return (
    <div className="flex flex-1 flex-col gap-4">
      {list.length > 1 && (
        <DeckSelect decks={decks} value={deckId} onChange={setPicked} label="Deck" showQuestion={false} />
      )}
      <HostButton deckId={deckId} />
      <div className="mt-auto rounded-xl bg-wash p-4">
        <p className="text-sm font-bold uppercase tracking-wide text-muted">The question</p>
        <p className="font-semibold">{question}</p>
      </div>
    </div>
  );
}
