"use client";
// The projector screen. It holds the screen's view only: no hand, no draft before Reveal, no private
// vote, no secret. Everything is sized in rem, and the root size follows the window (globals.css), so
// the same layout fills 1280×720 and 1920×1080.
import type { TeamSide } from "../../../content/schema";
import type { ScreenView } from "../../../game/views";
import { ConnectionBanner, Loading, ProblemPage } from "../../_components/connection";
import { JoinInfo } from "../../_components/join-info";
import { RevealedParagraph } from "../../_components/paragraph";
import { Qr } from "../../_components/qr";
import { RoundScores, RunningTotals } from "../../_components/scores";
import { TeamColumn } from "../../_components/team-column";
import { Timer } from "../../_components/timer";
import { VerdictSummary, VoteChart } from "../../_components/verdict";
import { spacedCode, useJoinBase } from "../../_lib/join-url";
import { inRound } from "../../_lib/phases";
import { useFitToHeight } from "../../_lib/use-fit";
import { type Room, useRoom } from "../../_lib/use-room";
import { PHASE_LABEL, plural, sideLabel, TEAMS, themeTitle } from "../../_lib/words";
import { SideIcon } from "../../_components/icons";

export function ScreenRoom({ code }: { code: string }) {
  const room = useRoom({ role: "screen", code });
  const join = useJoinBase();
  if (room.problem) return <ProblemPage problem={room.problem} />;
  const view = room.view;
  if (!view) return <Loading what="Connecting to the game…" />;
  const { deck } = room;
  return (
    <div data-projector className="flex h-dvh flex-col overflow-hidden">
      <ConnectionBanner connection={room.connection} />
      <header className="flex items-center gap-6 border-b-2 border-line px-8 py-3">
        <p className="min-w-0 flex-1 text-xl font-semibold leading-snug">{deck?.question}</p>
        {view.phase !== "lobby" && (
          <p className="shrink-0 text-xl text-muted">
            Join: <strong className="tracking-widest text-ink">{spacedCode(view.code)}</strong>
          </p>
        )}
      </header>
      <main className="flex min-h-0 flex-1 flex-col gap-4 px-8 py-4">
        <h1 className="sr-only">Debate Deck projector: {PHASE_LABEL[view.phase]}</h1>
        {view.phase === "lobby" ? (
          <div className="grid min-h-0 flex-1 grid-rows-[auto_1fr] gap-4">
            <JoinInfo code={view.code} join={join} big />
            <LobbyTeams room={room} view={view} />
          </div>
        ) : (
          <Playing room={room} view={view} />
        )}
      </main>
    </div>
  );
}

/** The class arriving: names shrink to fit as the room fills (35 students must all show). */
function LobbyTeams({ room, view }: { room: Room; view: ScreenView }) {
  const ref = useFitToHeight<HTMLDivElement>(view.seats.length, 1, 0.55);
  return (
    <div ref={ref} className="grid min-h-0 grid-cols-2 items-start gap-6 overflow-hidden">
      {TEAMS.map((team) => (
        <TeamColumn
          key={team}
          deck={room.deck}
          team={team}
          seats={view.seats}
          big
          empty="Waiting for students…"
        />
      ))}
    </div>
  );
}

function RoundHeading({
  room,
  view,
  bigTimer = false,
}: {
  room: Room;
  view: ScreenView;
  bigTimer?: boolean;
}) {
  const round = inRound(view) && view.theme;
  return (
    <div className="flex items-center gap-6">
      <div className="min-w-0 flex-1">
        <p className="text-2xl font-bold uppercase tracking-wide text-muted">
          {PHASE_LABEL[view.phase]}
          {round ? ` · Round ${view.round + 1} of ${view.rounds}` : ""}
        </p>
        {round && <p className="text-5xl font-bold leading-tight">{themeTitle(room.deck, view.theme)}</p>}
      </div>
      {view.phase !== "verdict" && view.phase !== "judge" && (
        <Timer clock={view.clock} offset={room.offset} size={bigTimer ? "xl" : "md"} />
      )}
    </div>
  );
}

function Playing({ room, view }: { room: Room; view: ScreenView }) {
  const { deck } = room;
  switch (view.phase) {
    case "voteBefore":
    case "voteAfter": {
      const v = view.votes ?? { cast: 0, voters: 0 };
      return (
        <div className="flex flex-1 flex-col items-center justify-center gap-8 text-center">
          <p className="text-3xl font-bold uppercase tracking-wide text-muted">
            {view.phase === "voteBefore" ? "Before we debate" : "After the debate"}
          </p>
          <p className="max-w-[60rem] text-5xl font-bold leading-tight">{deck?.question}</p>
          <p className="text-4xl">
            Vote on your laptop: from “not at all accurate” to “completely accurate”.
          </p>
          <div className="flex items-center gap-10">
            <p className="text-6xl font-bold tabular-nums" role="status">
              {v.cast} of {plural(v.voters, "vote")}
            </p>
            <Timer clock={view.clock} offset={room.offset} size="xl" />
          </div>
        </div>
      );
    }
    case "build":
      return (
        <div className="flex flex-1 flex-col gap-6">
          <RoundHeading room={room} view={view} bigTimer />
          <p className="text-3xl">
            Each team is building its paragraph: Point, Evidence, Evidence, Explanation, Link.
          </p>
          <div className="grid grid-cols-2 gap-8">
            {TEAMS.map((team) => (
              <Progress key={team} room={room} view={view} team={team} />
            ))}
          </div>
        </div>
      );
    case "rebut":
      return (
        <div className="flex min-h-0 flex-1 flex-col gap-3">
          <RoundHeading room={room} view={view} />
          <p className="text-2xl">
            Each team is choosing one counter to answer the other side:{" "}
            {TEAMS.map((team, i) => (
              <span
                key={team}
                className={`font-bold ${team === "failure" ? "text-failure" : "text-success"}`}
              >
                {i > 0 ? " · " : ""}
                {sideLabel(deck, team)} {plural(view.progress?.[team].proposals ?? 0, "proposal")}
              </span>
            ))}
          </p>
          <BothParagraphs room={room} view={view} />
        </div>
      );
    case "reveal":
    case "judge":
      return (
        <div className="flex min-h-0 flex-1 flex-col gap-3">
          <RoundHeading room={room} view={view} />
          {view.phase === "judge" && (
            <p
              role="status"
              className="rounded-2xl bg-ink px-6 py-2 text-center text-3xl font-bold text-white"
            >
              The teacher is scoring
            </p>
          )}
          <BothParagraphs room={room} view={view} animate={view.phase === "reveal"} />
        </div>
      );
    case "result":
      return (
        <div className="flex min-h-0 flex-1 flex-col gap-4">
          <RoundHeading room={room} view={view} />
          <RoundScores view={view} deck={deck} big />
          <RunningTotals view={view} deck={deck} big />
        </div>
      );
    case "verdict":
      return (
        <div className="grid min-h-0 flex-1 grid-cols-[1fr_1fr] gap-10">
          <div className="flex min-w-0 flex-col gap-6">
            <p className="text-3xl font-bold uppercase tracking-wide text-muted">The verdict</p>
            <VerdictSummary view={view} deck={deck} big />
          </div>
          {/* The QR sits under the chart: the scores' column grows with long team names and big
              totals, and a QR pushed past the bottom of the screen cannot be scanned. */}
          <div className="flex min-h-0 min-w-0 flex-col justify-between gap-6">
            {view.verdict && <VoteChart verdict={view.verdict} big />}
            {room.results && <ResultsQr id={room.results} />}
          </div>
        </div>
      );
    default:
      return null;
  }
}

function Progress({ room, view, team }: { room: Room; view: ScreenView; team: TeamSide }) {
  const p = view.progress?.[team];
  const label = sideLabel(room.deck, team);
  return (
    <section
      aria-label={`${label} progress`}
      className={`flex flex-col gap-4 rounded-3xl p-6 ${team === "failure" ? "bg-failure-soft" : "bg-success-soft"}`}
    >
      <h2
        className={`flex items-center gap-3 text-4xl font-bold ${team === "failure" ? "text-failure" : "text-success"}`}
      >
        <SideIcon side={team} />
        {label}
      </h2>
      {p && (
        <>
          <div className="flex gap-3" aria-hidden="true">
            {Array.from({ length: p.slots }, (_, i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: pips are positions
                key={i}
                className={`h-8 flex-1 rounded-lg border-4 ${
                  i < p.filled
                    ? team === "failure"
                      ? "border-failure bg-failure"
                      : "border-success bg-success"
                    : "border-edge bg-paper"
                }`}
              />
            ))}
          </div>
          <p className="text-3xl">
            {p.filled} of {p.slots} slots proposed · {plural(p.proposals, "proposal")}
          </p>
        </>
      )}
    </section>
  );
}

function BothParagraphs({
  room,
  view,
  animate = false,
}: {
  room: Room;
  view: ScreenView;
  animate?: boolean;
}) {
  // Refit when what is shown changes: a new phase, or counters arriving.
  const ref = useFitToHeight<HTMLDivElement>(
    `${view.phase}:${view.round}:${view.current?.counters ? 1 : 0}`,
    1.4,
  );
  if (!view.current?.paragraphs) return null;
  return (
    <div ref={ref} className="grid min-h-0 flex-1 grid-cols-2 items-start gap-6 overflow-hidden">
      {TEAMS.map((team) => (
        <RevealedParagraph
          key={team}
          deck={room.deck}
          team={team}
          round={view.current!}
          size="lg"
          animate={animate}
        />
      ))}
    </div>
  );
}

function ResultsQr({ id }: { id: string }) {
  const join = useJoinBase();
  if (!join) return null;
  const url = `${join.base}/results/${id}`;
  return (
    <div className="flex items-center gap-6">
      <Qr text={url} label="QR code of the class's essay plan" className="size-44 shrink-0 rounded-xl" />
      <p className="text-2xl">
        Scan for the class's essay plan
        <span className="sr-only"> at {url}</span>
      </p>
    </div>
  );
}
