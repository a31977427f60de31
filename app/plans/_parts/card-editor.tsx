"use client";
// One card of the deck being checked: its face (kind and side by shape and word), the plan's own
// wording when the card shortens it, and, for the teacher who owns it, its side and theme.
import { useId } from "react";
import type { Card, Deck, Side } from "../../../content/schema";
import { CardFace } from "../../_components/card-face";
import { sideLabel } from "../../_lib/words";
import type { CardEdit } from "./edits";

const SIDES: readonly Side[] = ["failure", "success", "either"];

export function CardEditor({
  card,
  deck,
  toCheck,
  movedFrom,
  onChange,
}: {
  /** The card as it will be saved. */
  card: Card;
  deck: Deck;
  /** The importer could not tell its side and the teacher has not checked it yet. */
  toCheck: boolean;
  /** The theme the plan put it in, when the teacher has moved it to another. */
  movedFrom: string | null;
  /** Absent: read-only. */
  onChange?: (edit: CardEdit) => void;
}) {
  const id = useId();
  const edit = (patch: Partial<CardEdit>) =>
    onChange?.({ side: card.side, theme: card.theme, checked: true, ...patch });
  return (
    <div className={toCheck ? "flex flex-col gap-1 rounded-2xl bg-[#fffaeb] p-1.5 ring-2 ring-warn" : ""}>
      {toCheck && (
        <p className="px-1.5 text-sm font-bold text-warn">
          <span aria-hidden="true">⚠ </span>Check its side: the plan does not make it clear.
        </p>
      )}
      <CardFace card={card} deck={deck} size="sm">
        {card.source !== card.text && (
          <details className="text-sm text-muted">
            <summary className="cursor-pointer">The plan's wording</summary>
            <p className="mt-1">{card.source}</p>
          </details>
        )}
        {onChange ? (
          <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5">
            <label htmlFor={`${id}-side`} className="text-sm font-semibold">
              Side
            </label>
            <select
              id={`${id}-side`}
              className="field min-h-9 py-1 text-base"
              value={card.side}
              onChange={(e) => edit({ side: e.target.value as Side })}
            >
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {sideLabel(deck, s)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-theme`} className="text-sm font-semibold">
              Theme
            </label>
            <select
              id={`${id}-theme`}
              className="field min-h-9 py-1 text-base"
              value={card.theme}
              onChange={(e) => edit({ theme: e.target.value })}
            >
              {deck.themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
            {toCheck && (
              <button
                type="button"
                className="btn btn-quiet btn-sm col-span-2 justify-self-start"
                onClick={() => edit({})}
              >
                The side is right
              </button>
            )}
          </div>
        ) : null}
        {movedFrom && (
          <p className="text-sm font-semibold text-ink">
            Moved from “{movedFrom}” to “{deck.themes.find((t) => t.id === card.theme)?.title}”
          </p>
        )}
      </CardFace>
    </div>
  );
}
