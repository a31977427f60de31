// One team's members, in join order: the lobby on the projector, the host's roster, a student's team.
import type { ReactNode } from "react";
import type { Deck, TeamSide } from "../../content/schema";
import type { SeatSummary } from "../../game/views";
import { sideLabel } from "../_lib/words";
import { SideIcon } from "./icons";

const HEAD = { failure: "bg-failure text-white", success: "bg-success text-white" } as const;
const BODY = { failure: "bg-failure-soft", success: "bg-success-soft" } as const;

export function TeamColumn({
  deck,
  team,
  seats,
  big = false,
  empty = "Nobody yet",
  action,
}: {
  deck: Deck | null;
  team: TeamSide;
  seats: SeatSummary[];
  big?: boolean;
  empty?: string;
  /** Per-seat controls (the teacher's). */
  action?: (seat: SeatSummary) => ReactNode;
}) {
  const label = sideLabel(deck, team);
  const members = seats.filter((s) => s.team === team);
  return (
    <section
      aria-label={`${label} team`}
      className={`flex min-w-0 flex-col overflow-hidden rounded-2xl ${BODY[team]}`}
    >
      <h2
        className={`flex items-center justify-between gap-2 px-4 py-2 font-bold ${HEAD[team]} ${big ? "text-3xl" : "text-xl"}`}
      >
        <span className="flex items-center gap-2">
          <SideIcon side={team} />
          {label}
        </span>
        <span>
          {members.length}
          <span className="sr-only"> {members.length === 1 ? "player" : "players"}</span>
        </span>
      </h2>
      {members.length === 0 ? (
        <p className={`px-4 py-3 text-muted ${big ? "text-2xl" : ""}`}>{empty}</p>
      ) : (
        <ul
          className={
            big
              ? "flex flex-wrap content-start gap-[0.35em] p-[0.5em] text-[1.5em]"
              : "flex flex-col gap-1 p-2"
          }
        >
          {members.map((s) => (
            <li
              key={s.id}
              className={`flex min-w-0 flex-wrap items-center justify-between gap-2 rounded-lg bg-paper ${big ? "px-[0.5em] py-[0.15em] motion-safe:animate-deal-in" : "px-3 py-1.5"}`}
            >
              <span className="min-w-0 truncate font-semibold">
                {s.name}
                {s.status === "away" && <span className="ml-2 text-sm font-normal text-muted">(away)</span>}
              </span>
              {action?.(s)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
