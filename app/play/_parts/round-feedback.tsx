"use client";
// Homework, after each round: the auto-judge's marks for the student's team, criterion by criterion
// with what earns them, and its one line per slot; the other team's total beside it.
import type { TeamSide } from "../../../content/schema";
import type { TeamView } from "../../../game/views";
import { SideIcon } from "../../_components/icons";
import { FeedbackLine } from "../../_components/scores";
import type { Room } from "../../_lib/use-room";
import { otherTeam, plural, sideLabel } from "../../_lib/words";

export function RoundFeedback({ room, view, team }: { room: Room; view: TeamView; team: TeamSide }) {
  const round = view.current;
  if (!round?.scores) return null;
  const { deck } = room;
  const criteria = view.rubric.criteria;
  const max = criteria.reduce((s, c) => s + c.max, 0);
  const total = (t: TeamSide) => Object.values(round.scores?.[t] ?? {}).reduce((s, m) => s + m, 0);
  const other = otherTeam(team);
  const ours = total(team);
  const theirs = total(other);
  return (
    <section aria-labelledby="feedback-title" className="panel flex flex-col gap-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h2 id="feedback-title" className="text-2xl font-bold">
          Your team's marks: {ours} / {max}
        </h2>
        <p className="flex items-center gap-2 text-lg">
          <SideIcon side={other} />
          {sideLabel(deck, other)} (computer players): {theirs} / {max}
          <span className="font-semibold">
            · {ours > theirs ? "you won this round" : ours < theirs ? "they won this round" : "a level round"}
          </span>
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <table className="w-full self-start">
          <caption className="sr-only">Marks per criterion</caption>
          <thead>
            <tr className="text-left text-sm text-muted">
              <th scope="col" className="pb-1">
                Criterion
              </th>
              <th scope="col" className="pb-1 text-right">
                Marks
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {criteria.map((c) => {
              const got = round.scores?.[team][c.id] ?? 0;
              const reason = round.reasons?.[team][c.id];
              return (
                <tr key={c.id}>
                  <th scope="row" className="py-1.5 pr-3 text-left align-top font-normal">
                    <span className="block font-semibold">{c.label}</span>
                    <span className="block text-sm text-muted">{c.description}</span>
                    {reason && <span className="mt-0.5 block text-sm">{reason}</span>}
                  </th>
                  <td className="whitespace-nowrap py-1.5 text-right align-top font-bold tabular-nums">
                    {got} / {c.max}
                    {got >= c.max && <span className="ml-1 text-ok">✓</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="flex flex-col gap-1">
          <h3 className="font-bold">What the marker said about your paragraph</h3>
          <ul className="flex flex-col gap-1">
            {(round.feedback?.[team] ?? []).map((f) => (
              <FeedbackLine key={f.slot} feedback={f} />
            ))}
          </ul>
          <p className="mt-2 text-muted">
            Total so far: you {plural(view.totals[team], "point")}, them {plural(view.totals[other], "point")}
            .
          </p>
        </div>
      </div>
    </section>
  );
}
