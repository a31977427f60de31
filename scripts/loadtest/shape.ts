// The baseline's traffic shape when no real run precedes it (`--baseline` alone): frame sizes per
// audience from a whole class game played in-process through the real view functions (the same
// room size, the same pupils), and the action rate the pace implies.
import { allViews, classGame } from "../bench/inproc";
import type { BareShape, Pace } from "./driver";

/** Bytes a frame adds around its payload: `42["view",…]` plus `now` and `results` (or `version`). */
const VIEW_ENVELOPE = 52;
const ME_ENVELOPE = 30;

/** Actions per room per second the pace implies: pupils in Build and Rebut, every vote, the host. */
export function nominalRate(pace: Pace, students: number): number {
  const d = pace.dwell;
  const perRound = pace.rate * (d.build + d.rebut) + 5;
  const perGame = pace.rounds * perRound + 2 * students + 3;
  const seconds =
    d.voteBefore +
    d.voteAfter +
    d.verdict +
    pace.rounds * (d.build + d.reveal + d.rebut + d.judge + d.result);
  return perGame / seconds;
}

export function derivedShape(students: number, pace: Pace, gameSeconds: number): BareShape {
  const sizes: BareShape["sizes"] = { screen: [], host: [], team: [], me: [] };
  let actions = 0;
  let meFrames = 0;
  for (let seed = 1; seed <= 3; seed++) {
    const game = classGame({ students, seed, name: (i) => `Pupil ${seed}-${i + 1}` });
    let last: string[] = [];
    for (let move = game.next(); move; move = game.next()) {
      if (!game.room.dispatch(move.command as never, move.by).ok) continue;
      actions++;
      const views = allViews(game.room, game.seats);
      const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
      sizes.screen.push(bytes(views.screen) + VIEW_ENVELOPE);
      sizes.host.push(bytes(views.host) + VIEW_ENVELOPE);
      for (const t of views.teams) sizes.team.push(bytes(t) + VIEW_ENVELOPE);
      const seats = views.seats.map((s) => JSON.stringify(s));
      seats.forEach((json, i) => {
        if (json === last[i]) return;
        meFrames++;
        sizes.me.push(Buffer.byteLength(json) + ME_ENVELOPE);
      });
      last = seats;
    }
    game.stop();
  }
  return {
    rate: nominalRate(pace, students),
    sizes,
    mePerAction: meFrames / Math.max(1, actions),
    deckBytes: 23_500,
    gameSeconds,
  };
}
