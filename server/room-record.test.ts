// A room saved in parts comes back from disk exactly as it was, after every step of a whole game:
// the part cache trusts that the engine never changes an object in place, and this is the check.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { seedDeck } from "../content/decks";
import { cardIndex } from "../game/cards";
import type { Actor } from "../game/events";
import { VirtualClock } from "../game/sim/virtual-clock";
import type { SlotId } from "../game/types";
import { hostView, screenView, seatView, teamView } from "../game/views";
import { hostAdvance, hostSetup, pupilMove, rng } from "../scripts/loadtest/play";
import { createLogger } from "./log";
import { readSnapshot } from "./room-record";
import { Registry } from "./rooms";
import { openSqliteStore, type SqliteStore } from "./store";

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("brings a room back from its parts on disk exactly as it was, after every step of a whole game", () => {
  const dir = mkdtempSync(join(tmpdir(), "debate-deck-parts-"));
  dirs.push(dir);
  const log = createLogger({}, { level: "warn", sink: () => {} });
  const store = openSqliteStore({ dir, batchMs: 60_000, log });
  stores.push(store);
  const clock = new VirtualClock(1_700_000_000_000);
  const registry = new Registry({ store, log, scheduler: clock, onStep: () => {} });
  const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
  const room = live.room;
  const seats: string[] = [];
  for (let i = 0; i < 10; i++) {
    const seat = `s_seat${i}`;
    expect(
      live.dispatch({ type: "join", seat, name: `Pupil ${i}`, key: `k${i}` }, { role: "system" }, null),
    ).toMatchObject({ ok: true });
    live.issueToken(seat, clock.now());
    seats.push(seat);
  }
  const host: Actor = { role: "host" };
  expect(live.dispatch(hostSetup(hostView(room.context, room.phase), 3) as never, host, null)).toMatchObject({
    ok: true,
  });

  const random = rng(7);
  const deck = cardIndex(seedDeck);
  const proposed = new Map(seats.map((s) => [s, new Set<SlotId>()]));
  let phase = "";
  let checked = 0;
  let written = store.stats().writtenParts;
  let partsPerStep = 0;
  let before = new Map<string, string>();
  let supports = 0;
  for (let step = 0; step < 2_000 && room.phase !== "verdict"; step++) {
    if (`${room.context.round}:${room.phase}` !== phase) {
      phase = `${room.context.round}:${room.phase}`;
      for (const set of proposed.values()) set.clear();
    }
    // A pupil with something to do (as the load test's pupils play), now and then the teacher.
    let result = null;
    let type = "";
    for (let tries = 0; tries < 20 && !result && random() > 0.03; tries++) {
      const seat = seats[Math.floor(random() * seats.length)] as string;
      const me = seatView(room.context, room.phase, seat);
      const view = me && teamView(room.context, room.phase, me.team);
      const move = me && pupilMove(view, me, deck, proposed.get(seat) as Set<SlotId>, random);
      if (move) result = live.dispatch(move as never, { role: "seat", seat }, `${seat}:${step}`);
      if (move) type = move.type;
    }
    if (!result) {
      const cmd = hostAdvance(screenView(room.context, room.phase), random);
      if (cmd) result = live.dispatch(cmd as never, host, `host:${step}`);
    }
    if (!result?.ok) continue;
    if ((room.phase as string) === "verdict") break; // filed as a finished game: no longer a live room
    store.flush();
    partsPerStep = Math.max(partsPerStep, store.stats().writtenParts - written);
    written = store.stats().writtenParts;
    const [saved] = store.loadLiveRooms();
    const back = readSnapshot(saved?.snapshot);
    // JSON text, so key order counts too (the shipped deck comes back by reference, at the end).
    const { deck: savedDeck, ...saved_ } = back.machine.context;
    const { deck: liveDeck, ...live_ } = room.context;
    expect(JSON.stringify(saved_)).toBe(JSON.stringify(live_));
    expect(savedDeck).toBe(liveDeck);
    expect(back.auth).toEqual(live.auth);
    // Exactly the room's parts: none that a step removed is left on disk (it saves only what changed).
    const onDisk = Object.keys(saved?.snapshot as object).sort();
    expect(onDisk).toEqual(Object.keys(live.record() ?? {}).sort());
    // A vote for a proposal rewrites that proposal's part (and the one the vote left), not its
    // team's list of proposals.
    const parts = new Map(Object.entries(saved?.snapshot as object).map(([k, v]) => [k, JSON.stringify(v)]));
    const rewritten = [...parts].filter(([k, json]) => before.get(k) !== json).map(([k]) => k);
    if (result.ok && type === "support") {
      const proposals = rewritten.filter((k) => k.includes('"proposals"'));
      expect(proposals.length).toBeLessThanOrEqual(2); // the one it backs, and the one it left
      expect(proposals.every((k) => /^ctx=\["teams","(failure|success)","proposals",\d+\]$/.test(k))).toBe(
        true,
      );
      supports++;
    }
    before = parts;
    checked++;
  }
  console.log(`[room parts] ${checked} steps checked; at most ${partsPerStep} parts written in one step`);
  expect(room.phase).toBe("verdict");
  expect(checked).toBeGreaterThan(100);
  expect(supports).toBeGreaterThan(10);
  // A step writes what it changed, never the whole room again (the room has well over 60 parts).
  expect(partsPerStep).toBeLessThan(40);
  room.stop();
});
