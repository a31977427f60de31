"use client";
// Use my own plan: the decks already here, then a plan pasted or uploaded, previewed as the deck it
// makes, corrected by the teacher, and saved (the owner secret stays in this browser).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Deck } from "../../../content/schema";
import { api } from "../../_lib/api";
import { useDecks } from "../../_lib/decks";
import { deckSecret } from "../../_lib/storage";
import { DeckList } from "./deck-list";
import { DeckView } from "./deck-view";
import { correctionsOf, type DeckEdits, editsFrom, problemsOf } from "./edits";
import { PlanInput, type PlanProblem } from "./plan-input";
import { SaveBar } from "./save-bar";

interface Preview {
  plan: string;
  deck: Deck;
  warnings: string[];
}

export function PlansPage() {
  const router = useRouter();
  const { decks, reload } = useDecks();
  const [plan, setPlan] = useState("");
  const [problem, setProblem] = useState<PlanProblem | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [edits, setEdits] = useState<DeckEdits | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function make(text: string) {
    setBusy(true);
    setProblem(null);
    const r = await api<{ deck: Deck; warnings: string[] }>("POST", "/api/decks/preview", { plan: text });
    setBusy(false);
    if (!r.ok) {
      setPreview(null);
      return setProblem({ message: r.message, line: r.line ?? null });
    }
    setPreview({ plan: text, ...r.data });
    setEdits(editsFrom(r.data.deck));
    // The deck is below the plan box: take the reader (and keyboard focus) to it.
    setTimeout(() => document.getElementById("check-title")?.focus(), 50);
  }

  async function save() {
    if (!preview || !edits) return;
    setBusy(true);
    setSaveError(null);
    const title = edits.title.trim();
    const r = await api<{ id: string; ownerSecret: string }>("POST", "/api/decks", {
      ...(title ? { title } : {}),
      plan: preview.plan,
      corrections: correctionsOf(preview.deck, edits),
    });
    if (!r.ok) {
      setBusy(false);
      return setSaveError(r.message);
    }
    deckSecret.set(r.data.id, r.data.ownerSecret);
    router.push(`/plans/${r.data.id}?saved=1`);
  }

  return (
    <main className="mx-auto flex min-h-dvh max-w-7xl flex-col gap-8 px-6 py-8">
      <header className="flex flex-col gap-2">
        <Link href="/" className="self-start underline underline-offset-4">
          Debate Deck
        </Link>
        <h1 className="text-4xl font-bold">Use my own plan</h1>
        <p className="max-w-4xl text-xl text-muted">
          Any essay plan in the usual layout becomes a deck: every card comes from your plan and keeps its
          wording. Check the sides and themes, save it, then host a game, practise it or set it as homework.
        </p>
        <a href="#new-title" className="btn btn-primary self-start">
          Make a deck from your plan ↓
        </a>
      </header>
      <section aria-labelledby="decks-title" className="flex flex-col gap-3">
        <h2 id="decks-title" className="text-2xl font-bold">
          Decks you can play
        </h2>
        <DeckList decks={decks} onChange={reload} />
      </section>
      <section aria-labelledby="new-title" className="panel flex flex-col gap-3 p-5">
        <h2 id="new-title" className="scroll-mt-4 text-2xl font-bold">
          Make a deck from your plan
        </h2>
        <PlanInput
          plan={plan}
          onPlan={setPlan}
          onFile={(text) => {
            setPlan(text);
            void make(text);
          }}
          problem={problem}
          busy={busy}
          onSubmit={() => void make(plan)}
        />
      </section>
      {preview && edits && (
        <section aria-labelledby="check-title" className="flex flex-col gap-4">
          <h2 id="check-title" tabIndex={-1} className="scroll-mt-4 text-3xl font-bold">
            Check the deck: {preview.deck.question}
          </h2>
          {preview.warnings.length > 0 && (
            <details className="rounded-xl bg-wash p-3">
              <summary className="cursor-pointer font-semibold">
                Notes from reading the plan ({preview.warnings.length})
              </summary>
              <ul className="mt-2 list-disc pl-6">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          <DeckView original={preview.deck} edits={edits} onEdit={setEdits} />
          <SaveBar
            problems={problemsOf(edits, preview.deck)}
            note={
              plan !== preview.plan
                ? "The plan has changed since this preview: Make the deck again to see it."
                : null
            }
            busy={busy}
            label="Save the deck"
            error={saveError}
            onSave={() => void save()}
          />
        </section>
      )}
    </main>
  );
}
