"use client";
// The student's hand: readable cards, each with a button per open slot it fits ("Play as Point").
// Cards that fit no open slot say so instead of hiding. After a play, focus moves to that slot of
// the draft, so keyboard and screen-reader users land where their card went.
import type { SlotId } from "../../../game/types";
import type { SeatView, TeamView } from "../../../game/views";
import { CardFace } from "../../_components/card-face";
import { fits } from "../../_lib/protocol";
import type { Room } from "../../_lib/use-room";
import { SLOT_LABEL, themeTitle } from "../../_lib/words";

export function focusSlot(slot: SlotId) {
  // After React has re-rendered the draft with the new proposal.
  setTimeout(() => document.getElementById(`slot-${slot}`)?.focus(), 50);
}

export function Hand({
  room,
  view,
  me,
  slots = [],
  onPlay,
  fitsNothing = "Doesn't fit here",
}: {
  room: Room;
  view: TeamView;
  me: SeatView;
  /** Slots a card may be played to now; none = read-only. */
  slots?: readonly SlotId[];
  onPlay?: (copy: string, slot: SlotId) => void;
  fitsNothing?: string;
}) {
  const { deck } = room;
  const play =
    onPlay ??
    (async (copy: string, slot: SlotId) => {
      const ack = await room.send({ type: "propose", slot, copy });
      if (ack.ok) focusSlot(slot);
    });
  return (
    <section aria-labelledby="hand-title" className="flex min-w-0 flex-col gap-3">
      <h2 id="hand-title" className="text-2xl font-bold">
        Your hand <span className="text-lg font-normal text-muted">({me.hand.length} cards)</span>
      </h2>
      {me.hand.length === 0 && <p className="text-muted">No cards in your hand right now.</p>}
      <ul className="flex flex-col gap-3" aria-label="Your hand">
        {me.hand.map(({ copy, card: id }) => {
          const card = deck?.cards.find((c) => c.id === id);
          if (!card) return null;
          const open = slots.filter((s) => fits(card.kind, s));
          const onTheme = card.theme === view.theme;
          return (
            <li key={copy}>
              <CardFace card={card} deck={deck} dim={slots.length > 0 && open.length === 0}>
                <p className="text-sm text-muted">
                  Theme:{" "}
                  <span className={onTheme ? "font-bold text-ink" : ""}>{themeTitle(deck, card.theme)}</span>
                  {onTheme && " (this round)"}
                </p>
                {slots.length > 0 &&
                  (open.length > 0 ? (
                    <div className="flex flex-wrap gap-2">
                      {open.map((slot) => (
                        <button
                          key={slot}
                          type="button"
                          className="btn btn-quiet btn-sm"
                          aria-disabled={room.pending}
                          onClick={() => !room.pending && void play(copy, slot)}
                        >
                          Play as {SLOT_LABEL[slot]}
                        </button>
                      ))}
                    </div>
                  ) : (
                    <p className="text-sm font-semibold text-muted">{fitsNothing}</p>
                  ))}
              </CardFace>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
