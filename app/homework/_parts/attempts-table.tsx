"use client";
// Every attempt at a homework, newest first: who, which side, their score against the computer's,
// the result, when, and links to the essay plan they built and the game's report (CSV).
import Link from "next/link";
import { useState } from "react";
import { SideIcon } from "../../_components/icons";
import { downloadWithSecret } from "../../_lib/api";
import type { Attempt } from "./types";

const RESULT: Record<Attempt["result"], string> = {
  won: "Won",
  lost: "Lost",
  drew: "Drew",
  unfinished: "Not finished",
};

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function AttemptsTable({ attempts, secret }: { attempts: Attempt[]; secret: string }) {
  const [error, setError] = useState<string | null>(null);
  if (attempts.length === 0)
    return (
      <p className="rounded-xl bg-wash p-4 text-lg">No attempts yet. They appear here as students finish.</p>
    );
  const sorted = [...attempts].sort((a, b) => b.finishedAt - a.finishedAt);
  return (
    <div className="flex flex-col gap-2">
      {error && (
        <p role="alert" className="font-semibold text-failure">
          {error}
        </p>
      )}
      <div className="overflow-x-auto rounded-xl border border-line">
        <table className="w-full text-left">
          <caption className="sr-only">Attempts, newest first</caption>
          <thead className="bg-wash text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">
                Student
              </th>
              <th scope="col" className="px-3 py-2">
                Side
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Score v computer
              </th>
              <th scope="col" className="px-3 py-2">
                Result
              </th>
              <th scope="col" className="px-3 py-2">
                Finished
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Essay plan and report</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {sorted.map((a) => (
              <tr key={a.gameId}>
                <th scope="row" className="px-3 py-2 font-semibold">
                  {a.name}
                </th>
                <td className="px-3 py-2">
                  {a.side && (
                    <span
                      className={`flex items-center gap-1.5 ${a.side === "failure" ? "text-failure" : "text-success"}`}
                    >
                      <SideIcon side={a.side} />
                      {a.sideLabel}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {a.score ?? "—"} – {a.opponents ?? "—"}
                </td>
                <td className="px-3 py-2 font-semibold">{RESULT[a.result]}</td>
                <td className="px-3 py-2 text-muted">{when(a.finishedAt)}</td>
                <td className="px-3 py-2">
                  <span className="flex flex-wrap gap-2">
                    <Link
                      href={`/results/${a.gameId}`}
                      className="btn btn-quiet btn-sm"
                      aria-label={`Essay plan by ${a.name}`}
                    >
                      Essay plan
                    </Link>
                    <button
                      type="button"
                      className="btn btn-quiet btn-sm"
                      aria-label={`Report by ${a.name} (CSV)`}
                      onClick={async () =>
                        setError(
                          await downloadWithSecret(
                            `/api/games/${encodeURIComponent(a.gameId)}/report.csv`,
                            secret,
                            `report-${a.name.replace(/[^\w-]+/g, "_")}.csv`,
                          ),
                        )
                      }
                    >
                      Report (CSV)
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
