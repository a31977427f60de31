"use client";
// What the teacher can do to one student: move to the other team, rename, remove (may rejoin), ban
// (may not; asks first). Behind one "Manage" button per student so a class list stays calm.
import { useId, useState } from "react";
import type { HostView, SeatSummary } from "../../../game/views";
import type { Room } from "../../_lib/use-room";
import { otherTeam, sideLabel } from "../../_lib/words";

export function SeatActions({ room, seat }: { room: Room; view: HostView; seat: SeatSummary }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"menu" | "rename" | "ban">("menu");
  const [name, setName] = useState(seat.name);
  const close = () => {
    setOpen(false);
    setMode("menu");
  };
  const act = async (intent: Parameters<Room["send"]>[0]) => {
    const ack = await room.send(intent);
    if (ack.ok) close();
  };
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        className="btn btn-quiet btn-sm"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={`Manage ${seat.name}`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Manage
      </button>
      {open && (
        <div id={`${id}-panel`} className="flex w-full flex-wrap justify-end gap-2">
          {mode === "menu" && (
            <>
              <button
                type="button"
                className="btn btn-quiet btn-sm"
                onClick={() => act({ type: "move", seat: seat.id, team: otherTeam(seat.team) })}
              >
                Move to {sideLabel(room.deck, otherTeam(seat.team))}
              </button>
              <button type="button" className="btn btn-quiet btn-sm" onClick={() => setMode("rename")}>
                Rename
              </button>
              <button
                type="button"
                className="btn btn-danger btn-sm"
                onClick={() => act({ type: "remove", seat: seat.id })}
              >
                Remove
              </button>
              <button type="button" className="btn btn-danger btn-sm" onClick={() => setMode("ban")}>
                Ban
              </button>
            </>
          )}
          {mode === "rename" && (
            <form
              className="flex w-full flex-wrap gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void act({ type: "rename", seat: seat.id, name });
              }}
            >
              <label htmlFor={`${id}-name`} className="sr-only">
                New name for {seat.name}
              </label>
              <input
                id={`${id}-name`}
                className="field min-w-0 flex-1 py-1"
                value={name}
                maxLength={24}
                onChange={(e) => setName(e.target.value)}
                // biome-ignore lint/a11y/noAutofocus: opened on request to type a name
                autoFocus
              />
              <button type="submit" className="btn btn-primary btn-sm">
                Save name
              </button>
              <button type="button" className="btn btn-quiet btn-sm" onClick={() => setMode("menu")}>
                Cancel
              </button>
            </form>
          )}
          {mode === "ban" && (
            <div
              role="group"
              aria-label={`Ban ${seat.name}?`}
              className="flex w-full flex-wrap items-center justify-end gap-2"
            >
              <p className="text-sm">Ban {seat.name}? They cannot rejoin this game.</p>
              <button
                type="button"
                className="btn btn-danger btn-sm"
                onClick={() => act({ type: "ban", seat: seat.id })}
              >
                Yes, ban
              </button>
              <button type="button" className="btn btn-quiet btn-sm" onClick={() => setMode("menu")}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
