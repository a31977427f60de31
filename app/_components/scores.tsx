// A round's scores per criterion with the auto-judge's feedback per slot, and the running totals.
import type { Deck, TeamSide } from "../../content/schema";
import type { Judgement } from "../../game/types";
import type { ScreenView } from "../../game/views";
import { SLOT_LABEL, sideLabel, TEAMS, themeTitle } from "../_lib/words";
import { SideIcon } from "./icons";

const HEAD = { failure: "bg-failure text-white", success: "bg-success text-white" } as const;
const EDGE = { failure: "border-failure", success: "border-success" } as const;

export function RoundScores({
  view,
  deck,
  big = false,
}: {
  view: ScreenView;
  deck: Deck | null;
  big?: boolean;
}) {
  const round = view.current;
  if (!round?.scores) return null;
  const total = (team: TeamSide) => Object.values(round.scores?.[team] ?? {}).reduce((s, m) => s + m, 0);
  const max = view.rubric.criteria.reduce((s, c) => s + c.max, 0);
  return (
    <div className={`grid min-w-0 grid-cols-1 gap-4 md:grid-cols-2 ${big ? "text-xl" : ""}`}>
      {TEAMS.map((team) => (
        <section
          key={team}
          aria-label={`${sideLabel(deck, team)} scores`}
          className={`overflow-hidden rounded-2xl border-2 ${EDGE[team]}`}
        >
          <h3
            className={`flex items-center justify-between gap-2 px-4 py-1.5 font-bold ${HEAD[team]} ${big ? "text-3xl" : "text-lg"}`}
          >
            <span className="flex items-center gap-2">
              <SideIcon side={team} />
              {sideLabel(deck, team)}
            </span>
            <span>
              {total(team)} / {max}
            </span>
          </h3>
          <table className="w-full">
            <caption className="sr-only">Marks per criterion</caption>
            <tbody className="divide-y divide-line">
              {view.rubric.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-4 py-1 text-left font-semibold">
                    {c.label}
                  </th>
                  <td className="px-4 py-1 text-right tabular-nums">
                    {round.scores?.[team][c.id] ?? 0} / {c.max}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {round.feedback && (
            <ul className={`flex flex-col gap-0.5 bg-wash px-4 py-2 ${big ? "text-lg" : "text-sm"}`}>
              {round.feedback[team].map((f) => (
                <FeedbackLine key={f.slot} feedback={f} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

export function RunningTotals({
  view,
  deck,
  big = false,
}: {
  view: ScreenView;
  deck: Deck | null;
  big?: boolean;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-x-8 gap-y-2 font-bold ${big ? "text-3xl" : "text-lg"}`}>
      <span className="text-muted">Total so far</span>
      {TEAMS.map((team) => (
        <span
          key={team}
          className={`flex items-center gap-2 ${team === "failure" ? "text-failure" : "text-success"}`}
        >
          <SideIcon side={team} />
          {sideLabel(deck, team)} {view.totals[team]}
        </span>
      ))}
    </div>
  );
}

/** Rounds played so far, one line each. */
export function History({ view, deck }: { view: ScreenView; deck: Deck | null }) {
  if (view.history.length === 0) return null;
  return (
    <table className="w-full text-left">
      <caption className="sr-only">Points per round</caption>
      <thead>
        <tr className="text-sm text-muted">
          <th scope="col" className="py-1 pr-2">
            Round
          </th>
          {TEAMS.map((t) => (
            <th key={t} scope="col" className="py-1 pr-2 text-right">
              {sideLabel(deck, t)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a theme can repeat; rounds are in order
          <tr key={`${h.theme}-${i}`} className="border-t border-line">
            <td className="py-1 pr-2">
              {i + 1}. {themeTitle(deck, h.theme)}
            </td>
            <td className="py-1 pr-2 text-right tabular-nums">{h.totals.failure}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{h.totals.success}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The marker's line on one slot: a tick or a cross (named for screen readers), the slot, the line. */
export function FeedbackLine({ feedback: f }: { feedback: Judgement["feedback"][number] }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={`font-bold ${f.ok ? "text-ok" : "text-failure"}`}>
        {f.ok ? "✓" : "✗"}
      </span>
      <span>
        <span className="font-semibold">{SLOT_LABEL[f.slot]}:</span> {f.line}
        <span className="sr-only">{f.ok ? " (good)" : " (to improve)"}</span>
      </span>
    </li>
  );
}
