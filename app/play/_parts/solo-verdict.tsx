// The end of a game played alone: who won, both teams' points, and the student's own vote before
// and after (the class chart would be a chart of one).
import type { TeamSide } from "../../../content/schema";
import type { TeamView } from "../../../game/views";
import { SideIcon } from "../../_components/icons";
import type { Room } from "../../_lib/use-room";
import { otherTeam, plural, sideLabel, VERDICT_SCALE } from "../../_lib/words";

function ownVote(counts: number[]): string | null {
  const i = counts.findIndex((n) => n > 0);
  return i < 0 ? null : `${i + 1}. ${VERDICT_SCALE[i]}`;
}

export function SoloVerdict({ room, view, team }: { room: Room; view: TeamView; team: TeamSide }) {
  const v = view.verdict;
  if (!v) return null;
  const { deck } = room;
  const winner = v.pointsWinner;
  const title =
    winner === null ? "A draw" : winner === team ? "You won the debate" : "The computer won the debate";
  const how =
    v.decidedBy === "rounds"
      ? " (level on points: decided on rounds won)"
      : v.decidedBy === "last-round"
        ? " (decided on the last round)"
        : "";
  const before = ownVote(v.before);
  const after = ownVote(v.after);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <h2 className="text-4xl font-bold">
        {title}
        <span className="text-xl font-normal text-muted">{how}</span>
      </h2>
      <div className="flex flex-wrap gap-4">
        {[team, otherTeam(team)].map((t) => (
          <div
            key={t}
            className={`flex min-w-[14rem] flex-1 flex-col rounded-2xl px-5 py-3 ${t === "failure" ? "bg-failure-soft text-failure" : "bg-success-soft text-success"}`}
          >
            <span className="flex items-center gap-2 text-xl font-bold">
              <SideIcon side={t} />
              {sideLabel(deck, t)}
            </span>
            <span className="font-semibold text-ink">{t === team ? "Your team" : "The computer"}</span>
            <span className="text-4xl font-bold tabular-nums text-ink">
              {plural(view.totals[t], "point")}
            </span>
          </div>
        ))}
      </div>
      {(before || after) && (
        <p className="text-lg">
          Your vote on the question: before, <strong>{before ?? "none"}</strong>; after,{" "}
          <strong>{after ?? "none"}</strong>.
          {before && after && before === after ? " The debate did not change your mind." : ""}
        </p>
      )}
    </div>
  );
}
