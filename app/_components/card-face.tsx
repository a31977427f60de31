// One evidence card as students, the teacher and the projector see it: kind and side by shape and
// word, the text large enough to read at arm's length. Actions (play, vote) go in `children`.
import type { ReactNode } from "react";
import type { Card, Deck } from "../../content/schema";
import { KIND_LABEL, sideLabel } from "../_lib/words";
import { KindIcon, SideIcon } from "./icons";

const SIDE_BORDER = { failure: "border-failure", success: "border-success", either: "border-muted" } as const;
const SIDE_TEXT = { failure: "text-failure", success: "text-success", either: "text-muted" } as const;
const TEXT_SIZE = { sm: "text-base", md: "text-lg", lg: "text-2xl" } as const;

export function CardFace({
  card,
  deck,
  size = "md",
  dim = false,
  label,
  children,
}: {
  card: Card;
  deck: Deck | null;
  size?: "sm" | "md" | "lg";
  /** Greyed: it cannot be played now (the reason is in `children`). */
  dim?: boolean;
  /** Accessible name of the card's region; defaults to its kind and text. */
  label?: string;
  children?: ReactNode;
}) {
  return (
    <article
      aria-label={label ?? `${KIND_LABEL[card.kind]} card: ${card.text}`}
      className={`flex flex-col gap-2 rounded-xl border-2 border-l-[6px] p-3 shadow-sm ${SIDE_BORDER[card.side]} ${dim ? "bg-wash shadow-none" : "bg-paper"}`}
    >
      <div className="flex items-center justify-between gap-2 text-sm font-bold uppercase tracking-wide">
        <span className="flex items-center gap-1.5 text-ink">
          <KindIcon kind={card.kind} />
          {KIND_LABEL[card.kind]}
        </span>
        <span className={`flex items-center gap-1.5 ${SIDE_TEXT[card.side]}`}>
          <SideIcon side={card.side} />
          {sideLabel(deck, card.side)}
        </span>
      </div>
      <p className={`${TEXT_SIZE[size]} leading-snug text-ink`}>{card.text}</p>
      {children}
    </article>
  );
}

/** A sentence a student wrote instead of a card. */
export function OwnSentence({
  text,
  size = "md",
  children,
}: {
  text: string;
  size?: "sm" | "md" | "lg";
  children?: ReactNode;
}) {
  return (
    <article
      aria-label={`Own sentence: ${text}`}
      className="flex flex-col gap-2 rounded-xl border-2 border-dashed border-muted bg-wash p-3"
    >
      <span className="text-sm font-bold uppercase tracking-wide text-ink">✎ Own words</span>
      <p className={`${TEXT_SIZE[size]} leading-snug text-ink`}>{text}</p>
      {children}
    </article>
  );
}
