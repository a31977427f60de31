"use client";
// Rebut: pick the other team's card your counter answers (their paragraph is shown), then propose a
// Counter (or Evidence) card or your own sentence against it, and vote with your team.
import { useId, useState } from "react";
import type { ParagraphSlot } from "../../../game/types";
import type { SeatView, TeamView } from "../../../game/views";
import { PlayedText } from "../../_components/paragraph";
import type { Room } from "../../_lib/use-room";
import { otherTeam, PARAGRAPH_SLOTS, SLOT_LABEL, sideLabel } from "../../_lib/words";
import { focusSlot, Hand } from "./hand";
import { SlotDraft } from "./proposals";

export function Rebuttal({ room, view, me }: { room: Room; view: TeamView; me: SeatView }) {
  const id = useId();
  const { deck } = room;
  const other = otherTeam(me.team);
  const theirs = view.current?.paragraphs?.[other] ?? {};
  const filled = PARAGRAPH_SLOTS.filter((s) => theirs[s]);
  const [chosen, setChosen] = useState<ParagraphSlot | null>(null);
  const target = chosen && filled.includes(chosen) ? chosen : (filled[0] ?? null);
  const targetLabel = (t: ParagraphSlot | null) => (t ? `answers their ${SLOT_LABEL[t]}` : "");

  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <fieldset className="flex min-w-0 flex-col gap-2">
        <legend className="mb-2 text-2xl font-bold">
          Which card of {sideLabel(deck, other)}'s paragraph will you answer?
        </legend>
        {filled.length === 0 && <p>Their paragraph is empty: there is nothing to counter.</p>}
        {filled.map((slot) => (
          <label
            key={slot}
            className={`flex cursor-pointer gap-3 rounded-xl border-2 p-3 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus ${
              target === slot ? "border-ink bg-wash" : "border-line"
            }`}
          >
            <input
              type="radio"
              name={`${id}-target`}
              className="mt-1 size-5 shrink-0 accent-ink"
              checked={target === slot}
              onChange={() => setChosen(slot)}
            />
            <span className="min-w-0">
              <span className="block font-bold">Their {SLOT_LABEL[slot]}</span>
              <PlayedText played={theirs[slot]} deck={deck} />
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex min-w-0 flex-col gap-4">
        <SlotDraft room={room} view={view} me={me} slot="counter" target={target} targetLabel={targetLabel} />
        <Hand
          room={room}
          view={view}
          me={me}
          slots={target ? ["counter"] : []}
          fitsNothing="Not a counter: only Counter and Evidence cards can answer."
          onPlay={async (copy) => {
            const ack = await room.send({ type: "propose", slot: "counter", copy, target });
            if (ack.ok) focusSlot("counter");
          }}
        />
      </div>
    </div>
  );
}
