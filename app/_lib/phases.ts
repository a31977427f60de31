// Where "Next" goes from each phase: the host's controls and a practising student's control bar
// both label their button with it. The server decides what skip does; this only names it.
import type { Phase } from "../../game/types";
import type { ScreenView } from "../../game/views";

export function nextPhase(view: Pick<ScreenView, "phase" | "round" | "rounds" | "mode">): Phase | null {
  switch (view.phase) {
    case "voteBefore":
      return "build";
    case "build":
      return "reveal";
    case "reveal":
      return "rebut";
    case "rebut":
      // At home the marker scores at once: Judging passes straight to the Result.
      return view.mode === "homework" ? "result" : "judge";
    case "judge":
      return "result";
    case "result":
      return view.round + 1 < view.rounds ? "build" : "voteAfter";
    case "voteAfter":
      return "verdict";
    default:
      return null;
  }
}

/** True when the phase has a running or paused countdown (timers "off" leave it untimed). */
export function isTimed(view: Pick<ScreenView, "clock">): boolean {
  return view.clock.endsAt !== null || view.clock.pausedRemainingMs !== null;
}

/** True while a round is being played (Build to Result): the phases a "Round N of M" line is about.
 *  The closing vote and the verdict come after the last round, the opening vote before the first. */
export function inRound(view: Pick<ScreenView, "phase" | "round">): boolean {
  return view.round >= 0 && ["build", "reveal", "rebut", "judge", "result"].includes(view.phase);
}
