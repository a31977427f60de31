"use client";
// Every deck on this server (it reads GET /api/decks, so it is all there after a restart): open,
// host, practise or set any of them; the ones this browser made can be edited and deleted.
import Link from "next/link";
import type { DeckSummary, Loaded } from "../../_lib/decks";
import { deckSecret } from "../../_lib/storage";
import { plural } from "../../_lib/words";
import { DeckActions, DeleteDeck } from "./deck-actions";

function made(ms: number | null): string {
  return ms
    ? `made ${new Date(ms).toLocaleDateString(undefined, { dateStyle: "medium" })}`
    : "comes with the game";
}

export function DeckList({ decks, onChange }: { decks: Loaded<DeckSummary[]>; onChange: () => void }) {
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
  return (
    <ul className="flex flex-col gap-3">
      {decks.data.map((d) => {
        const mine = !d.builtIn && deckSecret.get(d.id) !== null;
        return (
          <li key={d.id}>
            <article aria-label={d.title} className="panel flex flex-wrap items-start gap-x-6 gap-y-3 p-4">
              <div className="flex min-w-0 flex-1 basis-96 flex-col gap-1">
                <h3 className="text-xl font-bold">
                  <Link href={`/plans/${d.id}`} className="underline-offset-4 hover:underline">
                    {d.title}
                  </Link>
                </h3>
                {d.title !== d.question && <p>{d.question}</p>}
                <p className="text-sm text-muted">
                  {plural(d.cards, "card")} · {plural(d.themes, "paragraph")} · {made(d.createdAt)}
                  {mine ? " · made in this browser" : ""}
                  {d.needsReview > 0 && (
                    <strong className="text-warn"> · {plural(d.needsReview, "card")} to check</strong>
                  )}
                </p>
              </div>
              <div className="flex flex-col items-start gap-2">
                <DeckActions id={d.id} />
                <div className="flex flex-wrap gap-2">
                  <Link href={`/plans/${d.id}`} className="btn btn-quiet btn-sm">
                    {mine ? "Open and edit" : "Open"}
                  </Link>
                  {mine && <DeleteDeck id={d.id} title={d.title} onDeleted={onChange} />}
                </div>
              </div>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
