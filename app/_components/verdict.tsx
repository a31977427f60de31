// The end of the game: points, the class's vote before and after (a bar chart that also reads as a
// table), and which team moved more minds.
import type { Deck } from "../../content/schema";
import type { ScreenView, VerdictView } from "../../game/views";
import { mindsLine, plural, sideLabel, TEAMS, VERDICT_SCALE } from "../_lib/words";
import { SideIcon } from "./icons";

export function VoteChart({ verdict, big = false }: { verdict: VerdictView; big?: boolean }) {
  const most = Math.max(1, ...verdict.before, ...verdict.after);
  const bar = big ? "h-7" : "h-5";
  return (
    <figure className="min-w-0">
      <figcaption className={`mb-2 font-bold ${big ? "text-2xl" : "text-lg"}`}>
        How accurate is the statement? The class's vote
      </figcaption>
      <div className={`mb-2 flex gap-6 ${big ? "text-lg" : "text-sm"}`} aria-hidden="true">
        <span className="flex items-center gap-2">
          <span className="inline-block size-4 rounded-sm border-2 border-ink bg-paper" /> Before
        </span>
        <span className="flex items-center gap-2">
          <span className="inline-block size-4 rounded-sm bg-ink" /> After
        </span>
      </div>
      <table className={`w-full border-separate border-spacing-y-1 ${big ? "text-xl" : "text-base"}`}>
        <thead className="sr-only">
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Before and after</th>
          </tr>
        </thead>
        <tbody>
          {VERDICT_SCALE.map((label, i) => {
            const b = verdict.before[i] ?? 0;
            const a = verdict.after[i] ?? 0;
            return (
              <tr key={label}>
                <th scope="row" className="w-[38%] pr-3 text-left align-middle font-semibold">
                  {i + 1}. {label}
                </th>
                <td className="align-middle">
                  <div className="flex items-center gap-2">
                    <div
                      className={`${bar} rounded-r border-2 border-ink bg-paper`}
                      style={{ width: `${(b / most) * 80}%`, minWidth: b ? "0.5rem" : "3px" }}
                    />
                    <span className="tabular-nums">
                      {b}
                      <span className="sr-only"> before</span>
                    </span>
                  </div>
                  <div className="mt-0.5 flex items-center gap-2">
                    <div
                      className={`${bar} rounded-r bg-ink`}
                      style={{ width: `${(a / most) * 80}%`, minWidth: a ? "0.5rem" : "3px" }}
                    />
                    <span className="tabular-nums">
                      {a}
                      <span className="sr-only"> after</span>
                    </span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}

export function VerdictSummary({
  view,
  deck,
  big = false,
}: {
  view: ScreenView;
  deck: Deck | null;
  big?: boolean;
}) {
  const v = view.verdict;
  if (!v) return null;
  const by = v.decidedBy ?? "points";
  const name = v.pointsWinner ? sideLabel(deck, v.pointsWinner) : "";
  const winner = !v.pointsWinner
    ? "A draw"
    : by === "rounds"
      ? `Level on points: ${name} wins on rounds won`
      : by === "last-round"
        ? `Level on points and rounds: ${name} won the last round`
        : `${name} wins on points`;
  const minds = mindsLine(v, (team) => sideLabel(deck, team));
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <h2 className={`font-bold ${big ? "text-5xl" : "text-3xl"}`}>{winner}</h2>
      <div className="flex flex-wrap gap-4">
        {TEAMS.map((team) => (
          <div
            key={team}
            className={`flex min-w-[12rem] flex-1 flex-col rounded-2xl px-5 py-3 ${team === "failure" ? "bg-failure-soft text-failure" : "bg-success-soft text-success"}`}
          >
            <span className={`flex items-center gap-2 font-bold ${big ? "text-3xl" : "text-xl"}`}>
              <SideIcon side={team} />
              {sideLabel(deck, team)}
            </span>
            <span
              className={`whitespace-nowrap font-bold tabular-nums text-ink ${big ? "text-6xl" : "text-4xl"}`}
            >
              {plural(view.totals[team], "point")}
            </span>
            <span className={`text-ink ${big ? "text-2xl" : "text-base"}`}>
              {plural(v.moved[team], "vote")} moved its way
            </span>
          </div>
        ))}
      </div>
      <p className={`font-semibold ${big ? "text-3xl" : "text-xl"}`}>{minds}.</p>
    </div>
  );
}
