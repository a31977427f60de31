"use client";
// Build: the team's paragraph as five slots, filling live as teammates propose and vote.
import type { SeatView, TeamView } from "../../../game/views";
import { isTimed } from "../../_lib/phases";
import type { Room } from "../../_lib/use-room";
import { PARAGRAPH_SLOTS, themeTitle } from "../../_lib/words";
import { SlotDraft } from "./proposals";

export function Draft({ room, view, me }: { room: Room; view: TeamView; me: SeatView }) {
  const filled = new Set(view.draft.map((p) => p.slot)).size;
  return (
    <section aria-labelledby="draft-title" className="flex min-w-0 flex-col gap-3">
      <div>
        <h2 id="draft-title" className="text-2xl font-bold">
          Your team's paragraph: {themeTitle(room.deck, view.theme)}
        </h2>
        <p className="text-muted">
          {filled} of {PARAGRAPH_SLOTS.length} slots have a proposal. The card with the most votes in each
          slot is played {room.owner && !isTimed(view) ? "when you press Next" : "when time is up"}.
        </p>
      </div>
      {PARAGRAPH_SLOTS.map((slot) => (
        <SlotDraft key={slot} room={room} view={view} me={me} slot={slot} />
      ))}
    </section>
  );
}
