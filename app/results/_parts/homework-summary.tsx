// A practice or homework game's results for its student: the score against the computer, who won,
// and "What to revise": every mark missed, weakest first, with the marker's reason.
import type { TeamSide } from "../../../content/schema";
import { SideIcon } from "../../_components/icons";
import { plural } from "../../_lib/words";

export interface RevisionLine {
  round: number;
  theme: string;
  criterion: string;
  marks: number;
  max: number;
  reason: string;
}

export interface GameSummary {
  question: string;
  mode: string;
  owner: { name: string; team: TeamSide } | null;
  totals: Record<TeamSide, number> | null;
  winner: TeamSide | null;
  revise: RevisionLine[];
}

export function HomeworkSummary({
  summary,
  sides,
}: {
  summary: GameSummary;
  sides: Record<TeamSide, string>;
}) {
  const { owner, totals } = summary;
  if (!owner) return null;
  const other: TeamSide = owner.team === "failure" ? "success" : "failure";
  const outcome =
    summary.winner === null ? "A draw" : summary.winner === owner.team ? "You won" : "The computer won";
  return (
    <>
      <section aria-labelledby="score-title" className="flex flex-col gap-3 break-inside-avoid">
        <h2 id="score-title" className="text-2xl font-bold">
          Your score: {outcome}
        </h2>
        {/* A win on equal points was decided as the verdict decides it: rounds won, then the last round. */}
        {totals && summary.winner !== null && totals.failure === totals.success && (
          <p className="text-lg">Level on points: decided on rounds won, then on the last round.</p>
        )}
        {totals && (
          <div className="flex flex-wrap gap-4">
            {[owner.team, other].map((team) => (
              <div
                key={team}
                className={`flex min-w-[14rem] flex-1 flex-col rounded-2xl px-5 py-3 print:border print:border-black ${team === "failure" ? "bg-failure-soft text-failure" : "bg-success-soft text-success"}`}
              >
                <span className="flex items-center gap-2 text-xl font-bold">
                  <SideIcon side={team} />
                  {sides[team]}
                </span>
                <span className="font-semibold text-ink">
                  {team === owner.team ? owner.name : "The computer"}
                </span>
                <span className="text-4xl font-bold tabular-nums text-ink">
                  {plural(totals[team], "point")}
                </span>
              </div>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="revise-title" className="flex flex-col gap-3">
        <h2 id="revise-title" className="text-2xl font-bold">
          What to revise
        </h2>
        {summary.revise.length === 0 ? (
          <p className="text-lg">
            Full marks in every round: nothing to revise. Try a harder level next time.
          </p>
        ) : (
          <>
            <p className="text-muted">
              Every mark your team missed, the weakest first, and what would have earned it.
            </p>
            <ol className="flex flex-col gap-2">
              {summary.revise.map((r, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list in the order the marker gave it
                  key={i}
                  className="break-inside-avoid rounded-xl border border-line px-4 py-2 print:border-black"
                >
                  <p className="flex flex-wrap gap-x-3 font-semibold">
                    <span>
                      {r.criterion}: {r.marks} / {r.max}
                    </span>
                    <span className="font-normal text-muted">
                      Round {r.round}, {r.theme}
                    </span>
                  </p>
                  <p>{r.reason}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}
