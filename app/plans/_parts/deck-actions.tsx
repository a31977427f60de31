"use client";
// What a teacher does with a deck: host a class game, practise it, set it as homework; and, for
// the browser that made it, delete it (after a second, explicit yes).
import Link from "next/link";
import { useState } from "react";
import { HostButton } from "../../_components/host-button";
import { api } from "../../_lib/api";
import { deckSecret } from "../../_lib/storage";

export function DeckActions({ id, withDeck = false }: { id: string; withDeck?: boolean }) {
  const suffix = withDeck ? " with this deck" : "";
  return (
    <div className="flex flex-wrap items-start gap-2">
      <HostButton deckId={id} label={`Host a game${suffix}`} className="btn btn-primary" />
      <Link href={`/practise?deck=${encodeURIComponent(id)}`} className="btn btn-quiet">
        Practise{suffix}
      </Link>
      <Link href={`/homework/new?deck=${encodeURIComponent(id)}`} className="btn btn-quiet">
        Set as homework
      </Link>
    </div>
  );
}

export function DeleteDeck({ id, title, onDeleted }: { id: string; title: string; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking)
    return (
      <button type="button" className="btn btn-danger btn-sm" onClick={() => setAsking(true)}>
        Delete…
      </button>
    );
  return (
    <div
      role="group"
      aria-label={`Delete ${title}?`}
      className="flex flex-col gap-2 rounded-xl border-2 border-failure p-3"
    >
      <p className="font-semibold">
        Delete this deck for good? Games already played keep their essay plans; homework set with it stops
        working.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-danger btn-sm"
          onClick={async () => {
            const r = await api(
              "DELETE",
              `/api/decks/${encodeURIComponent(id)}`,
              undefined,
              deckSecret.get(id),
            );
            if (!r.ok) return setError(r.message);
            deckSecret.set(id, null);
            onDeleted();
          }}
        >
          Yes, delete it
        </button>
        <button type="button" className="btn btn-quiet btn-sm" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
      {error && (
        <p role="alert" className="font-semibold text-failure">
          {error}
        </p>
      )}
    </div>
  );
}
