// The views keep the parts a step did not change (memo by identity). Proof that nothing is ever
// stale: after every step of whole class games, the views equal views built from a deep copy of
// the context (new identities everywhere, so nothing can come from a memo).
import { expect, it } from "vitest";
import { classGame } from "../scripts/bench/inproc";
import { roomViews } from "./views";

it("builds the same views with its memos as from scratch, after every step of whole games", () => {
  let steps = 0;
  let reused = 0;
  let drafts = 0;
  let proposalsKept = 0;
  let proposalsSeen = 0;
  for (const seed of [1, 2, 3]) {
    const game = classGame({ students: 12, seed, actionsPerPhase: 25 });
    let before: ReturnType<typeof roomViews> | null = null;
    for (let move = game.next(); move; move = game.next()) {
      if (!game.room.dispatch(move.command as never, move.by).ok) continue;
      const ctx = game.room.context;
      const views = roomViews(ctx, game.room.phase);
      expect(JSON.stringify(views)).toBe(JSON.stringify(roomViews(structuredClone(ctx), game.room.phase)));
      if (before && views.screen.seats === before.screen.seats) reused++;
      // A team's draft that changed keeps the views of the proposals the step did not touch.
      for (const team of ["failure", "success"] as const) {
        const was = before?.teams[team].draft;
        const now = views.teams[team].draft;
        if (!was || was === now || was.length === 0 || now.length < was.length) continue;
        drafts++;
        for (const p of now) {
          proposalsSeen++;
          if (was.includes(p)) proposalsKept++;
        }
      }
      before = views;
      steps++;
    }
    game.stop();
  }
  expect(steps).toBeGreaterThan(300);
  // And the memos do their job: most steps leave the seat list as it was.
  expect(reused).toBeGreaterThan(steps / 2);
  expect(drafts).toBeGreaterThan(50);
  expect(proposalsKept).toBeGreaterThan(proposalsSeen / 2);
});
