"use client";
// The host's lobby: how to join, the class arriving in two team columns (each student manageable),
// lock, bots, the game's settings and Start.
import type { HostView } from "../../../game/views";
import { JoinInfo } from "../../_components/join-info";
import { TeamColumn } from "../../_components/team-column";
import { useJoinBase } from "../../_lib/join-url";
import type { Room } from "../../_lib/use-room";
import { plural, TEAMS } from "../../_lib/words";
import { SeatActions } from "./seat-actions";
import { Settings } from "./settings";

export function HostLobby({ room, view }: { room: Room; view: HostView }) {
  const join = useJoinBase();
  const humans = view.seats.filter((s) => !s.bot).length;
  return (
    <div className="flex flex-col gap-6">
      {room.deck && (
        <div className="flex flex-col">
          <p className="text-sm font-bold uppercase tracking-wide text-muted">The question</p>
          <p className="text-2xl font-semibold leading-snug">{room.deck.question}</p>
        </div>
      )}
      <section
        aria-label="How students join"
        className="panel flex flex-wrap items-center justify-between gap-6 p-5"
      >
        <JoinInfo code={view.code} join={join} />
        <div className="flex flex-col items-stretch gap-3">
          <p className="text-lg">
            {plural(humans, "student")} joined
            {view.seats.length > humans ? `, ${plural(view.seats.length - humans, "bot")}` : ""}
          </p>
          <button
            type="button"
            className="btn btn-primary px-8 text-2xl"
            onClick={() => room.send({ type: "start" })}
          >
            Start the game
          </button>
          <LockButton room={room} view={view} />
        </div>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        {TEAMS.map((team) => (
          <TeamColumn
            key={team}
            deck={room.deck}
            team={team}
            seats={view.seats}
            empty="Waiting for students…"
            action={(seat) => <SeatActions room={room} view={view} seat={seat} />}
          />
        ))}
      </div>
      <Settings room={room} view={view} />
    </div>
  );
}

export function LockButton({ room, view }: { room: Room; view: HostView }) {
  return (
    <button
      type="button"
      className="btn btn-quiet"
      aria-pressed={view.locked}
      onClick={() => room.send({ type: view.locked ? "unlock" : "lock" })}
    >
      {view.locked ? "🔒 Room locked: unlock" : "Lock the room"}
    </button>
  );
}
