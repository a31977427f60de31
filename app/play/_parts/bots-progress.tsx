// Homework, during Build and Rebut: what the computer players have done so far, so a student who
// could press Next at once knows their teammates and opponents take a few seconds to choose.
import type { TeamSide } from "../../../content/schema";
import type { TeamView } from "../../../game/views";
import type { Room } from "../../_lib/use-room";
import { otherTeam, plural } from "../../_lib/words";

export function BotsProgress({ room, view, team }: { room: Room; view: TeamView; team: TeamSide }) {
  const progress = view.progress;
  if (view.mode !== "homework" || !progress) return null;
  const teammates = view.draft.filter((p) => p.by !== room.me?.seat).length;
  const opponents = progress[otherTeam(team)].proposals;
  return (
    <p className="rounded-xl bg-wash px-4 py-2">
      <span className="font-semibold">Computer players so far:</span> your teammates have made{" "}
      {plural(teammates, "proposal")}; the other team has made {plural(opponents, "proposal")}. They take a
      few seconds to choose and vote: press Next when you are ready.
    </p>
  );
}
