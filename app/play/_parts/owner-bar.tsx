"use client";
// A practising student runs their own game: Next (named for where it goes), Pause/Resume and
// +30 s when the phase is timed. With timers off, nothing moves on until they press Next.
import type { TeamView } from "../../../game/views";
import { isTimed, nextPhase } from "../../_lib/phases";
import type { Room } from "../../_lib/use-room";
import { PHASE_LABEL } from "../../_lib/words";

export function OwnerBar({ room, view }: { room: Room; view: TeamView }) {
  const next = nextPhase(view);
  const timed = isTimed(view);
  if (view.phase === "verdict" || view.phase === "lobby") return null;
  return (
    <section aria-label="Your game controls" className="flex flex-wrap items-center gap-2">
      {timed ? (
        <>
          {view.clock.paused ? (
            <button
              type="button"
              className="btn btn-quiet btn-sm"
              onClick={() => room.send({ type: "resume" })}
            >
              Resume
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-quiet btn-sm"
              onClick={() => room.send({ type: "pause" })}
            >
              Pause
            </button>
          )}
          <button
            type="button"
            className="btn btn-quiet btn-sm"
            onClick={() => room.send({ type: "addTime", ms: 30_000 })}
          >
            +30 s
          </button>
        </>
      ) : (
        <p className="text-sm text-muted">No timer: press Next when ready.</p>
      )}
      {next && (
        <button
          type="button"
          className="btn btn-primary"
          aria-disabled={room.pending}
          onClick={() => !room.pending && void room.send({ type: "skip" })}
        >
          Next: {PHASE_LABEL[next]}
        </button>
      )}
    </section>
  );
}
