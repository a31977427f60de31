"use client";
// Judge: both paragraphs and counters beside a scoring form, one row per rubric criterion per team,
// pre-filled with the auto-judge's marks and showing its one-line reason. Change what you disagree
// with, then one "Confirm scores".
import { useEffect, useId, useState } from "react";
import type { TeamSide } from "../../../content/schema";
import type { HostView } from "../../../game/views";
import { RevealedParagraph } from "../../_components/paragraph";
import { SideIcon } from "../../_components/icons";
import type { Room } from "../../_lib/use-room";
import { PARAGRAPH_SLOTS, SLOT_LABEL, sideLabel, TEAMS } from "../../_lib/words";

export type Marks = Record<TeamSide, Record<string, number>>;

/** The slots where a team played its own words (and its counter, if written): the auto-judge does
 *  not mark those, so the teacher must read them before confirming. */
function ownWords(view: HostView, team: TeamSide): string[] {
  const round = view.current;
  const slots: string[] = PARAGRAPH_SLOTS.filter((slot) => round?.paragraphs?.[team][slot]?.text != null).map(
    (slot) => SLOT_LABEL[slot],
  );
  if (round?.counters?.[team]?.played.text != null) slots.push(SLOT_LABEL.counter);
  return slots;
}

function suggested(view: HostView): Marks {
  const of = (team: TeamSide) =>
    Object.fromEntries(
      view.rubric.criteria.map((c) => [
        c.id,
        view.suggestion?.[team].marks.find((m) => m.criterion === c.id)?.marks ?? 0,
      ]),
    );
  return { failure: of("failure"), success: of("success") };
}

/** Where the form keeps the marks the teacher changed for the host's Next button (game.tsx); null
 *  while they are the auto-judge's own (Next then moves on as the auto-judge marked). */
type MarksOut = { current: Marks | null };

export function ScorePanel({ room, view, marks }: { room: Room; view: HostView; marks: MarksOut }) {
  // One form per round: a new round (or a late-arriving suggestion) starts from the suggestion again.
  const key = `${view.round}:${view.suggestion ? "s" : "-"}`;
  return <ScoreForm key={key} room={room} view={view} out={marks} />;
}

function ScoreForm({ room, view, out }: { room: Room; view: HostView; out: MarksOut }) {
  const [marks, setMarks] = useState<Marks>(() => suggested(view));
  useEffect(() => {
    out.current = JSON.stringify(marks) === JSON.stringify(suggested(view)) ? null : marks;
  }, [marks, out, view]);
  // The form gone (Judging over): Next goes back to moving on.
  useEffect(
    () => () => {
      out.current = null;
    },
    [out],
  );
  const [sending, setSending] = useState(false);
  const { deck } = room;
  const set = (team: TeamSide, criterion: string, value: number) =>
    setMarks((m) => ({ ...m, [team]: { ...m[team], [criterion]: value } }));
  const total = (team: TeamSide) => Object.values(marks[team]).reduce((sum, m) => sum + m, 0);
  const toRead = TEAMS.reduce((n, team) => n + ownWords(view, team).length, 0);
  return (
    <form
      aria-labelledby="score-title"
      className="flex flex-col gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setSending(true);
        await room.send({ type: "score", marks });
        setSending(false);
      }}
    >
      <div>
        <h2 id="score-title" className="text-2xl font-bold">
          Score this round
        </h2>
        <p className="text-muted">
          The auto-judge's marks are filled in, with its reason under each. Change any you disagree with, then
          confirm.
        </p>
      </div>
      {/* Each team's paragraph beside (or above) its marks: score what you read. */}
      <div className="grid items-start gap-6 md:grid-cols-2">
        {TEAMS.map((team) => (
          <div key={team} className="flex min-w-0 flex-col gap-3">
            {view.current && <RevealedParagraph deck={deck} team={team} round={view.current} />}
            <TeamScores
              view={view}
              team={team}
              label={sideLabel(deck, team)}
              marks={marks[team]}
              onSet={(c, v) => set(team, c, v)}
            />
          </div>
        ))}
      </div>
      <div className="sticky bottom-2 flex flex-wrap items-center gap-4 rounded-2xl border border-line bg-paper px-4 py-3 shadow-lg">
        <p className="text-lg font-semibold">
          {TEAMS.map((team) => `${sideLabel(deck, team)} ${total(team)}`).join(" · ")}
        </p>
        {toRead > 0 && (
          <p className="font-semibold text-muted">
            ✎ {toRead === 1 ? "1 own sentence" : `${toRead} own sentences`} to read
          </p>
        )}
        <span className="flex-1" />
        <button type="submit" className="btn btn-primary px-8 text-xl" disabled={sending}>
          Confirm scores
        </button>
      </div>
    </form>
  );
}

function TeamScores({
  view,
  team,
  label,
  marks,
  onSet,
}: {
  view: HostView;
  team: TeamSide;
  label: string;
  marks: Record<string, number>;
  onSet: (criterion: string, value: number) => void;
}) {
  const total = Object.values(marks).reduce((s, m) => s + m, 0);
  const max = view.rubric.criteria.reduce((s, c) => s + c.max, 0);
  const own = ownWords(view, team);
  return (
    <fieldset
      className={`flex flex-col gap-3 rounded-xl border-2 p-3 ${team === "failure" ? "border-failure" : "border-success"}`}
    >
      <legend
        className={`flex items-center gap-2 px-1 text-xl font-bold ${team === "failure" ? "text-failure" : "text-success"}`}
      >
        <SideIcon side={team} />
        {label}: {total} / {max}
      </legend>
      {own.length > 0 && (
        <p className="rounded-lg border-2 border-ink bg-wash px-3 py-2 font-semibold">
          ✎ Own words to mark: {own.join(", ")}. The auto-judge does not mark a student's own sentence: read
          it and set the marks yourself.
        </p>
      )}
      {view.rubric.criteria.map((c) => {
        const mark = view.suggestion?.[team].marks.find((m) => m.criterion === c.id);
        return (
          <Criterion
            key={c.id}
            team={label}
            label={c.label}
            max={c.max}
            value={marks[c.id] ?? 0}
            suggestion={mark}
            onSet={(v) => onSet(c.id, v)}
          />
        );
      })}
    </fieldset>
  );
}

function Criterion({
  team,
  label,
  max,
  value,
  suggestion,
  onSet,
}: {
  team: string;
  label: string;
  max: number;
  value: number;
  suggestion: { marks: number; reason: string } | undefined;
  onSet: (v: number) => void;
}) {
  const id = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-reason`}
      className="flex flex-col gap-1"
    >
      <span id={`${id}-label`} className="font-semibold">
        {label} <span className="sr-only">for {team}</span>
        <span className="font-normal text-muted"> (0–{max})</span>
      </span>
      <div className="flex flex-wrap gap-1">
        {Array.from({ length: max + 1 }, (_, v) => (
          <label
            // biome-ignore lint/suspicious/noArrayIndexKey: the marks 0..max are the keys
            key={v}
            className={`relative flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border-2 px-2 text-lg font-bold tabular-nums has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus ${
              value === v ? "border-ink bg-ink text-white" : "border-edge bg-paper"
            }`}
          >
            <input
              type="radio"
              className="absolute inset-0 cursor-pointer opacity-0"
              name={`${id}-marks`}
              value={v}
              checked={value === v}
              onChange={() => onSet(v)}
              aria-label={`${v} ${v === 1 ? "mark" : "marks"}`}
            />
            {v}
          </label>
        ))}
      </div>
      {suggestion && (
        <p id={`${id}-reason`} className="text-sm text-muted">
          Suggested {suggestion.marks}: {suggestion.reason}
        </p>
      )}
    </div>
  );
}
