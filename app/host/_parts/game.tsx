"use client";
// The host during the game: the phase, round and timer with Pause/Resume, +30 s and Next; what the
// phase needs from the teacher (scoring at Judge); and the class list, manageable at any time.
import Link from "next/link";
import { useRef, useState } from "react";
import type { Phase } from "../../../game/types";
import type { HostView } from "../../../game/views";
import { RevealedParagraph } from "../../_components/paragraph";
import { History, RoundScores, RunningTotals } from "../../_components/scores";
import { TeamColumn } from "../../_components/team-column";
import { Timer } from "../../_components/timer";
import { VerdictSummary, VoteChart } from "../../_components/verdict";
import { inRound, isTimed, nextPhase } from "../../_lib/phases";
import type { Room } from "../../_lib/use-room";
import { PHASE_LABEL, plural, sideLabel, TEAMS, themeTitle } from "../../_lib/words";
import { LockButton } from "./lobby";
import { type Marks, ScorePanel } from "./score-panel";
import { SeatActions } from "./seat-actions";

/** Phases where students play cards or vote. */
const STUDENTS_ACT: ReadonlySet<Phase> = new Set(["voteBefore", "build", "rebut", "voteAfter"]);

export function HostGame({ room, view }: { room: Room; view: HostView }) {
  const { deck } = room;
  const next = nextPhase(view);
  const timed = isTimed(view);
  // In Judging, marks the teacher changed on the score form: Next sends those, as Confirm does, so
  // changed marks are never lost by moving on (unchanged, Next keeps the auto-judge's).
  const marks = useRef<Marks | null>(null);
  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Game controls" className="panel flex flex-wrap items-center gap-4 p-4">
        <div className="min-w-0 flex-1 basis-64">
          <p className="text-2xl font-bold">{PHASE_LABEL[view.phase]}</p>
          {inRound(view) && view.theme && (
            <p className="text-lg">
              Round {view.round + 1} of {view.rounds}: {themeTitle(deck, view.theme)}
            </p>
          )}
          {view.votes && (
            <p className="text-lg">
              {view.votes.cast} of {plural(view.votes.voters, "student")} have voted
            </p>
          )}
        </div>
        {timed && <Timer clock={view.clock} offset={room.offset} announce />}
        {view.phase !== "verdict" && (
          <div className="flex flex-wrap gap-2">
            {view.clock.paused ? (
              <button type="button" className="btn btn-primary" onClick={() => room.send({ type: "resume" })}>
                Resume
              </button>
            ) : (
              // Pause stops a clock, or the students' moves ("pens down"): nothing to pause in an
              // untimed phase where only the teacher acts (Judging).
              (timed || STUDENTS_ACT.has(view.phase)) && (
                <button type="button" className="btn btn-quiet" onClick={() => room.send({ type: "pause" })}>
                  Pause
                </button>
              )
            )}
            {timed && (
              <button
                type="button"
                className="btn btn-quiet"
                onClick={() => room.send({ type: "addTime", ms: 30_000 })}
              >
                +30 s
              </button>
            )}
            {next && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() =>
                  view.phase === "judge" && marks.current
                    ? room.send({ type: "score", marks: marks.current })
                    : room.send({ type: "skip" })
                }
              >
                Next: {PHASE_LABEL[next]}
              </button>
            )}
          </div>
        )}
      </section>
      <PhasePanel room={room} view={view} marks={marks} />
      <Roster room={room} view={view} />
    </div>
  );
}

function PhasePanel({ room, view, marks }: { room: Room; view: HostView; marks: { current: Marks | null } }) {
  const { deck } = room;
  switch (view.phase) {
    case "build":
    case "rebut":
      return (
        <section aria-label="Team progress" className="grid gap-4 md:grid-cols-2">
          {TEAMS.map((team) => {
            const p = view.progress?.[team];
            return (
              <div
                key={team}
                className={`rounded-2xl p-4 ${team === "failure" ? "bg-failure-soft" : "bg-success-soft"}`}
              >
                <p className="text-xl font-bold">{sideLabel(deck, team)}</p>
                <p>
                  {p
                    ? `${p.filled} of ${p.slots} ${p.slots === 1 ? "slot" : "slots"} proposed · ${plural(p.proposals, "proposal")}`
                    : "—"}
                </p>
              </div>
            );
          })}
        </section>
      );
    case "reveal":
      return view.current ? <Paragraphs room={room} view={view} /> : null;
    case "judge":
      return <ScorePanel room={room} view={view} marks={marks} />;
    case "result":
      return (
        <div className="flex flex-col gap-4">
          <RoundScores view={view} deck={deck} />
          <RunningTotals view={view} deck={deck} />
        </div>
      );
    case "verdict":
      return (
        <div className="flex flex-col gap-6">
          {view.verdict && (
            <div className="grid gap-6 lg:grid-cols-2">
              <VerdictSummary view={view} deck={deck} />
              <VoteChart verdict={view.verdict} />
            </div>
          )}
          <History view={view} deck={deck} />
          {room.results ? (
            <div className="flex flex-wrap gap-3">
              <Link href={`/results/${room.results}`} className="btn btn-primary text-xl">
                Open the results: essay plan and report
              </Link>
            </div>
          ) : (
            <p role="status">Filing the results…</p>
          )}
        </div>
      );
    default:
      return null;
  }
}

export function Paragraphs({ room, view }: { room: Room; view: HostView }) {
  if (!view.current) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {TEAMS.map((team) => (
        <RevealedParagraph key={team} deck={room.deck} team={team} round={view.current!} />
      ))}
    </div>
  );
}

function Roster({ room, view }: { room: Room; view: HostView }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="roster-title" className="panel flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="roster-title" className="text-xl font-bold">
          Students ({view.seats.length})
        </h2>
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide the class list" : "Show the class list"}
        </button>
        <span className="flex-1" />
        <LockButton room={room} view={view} />
      </div>
      {open && (
        <div className="grid gap-4 md:grid-cols-2">
          {TEAMS.map((team) => (
            <TeamColumn
              key={team}
              deck={room.deck}
              team={team}
              seats={view.seats}
              action={(seat) => <SeatActions room={room} view={view} seat={seat} />}
            />
          ))}
        </div>
      )}
    </section>
  );
}
