"use client";
// One slot of the team's draft: its proposals with votes, your vote marked, Vote and Take back, and
// "Write your own" (a sentence instead of a card). Shared by the Build paragraph and the Rebut counter.
import { useId, useState } from "react";
import type { ParagraphSlot, SlotId } from "../../../game/types";
import type { ProposalView, SeatView, TeamView } from "../../../game/views";
import { PlayedText } from "../../_components/paragraph";
import { MAX_OWN_TEXT } from "../../_lib/protocol";
import type { Room } from "../../_lib/use-room";
import { plural, SLOT_FITS, SLOT_LABEL } from "../../_lib/words";

export function SlotDraft({
  room,
  view,
  me,
  slot,
  target,
  targetLabel,
}: {
  room: Room;
  view: TeamView;
  me: SeatView;
  slot: SlotId;
  /** Rebut: the other team's slot a written counter answers. */
  target?: ParagraphSlot | null;
  targetLabel?: (t: ParagraphSlot | null) => string;
}) {
  const { deck } = room;
  const proposals = view.draft.filter((p) => p.slot === slot);
  const mine = me.votes[slot];
  const top = leading(proposals);
  const name = (seat: string) => view.seats.find((s) => s.id === seat)?.name ?? "someone";
  return (
    <section aria-labelledby={`slot-${slot}`} className="panel @container flex min-w-0 flex-col gap-2 p-3">
      <h3
        id={`slot-${slot}`}
        tabIndex={-1}
        className="flex flex-wrap items-baseline gap-x-3 text-xl font-bold"
      >
        {SLOT_LABEL[slot]}
        <span className="text-sm font-normal text-muted">
          {SLOT_FITS[slot]} · {plural(proposals.length, "proposal")}
        </span>
      </h3>
      {proposals.length > 0 && (
        <ul className="flex flex-col gap-2">
          {proposals.map((p) => (
            <li
              key={p.id}
              className={`flex flex-col gap-2 rounded-xl border-2 p-2 @md:flex-row @md:items-start ${mine === p.id ? "border-ink" : "border-line"}`}
            >
              <div className="min-w-0 flex-1">
                <PlayedText played={p} deck={deck} />
                <p className="mt-1 text-sm text-muted">
                  Proposed by {p.by === me.seat ? "you" : name(p.by)}
                  {p.target && targetLabel ? ` · ${targetLabel(p.target)}` : ""}
                  {top === p && proposals.length > 1 ? " · leading" : ""}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2">
                <span className="min-w-[4.5rem] text-right font-bold tabular-nums">
                  {plural(p.votes, "vote")}
                </span>
                <button
                  type="button"
                  className="btn btn-quiet btn-sm"
                  aria-pressed={mine === p.id}
                  aria-disabled={room.pending}
                  onClick={() =>
                    !room.pending && mine !== p.id && void room.send({ type: "support", proposal: p.id })
                  }
                >
                  {mine === p.id ? "Your vote" : "Vote"}
                </button>
                {p.by === me.seat && (
                  <button
                    type="button"
                    className="btn btn-danger btn-sm"
                    aria-disabled={room.pending}
                    onClick={async () => {
                      if (room.pending) return;
                      const ack = await room.send({ type: "withdraw", proposal: p.id });
                      // The button is gone with the proposal: keep keyboard focus in the slot.
                      if (ack.ok) setTimeout(() => document.getElementById(`slot-${slot}`)?.focus(), 50);
                    }}
                  >
                    Take back
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {proposals.length === 0 && <p className="text-muted">No proposal yet.</p>}
        <WriteOwn room={room} slot={slot} target={target} />
      </div>
    </section>
  );
}

/** The proposal that would fill the slot now: most votes, ties to the earliest (draft order). */
function leading(proposals: ProposalView[]): ProposalView | undefined {
  let best: ProposalView | undefined;
  for (const p of proposals) if (!best || p.votes > best.votes) best = p;
  return best;
}

function WriteOwn({ room, slot, target }: { room: Room; slot: SlotId; target?: ParagraphSlot | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  // A refused sentence (the wording, the slot just closed): said beside the sentence, where the
  // student is looking, and the form stays open with the text to mend.
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="btn btn-quiet btn-sm self-start"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        Write your own {SLOT_LABEL[slot]}
      </button>
    );
  return (
    <form
      className="flex w-full flex-col gap-2 rounded-xl bg-wash p-2"
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        const ack = await room.send(
          slot === "counter"
            ? { type: "write", slot, text, target: target ?? null }
            : { type: "write", slot, text },
          { quiet: true },
        );
        setError(ack.ok ? null : ack.message);
        if (ack.ok) {
          setText("");
          setOpen(false);
          setTimeout(() => document.getElementById(`slot-${slot}`)?.focus(), 50);
        }
      }}
    >
      <label htmlFor={`${id}-text`} className="font-semibold">
        Your own {SLOT_LABEL[slot]} sentence
      </label>
      <textarea
        id={`${id}-text`}
        className="field text-lg"
        rows={2}
        maxLength={MAX_OWN_TEXT}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        aria-describedby={error ? `${id}-error ${id}-count` : `${id}-count`}
        aria-invalid={error ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: opened on request; the next thing is to type
        autoFocus
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="font-semibold text-failure">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <span id={`${id}-count`} className="text-sm text-muted">
          {text.length} / {MAX_OWN_TEXT} characters
        </span>
        <span className="flex-1" />
        <button type="button" className="btn btn-quiet btn-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-sm" disabled={text.trim().length < 3}>
          Propose sentence
        </button>
      </div>
    </form>
  );
}
