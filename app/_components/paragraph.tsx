// A team's revealed paragraph, one row per slot (label, then the card's text with its kind and side),
// and the counter played against it. Rows rather than full cards: both paragraphs fit side by side
// on a projector and on a laptop.
import type { Deck, TeamSide } from "../../content/schema";
import type { ParagraphSlot } from "../../game/types";
import type { PlayedView, RoundView } from "../../game/views";
import { KIND_LABEL, otherTeam, PARAGRAPH_SLOTS, SLOT_LABEL, sideLabel } from "../_lib/words";
import { KindIcon, SideIcon } from "./icons";

type Size = "md" | "lg";

const SIDE_TEXT = { failure: "text-failure", success: "text-success", either: "text-muted" } as const;

/** What was played in a slot, as text with its kind and side (or "own words", or empty). */
export function PlayedText({
  played,
  deck,
  size = "md",
}: {
  played: PlayedView | undefined;
  deck: Deck | null;
  size?: Size;
}) {
  const card = played?.card ? deck?.cards.find((c) => c.id === played.card) : undefined;
  const chip = "flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs font-bold uppercase tracking-wide";
  if (size === "lg") {
    // The projector: no chip row (height is precious); the kind's shape leads the text.
    if (!card && !played?.text) return <p className="text-[1.25em] italic text-muted">Empty</p>;
    return (
      <p className="text-[1.25em] leading-snug">
        {card ? (
          <>
            <KindIcon kind={card.kind} className="mr-2 inline size-[0.8em] align-baseline" />
            <span className="sr-only">{KIND_LABEL[card.kind]}: </span>
            {card.text}
          </>
        ) : (
          <>
            <span className="mr-2 font-bold">✎ Own words:</span>
            {played?.text}
          </>
        )}
      </p>
    );
  }
  if (card)
    return (
      <div className="min-w-0">
        <p className={chip}>
          <span className="flex items-center gap-1">
            <KindIcon kind={card.kind} />
            {KIND_LABEL[card.kind]}
          </span>
          <span className={`flex items-center gap-1 ${SIDE_TEXT[card.side]}`}>
            <SideIcon side={card.side} />
            {sideLabel(deck, card.side)}
          </span>
        </p>
        <p className="text-base leading-snug">{card.text}</p>
      </div>
    );
  if (played?.text)
    return (
      <div className="min-w-0">
        <p className={chip}>✎ Own words</p>
        <p className="text-base leading-snug">{played.text}</p>
      </div>
    );
  return <p className="text-base italic text-muted">Empty</p>;
}

const HEAD = { failure: "bg-failure text-white", success: "bg-success text-white" } as const;
const EDGE = { failure: "border-failure", success: "border-success" } as const;

export function RevealedParagraph({
  deck,
  team,
  round,
  size = "md",
  animate = false,
  slots = PARAGRAPH_SLOTS,
  heading,
}: {
  deck: Deck | null;
  team: TeamSide;
  round: RoundView;
  size?: Size;
  /** Deal the rows in one by one (motion-safe only). */
  animate?: boolean;
  slots?: readonly ParagraphSlot[];
  heading?: string;
}) {
  const paragraph = round.paragraphs?.[team] ?? {};
  const against = round.counters?.[otherTeam(team)] ?? null;
  const label = sideLabel(deck, team);
  const lg = size === "lg";
  return (
    <section
      aria-label={`${label} paragraph`}
      className={`flex min-w-0 flex-col overflow-hidden rounded-2xl border-2 ${EDGE[team]}`}
    >
      <h3
        className={`flex items-center gap-2 font-bold ${HEAD[team]} ${lg ? "px-[0.6em] py-[0.15em] text-[1.5em]" : "px-4 py-1 text-lg"}`}
      >
        <SideIcon side={team} />
        {heading ?? label}
      </h3>
      <ol className="flex flex-col divide-y divide-line">
        {slots.map((slot, i) => (
          <li
            key={slot}
            className={`grid ${lg ? "grid-cols-[7em_1fr] gap-[0.75em] px-[1em] py-[0.4em]" : "grid-cols-[6.5rem_1fr] gap-3 px-4 py-2"} ${animate ? "motion-safe:animate-deal-in" : ""}`}
            style={animate ? { animationDelay: `${i * 500 + (team === "success" ? 250 : 0)}ms` } : undefined}
          >
            <span className={`font-bold text-muted ${lg ? "text-[1.05em]" : "text-sm"}`}>
              {SLOT_LABEL[slot]}
              {against?.target === slot && <span className="block font-bold text-ink">◆ Countered</span>}
            </span>
            <PlayedText played={paragraph[slot]} deck={deck} size={size} />
          </li>
        ))}
      </ol>
      {against && (
        <div className={`grid grid-cols-1 gap-1 bg-wash ${lg ? "px-[1em] py-[0.4em]" : "px-4 py-2"}`}>
          <p className={`font-bold ${lg ? "text-[1.05em]" : "text-sm"}`}>
            ◆ {sideLabel(deck, otherTeam(team))}'s counter, against the {SLOT_LABEL[against.target]}:
          </p>
          <PlayedText played={against.played} deck={deck} size={size} />
        </div>
      )}
    </section>
  );
}
