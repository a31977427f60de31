"use client";
// Which deck to play: the shipped one by default, teachers' own below it, with the chosen deck's
// question shown so nobody picks by title alone.
import Link from "next/link";
import { useId } from "react";
import type { DeckSummary, Loaded } from "../_lib/decks";

export function DeckSelect({
  decks,
  value,
  onChange,
  label = "Deck",
  showQuestion = true,
}: {
  decks: Loaded<DeckSummary[]>;
  value: string | null;
  onChange: (id: string) => void;
  label?: string;
  showQuestion?: boolean;
}) {
  const id = useId();
  if (decks.state === "loading")
    return (
      <p role="status" className="text-muted">
        Loading the decks…
      </p>
    );
  if (decks.state === "failed")
    return (
      <p role="alert" className="font-semibold text-failure">
        {decks.message}
      </p>
    );
  const chosen = decks.data.find((d) => d.id === value);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-lg font-bold">
        {label}
      </label>
      <select id={id} className="field" value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        {decks.data.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
            {d.builtIn ? " (comes with the game)" : ""}
          </option>
        ))}
      </select>
      {showQuestion && chosen && (
        <p className="text-base text-muted">
          <span className="font-semibold text-ink">Question:</span> {chosen.question}
        </p>
      )}
      {decks.data.length === 1 && (
        <p className="text-sm text-muted">
          Want another question?{" "}
          <Link href="/plans" className="underline underline-offset-4">
            Use your own plan
          </Link>
          .
        </p>
      )}
    </div>
  );
}
