"use client";
// The small banner while the connection is lost, and the page shown when this device cannot carry on
// (no such game, an out-of-date page, removed by the teacher…), each with the one thing to do next.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Connection, RoomProblem } from "../_lib/use-room";

export function ConnectionBanner({ connection }: { connection: Connection }) {
  if (connection !== "reconnecting") return null;
  return (
    <div
      role="status"
      className="fixed inset-x-0 top-0 z-40 bg-warn px-4 py-2 text-center font-semibold text-white print:hidden"
    >
      Reconnecting… your place is kept.
    </div>
  );
}

const PROBLEM_TITLE: Record<string, string> = {
  no_room: "No game with that code",
  stale_client: "This page is out of date",
  banned: "You have been removed from this game",
  removed: "You have been taken out of the game",
  bad_secret: "This host link is not valid",
  bad_request: "Could not connect",
  room_closed: "This game has closed",
};

export function ProblemPage({ problem, action }: { problem: RoomProblem; action?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-5 p-8">
      <h1 className="text-4xl font-bold">{PROBLEM_TITLE[problem.code] ?? "Something went wrong"}</h1>
      <p className="text-xl">{problem.message}</p>
      <div className="flex flex-wrap gap-3">
        {problem.code === "stale_client" ? (
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        ) : (
          action
        )}
        <Link href="/" className="btn btn-quiet">
          Back to the start
        </Link>
      </div>
    </main>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-8">
      <p role="status" className="text-2xl text-muted">
        {what}
      </p>
    </main>
  );
}
