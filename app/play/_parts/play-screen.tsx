"use client";
// The joined student's screen: the top bar (team, question, round, timer), then what this phase asks
// of them. Everything they need is here, in readable type, whether or not they can see the projector.
import Link from "next/link";
import type { SeatView, TeamView } from "../../../game/views";
import { SideIcon } from "../../_components/icons";
import { RevealedParagraph } from "../../_components/paragraph";
import { History, RoundScores, RunningTotals } from "../../_components/scores";
import { TeamColumn } from "../../_components/team-column";
import { Timer } from "../../_components/timer";
import { VerdictSummary, VoteChart } from "../../_components/verdict";
import type { Room } from "../../_lib/use-room";
import {
  otherTeam,
  renamed,
  PARAGRAPH_SLOTS,
  PHASE_HINT,
  PHASE_LABEL,
  sideLabel,
  TEAMS,
  themeTitle,
} from "../../_lib/words";
import { inRound, isTimed } from "../../_lib/phases";
import { BotsProgress } from "./bots-progress";
import { Draft } from "./draft";
import { Hand } from "./hand";
import { OwnerBar } from "./owner-bar";
import { Rebuttal } from "./rebuttal";
import { RoundFeedback } from "./round-feedback";
import { SoloVerdict } from "./solo-verdict";
import { VerdictVote } from "./verdict-vote";

const TEAM_BG = { failure: "bg-failure", success: "bg-success" } as const;

export function PlayScreen({ room, view, me }: { room: Room; view: TeamView; me: SeatView }) {
  const { deck } = room;
  const team = me.team;
  // A practice game with timers off has no countdown: no empty timer either.
  const timed = view.phase !== "lobby" && view.phase !== "verdict" && (!room.owner || isTimed(view));
  const paused = view.clock.paused && view.phase !== "lobby" && view.phase !== "verdict";
  const roundLine =
    inRound(view) && view.theme
      ? `Round ${view.round + 1} of ${view.rounds}: ${themeTitle(deck, view.theme)}`
      : view.theme && view.phase === "voteBefore"
        ? `First round: ${themeTitle(deck, view.theme)}`
        : null;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-paper lg:sticky lg:top-0 lg:z-10">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-2">
          <p
            className={`flex items-center gap-2 rounded-xl px-3 py-1.5 font-bold text-white ${TEAM_BG[team]}`}
          >
            <SideIcon side={team} />
            <span>
              Team {sideLabel(deck, team)}
              <span className="sr-only">, you are {me.name}</span>
            </span>
          </p>
          <div className="min-w-0 flex-1 basis-80">
            <p className="text-sm leading-snug text-muted">{deck?.question}</p>
            <p className="font-bold leading-snug">
              {PHASE_LABEL[view.phase]}
              {roundLine && <span className="font-semibold"> · {roundLine}</span>}
            </p>
          </div>
          <p className="text-sm text-muted" aria-hidden="true">
            {me.name}
          </p>
          {timed && <Timer clock={view.clock} offset={room.offset} announce />}
          {room.owner && <OwnerBar room={room} view={view} />}
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-4 px-4 py-4">
        <h1 className="sr-only">
          Debate Deck: {PHASE_LABEL[view.phase]}, team {sideLabel(deck, team)}
        </h1>
        {paused && (
          <p role="status" className="rounded-xl bg-ink px-4 py-2 text-lg font-bold text-white">
            {room.owner
              ? "Paused: press Resume to go on."
              : "Paused by your teacher: your cards and votes wait until the game goes on."}
          </p>
        )}
        {/* While paused nothing can be played: the whole phase's controls are disabled (a native
            disabled fieldset), rather than refused by the server after a click. */}
        <fieldset disabled={paused} className="contents">
          <Phase room={room} view={view} me={me} />
        </fieldset>
      </main>
    </div>
  );
}

function Phase({ room, view, me }: { room: Room; view: TeamView; me: SeatView }) {
  const { deck } = room;
  const team = me.team;
  switch (view.phase) {
    case "lobby":
      return (
        <div className="flex flex-col gap-4">
          <p className="text-3xl font-bold">You're in, {me.name}!</p>
          {renamed(room.askedName, me.name) && (
            <p role="status" className="text-lg">
              Someone in the class already has the name “{room.askedName?.trim()}”, so you are “{me.name}”.
              Your teacher can change it.
            </p>
          )}
          <p className="text-xl">
            You're on team <strong>{sideLabel(deck, team)}</strong>. {PHASE_HINT.lobby}
          </p>
          <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
            {TEAMS.map((t) => (
              <TeamColumn key={t} deck={deck} team={t} seats={view.seats} />
            ))}
          </div>
        </div>
      );
    case "voteBefore":
    case "voteAfter":
      return (
        <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
          <VerdictVote
            room={room}
            me={me}
            question={deck?.question ?? ""}
            after={view.phase === "voteAfter"}
          />
          {view.phase === "voteBefore" && <Hand room={room} view={view} me={me} />}
        </div>
      );
    case "build":
      return (
        <>
          <BotsProgress room={room} view={view} team={team} />
          <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
            <Draft room={room} view={view} me={me} />
            <Hand room={room} view={view} me={me} slots={PARAGRAPH_SLOTS} />
          </div>
        </>
      );
    case "rebut":
      return (
        <>
          <BotsProgress room={room} view={view} team={team} />
          <Rebuttal room={room} view={view} me={me} />
        </>
      );
    case "reveal":
    case "judge":
      return (
        <div className="flex flex-col gap-4">
          <p className="text-xl">
            {view.mode === "homework" && view.phase === "judge"
              ? "The marker has scored this round. Press Next to see your marks and what it said."
              : PHASE_HINT[view.phase]}
          </p>
          {view.current && (
            <div className="grid gap-4 md:grid-cols-2">
              <RevealedParagraph deck={deck} team={team} round={view.current} heading="Your team" />
              <RevealedParagraph deck={deck} team={otherTeam(team)} round={view.current} />
            </div>
          )}
        </div>
      );
    case "result":
      return (
        <div className="flex flex-col gap-4">
          {view.mode === "homework" ? (
            <RoundFeedback room={room} view={view} team={team} />
          ) : (
            <>
              <h2 className="text-2xl font-bold">Round {view.round + 1} scores</h2>
              <RoundScores view={view} deck={deck} />
              <RunningTotals view={view} deck={deck} />
            </>
          )}
          {view.current && (
            <div className="grid gap-4 md:grid-cols-2">
              <RevealedParagraph deck={deck} team={team} round={view.current} heading="Your team" />
              <RevealedParagraph deck={deck} team={otherTeam(team)} round={view.current} />
            </div>
          )}
        </div>
      );
    case "verdict":
      return (
        <div className="flex flex-col gap-6">
          {view.mode === "homework" ? (
            <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
              <SoloVerdict room={room} view={view} team={team} />
              <History view={view} deck={deck} />
            </div>
          ) : (
            view.verdict && (
              <div className="grid gap-6 lg:grid-cols-2">
                <VerdictSummary view={view} deck={deck} />
                <VoteChart verdict={view.verdict} />
              </div>
            )
          )}
          {room.results ? (
            <Link href={`/results/${room.results}`} className="btn btn-primary self-start text-xl">
              {view.mode === "homework"
                ? "See your score, your essay plan and what to revise"
                : "See the class's essay plan"}
            </Link>
          ) : (
            <p role="status" className="text-muted">
              Filing the results…
            </p>
          )}
        </div>
      );
    default: {
      const never: never = view.phase;
      return never;
    }
  }
}
