"use client";
// One deck: what to do with it (host, practise, set as homework), then the deck itself. The browser
// that made it may correct it (the plan is read again and the whole set of corrections saved) or
// delete it; anyone else sees it read-only.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { Deck } from "../../../content/schema";
import { api } from "../../_lib/api";
import { type DeckDetail, useDeck } from "../../_lib/decks";
import { deckSecret } from "../../_lib/storage";
import { DeckActions, DeleteDeck } from "./deck-actions";
import { DeckView } from "./deck-view";
import { correctionsOf, type DeckEdits, editsFrom, problemsOf } from "./edits";
import { SaveBar } from "./save-bar";
import { PageLoading, PageProblem } from "../../_components/page-state";

export function DeckPage({ id, saved }: { id: string; saved: boolean }) {
  const router = useRouter();
  const loaded = useDeck(id);
  const [secret, setSecret] = useState<string | null>(null);
  const [original, setOriginal] = useState<Deck | null>(null);
  const [edits, setEdits] = useState<DeckEdits | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(saved ? "Saved. The deck is ready to play." : null);
  const detail: DeckDetail | null = loaded?.state === "ready" ? loaded.data : null;

  useEffect(() => setSecret(deckSecret.get(id)), [id]);

  // The owner edits against what the importer made of the plan, so corrections are the whole set.
  useEffect(() => {
    if (!detail) return;
    if (!secret || !detail.plan) {
      setOriginal(detail.deck);
      setEdits(editsFrom(detail.deck, undefined, detail.title));
      return;
    }
    let live = true;
    void api<{ deck: Deck }>("POST", "/api/decks/preview", { plan: detail.plan }).then((r) => {
      if (!live) return;
      const base = r.ok ? r.data.deck : detail.deck;
      setOriginal(base);
      setEdits(editsFrom(base, detail.deck, detail.title));
    });
    return () => {
      live = false;
    };
  }, [detail, secret]);

  if (!loaded || loaded.state === "loading") return <PageLoading what="the deck" />;
  if (loaded.state === "failed")
    return (
      <PageProblem title="No such deck" message={loaded.message} href="/plans" action="See every deck" />
    );
  const d = loaded.data;
  const canEdit = !d.builtIn && secret !== null && d.plan !== null;

  async function save() {
    if (!original || !edits) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    const r = await api<{ deck: Deck }>(
      "PUT",
      `/api/decks/${encodeURIComponent(id)}`,
      { title: edits.title.trim() || d.question.slice(0, 120), corrections: correctionsOf(original, edits) },
      secret,
    );
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setStatus("Changes saved.");
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-7xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-3">
        <nav aria-label="Back" className="flex gap-4">
          <Link href="/" className="underline underline-offset-4">
            Debate Deck
          </Link>
          <Link href="/plans" className="underline underline-offset-4">
            Every deck
          </Link>
        </nav>
        <p className="text-sm font-bold uppercase tracking-wide text-muted">
          {d.builtIn ? "Deck that comes with the game" : canEdit ? "Your deck" : "A teacher's deck"}
        </p>
        <h1 className="text-4xl font-bold">{d.title}</h1>
        {d.title !== d.question && <p className="text-2xl font-semibold">{d.question}</p>}
        <p role="status" className="font-semibold text-ok">
          {status}
        </p>
        <DeckActions id={d.id} withDeck />
      </header>
      <section aria-labelledby="deck-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="deck-title" className="text-3xl font-bold">
            {canEdit ? "Check and correct the deck" : "The deck"}
          </h2>
          <span className="flex-1" />
          {canEdit && <DeleteDeck id={d.id} title={d.title} onDeleted={() => router.push("/plans")} />}
        </div>
        {!canEdit && !d.builtIn && (
          <p className="text-muted">Only the browser that saved this deck can change it.</p>
        )}
        {original && edits ? (
          <>
            <DeckView original={original} edits={edits} onEdit={canEdit ? setEdits : undefined} />
            {canEdit && (
              <SaveBar
                problems={problemsOf(edits, original)}
                busy={busy}
                label="Save changes"
                error={error}
                onSave={() => void save()}
              />
            )}
          </>
        ) : (
          <p role="status" className="text-muted">
            Reading the plan…
          </p>
        )}
      </section>
    </main>
  );
}
