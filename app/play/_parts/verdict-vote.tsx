"use client";
// The private verdict vote on the question, 1–5. Choose, then cast: an arrow key press alone never
// sends a vote (the vote ends early once everyone has voted).
import { useId, useState } from "react";
import type { SeatView } from "../../../game/views";
import type { Room } from "../../_lib/use-room";
import { VERDICT_SCALE } from "../../_lib/words";

export function VerdictVote({
  room,
  me,
  question,
  after,
}: {
  room: Room;
  me: SeatView;
  question: string;
  after: boolean;
}) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const value = choice ?? me.verdictVote;
  return (
    <form
      className="flex min-w-0 flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (value !== null) void room.send({ type: "verdictVote", value });
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2">
          <span className="block text-sm font-bold uppercase tracking-wide text-muted">
            {after ? "Closing vote: has the debate changed your mind?" : "Opening vote"} · private
          </span>
          <span className="block text-2xl font-bold">{question}</span>
        </legend>
        {VERDICT_SCALE.map((label, i) => (
          <label
            key={label}
            className={`flex cursor-pointer items-center gap-3 rounded-xl border-2 px-4 py-2.5 text-lg has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus ${
              value === i + 1 ? "border-ink bg-wash font-bold" : "border-line"
            }`}
          >
            <input
              type="radio"
              name={`${id}-verdict`}
              className="size-5 accent-ink"
              checked={value === i + 1}
              onChange={() => setChoice(i + 1)}
            />
            {i + 1}. {label}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="btn btn-primary self-start text-lg"
        disabled={value === null || value === me.verdictVote}
      >
        {me.verdictVote === null ? "Cast my vote" : value === me.verdictVote ? "Vote cast" : "Change my vote"}
      </button>
      <p role="status" className="text-muted">
        {value !== me.verdictVote
          ? // Chosen but not sent: say so, or a student who moves on (or whose vote closes) thinks
            // the highlighted option counted.
            me.verdictVote === null
            ? "Not cast yet: press Cast my vote. Only the class totals are shown, never who voted what."
            : "Not changed yet: press Change my vote."
          : me.verdictVote === null
            ? "Only the class totals are shown, never who voted what."
            : `Your vote: ${VERDICT_SCALE[me.verdictVote - 1]}. You can change it until the vote closes.`}
      </p>
    </form>
  );
}
