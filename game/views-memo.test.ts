// The views keep the parts a step did not change (memo by identity). Proof that nothing is ever
// stale: after every step of whole class games, the views equal views built from a deep copy of
// the context (new identities everywhere, so nothing can come from a memo).
import { expect, it } from "vitest";
import { classGame } from "../scripts/bench/inproc";
import { roomViews } from "./views";

it("builds the same views with its memos as from scratch, after every step of whole games", () => {
  let steps = 0;
  let reused = 0;
  for (const seed of [1, 2, 3]) {
    const game = classGame({ students: 12, seed, actionsPerPhase: 25 });
    let before: ReturnType<typeof roomViews> | null = null;
    for (let move = game.next(); move; move = game.next()) {
      if (!game.room.dispatch(move.command as never, move.by).ok) continue;
      const ctx = game.room.context;
      const views = roomViews(ctx, game.room.phase);
      expect(JSON.stringify(views)).toBe(JSON.stringify(roomViews(structuredClone(ctx), game.room.phase)));
      if (before && views.screen.seats === before.screen.seats) reused++;
      before = views;
      steps++;
    }
    game.stop();
  }
  expect(steps).toBeGreaterThan(300);
  // And the memos do their job: most steps leave the seat list as it was.
  expect(reused).toBeGreaterThan(steps / 2);
});
