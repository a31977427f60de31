// A room saved as a checkpoint in parts and a log of steps comes back from disk exactly as it was,
// after every step of a whole game: the part cache trusts that the engine never changes an object in
// place, the log that the engine is pure, and this is the check.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { seedDeck } from "../content/decks";
import { cardIndex } from "../game/cards";
import type { Actor } from "../game/events";
import { VirtualClock } from "../game/sim/virtual-clock";
import type { SlotId } from "../game/types";
import { hostView, screenView, seatView, teamView } from "../game/views";
import { hostAdvance, hostSetup, pupilMove, rng } from "../scripts/loadtest/play";
import { createLogger } from "./log";
import { CHECKPOINT_STEPS, readSnapshot } from "./room-record";
import { Registry } from "./rooms";
import { openMemoryStore, openSqliteStore, type SqliteStore } from "./store";

// One join code, so the game (its seed comes from the code) is the same long one at every run: with
// random codes one game in a few was too short to reach its second checkpoint.
vi.mock("./secrets", async (original) => ({
  ...(await original<typeof import("./secrets")>()),
  newJoinCode: () => "PARTS7",
}));

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
  // The entries of the snapshot the registry last handed over: what must be on disk, no more.
  let handed: string[] = [];
  const saveRoom = store.saveRoom.bind(store);
  store.saveRoom = (rec) => {
    handed = Object.keys(rec.snapshot as object).sort();
    saveRoom(rec);
  };
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
  let logged = 0;
  let checkpoints = 0;
  for (let step = 0; step < 2_000 && room.phase !== "verdict"; step++) {
    if (`${room.context.round}:${room.phase}` !== phase) {
      phase = `${room.context.round}:${room.phase}`;
      for (const set of proposed.values()) set.clear();
    }
    // A pupil with something to do (as the load test's pupils play), now and then the teacher.
    let result = null;
    for (let tries = 0; tries < 20 && !result && random() > 0.03; tries++) {
      const seat = seats[Math.floor(random() * seats.length)] as string;
      const me = seatView(room.context, room.phase, seat);
      const view = me && teamView(room.context, room.phase, me.team);
      const move = me && pupilMove(view, me, deck, proposed.get(seat) as Set<SlotId>, random);
      if (move) result = live.dispatch(move as never, { role: "seat", seat }, `${seat}:${step}`);
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
    expect(onDisk).toEqual(handed);
    const parts = new Map(Object.entries(saved?.snapshot as object).map(([k, v]) => [k, JSON.stringify(v)]));
    const rewritten = [...parts].filter(([k, json]) => before.get(k) !== json).map(([k]) => k);
    const log = onDisk.filter((k) => k.startsWith("log:"));
    expect(log.length).toBeLessThanOrEqual(CHECKPOINT_STEPS);
    if (before.size === 0) {
      // The first step checked: nothing to compare with yet.
    } else if (log.length > 0) {
      // A logged step: one new part, its entry.
      expect(rewritten).toEqual([log.sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))).at(-1)]);
      logged++;
    } else {
      // A checkpoint: what changed since the last one, not the whole room again; a team's proposals
      // one part each (a vote rewrites the proposal it backs, not the list).
      expect(rewritten.length).toBeLessThan(parts.size);
      expect(onDisk.filter((k) => k.startsWith('ctx=["teams"') && k.includes('"proposals"'))).toEqual(
        onDisk.filter((k) => /^ctx=\["teams","(failure|success)","proposals",\d+\]$/.test(k)),
      );
      checkpoints++;
    }
    before = parts;
    checked++;
  }
  console.log(
    `[room parts] ${checked} steps checked (${logged} logged, ${checkpoints} checkpoints); at most ${partsPerStep} parts written in one step`,
  );
  expect(room.phase).toBe("verdict");
  expect(checked).toBeGreaterThan(2 * CHECKPOINT_STEPS);
  expect(checkpoints).toBeGreaterThanOrEqual(Math.floor(checked / (CHECKPOINT_STEPS + 1)));
  expect(logged).toBeGreaterThan(checkpoints * (CHECKPOINT_STEPS - 1));
  room.stop();
});

function memoryRoom() {
  const lines: string[] = [];
  const log = createLogger({}, { level: "debug", sink: (line) => lines.push(line) });
  const store = openMemoryStore({ log });
  const registry = new Registry({ store, log, onStep: () => {} });
  const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
  for (let i = 0; i < 6; i++)
    live.dispatch(
      { type: "join", seat: `s_p${i}`, name: `Pupil ${i}`, key: `k${i}` },
      { role: "system" },
      `join-${i}`,
    );
  return { lines, log, store, registry, live };
}

const saved = (store: ReturnType<typeof openMemoryStore>) =>
  store.loadLiveRooms()[0]?.snapshot as Record<string, unknown>;

it("replays a logged step only if it gives the version it gave: else the room comes back as of the step before, and says so", () => {
  const { lines, log, store, live } = memoryRoom();
  const snapshot = saved(store);
  expect(Object.keys(snapshot).filter((k) => k.startsWith("log:"))).toHaveLength(6);
  // The fourth join's entry, as if the engine now gave another version for it.
  const fourth = snapshot["log:3"] as { v: number };
  store.saveRoom({
    code: live.code,
    snapshot: { ...snapshot, "log:3": { ...fourth, v: fourth.v + 7 } },
    updatedAt: 1,
  });
  live.room.stop();
  const back = readSnapshot(saved(store));
  expect(back.replayStopped).toMatch(/step 4 gave version/);
  const seats = Object.keys((back.machine.context as { seats: object }).seats);
  expect(seats).toEqual(["s_p0", "s_p1", "s_p2"]);
  expect(back.recent.map(([key]) => key)).toEqual(["join-0", "join-1", "join-2"]);
  const again = new Registry({ store, log, onStep: () => {} });
  expect(again.restore()).toBe(1);
  expect(lines.some((l) => l.includes("room restored without the end of its step log"))).toBe(true);
  again.stopAll();
});

it("reads rooms saved in parts without a log (the format before it), and checkpoints at shutdown", () => {
  const { store, registry, live } = memoryRoom();
  const { deck, ...rest } = live.room.context;
  registry.stopAll();
  const snapshot = saved(store);
  // A checkpoint at shutdown: a restart (perhaps of a newer version) replays nothing.
  expect(Object.keys(snapshot).filter((k) => k.startsWith("log:"))).toEqual([]);
  const back = readSnapshot({ ...snapshot, format: 2 });
  const { deck: backDeck, ...backRest } = back.machine.context;
  expect(JSON.stringify(backRest)).toBe(JSON.stringify(rest));
  expect(backDeck).toBe(deck);
  expect(back.replayStopped).toBeUndefined();
  expect(back.recent.map(([key]) => key)).toEqual([
    "join-0",
    "join-1",
    "join-2",
    "join-3",
    "join-4",
    "join-5",
  ]);
});

it("stops the replay at a damaged log entry, and at an event the machine cannot take", () => {
  const { store, live } = memoryRoom();
  const snapshot = saved(store);
  live.room.stop();
  const garbage = readSnapshot({ ...snapshot, "log:2": "not an entry", "log:4": 42 });
  expect(garbage.replayStopped).toBe("step 3 is not readable");
  expect(Object.keys((garbage.machine.context as { seats: object }).seats)).toEqual(["s_p0", "s_p1"]);
  const third = snapshot["log:2"] as { e: object; v: number };
  const unknown = readSnapshot({ ...snapshot, "log:2": { ...third, e: { type: "nonsense", by: null } } });
  expect(unknown.replayStopped).toMatch(/^step 3 /);
  expect(Object.keys((unknown.machine.context as { seats: object }).seats)).toEqual(["s_p0", "s_p1"]);
  expect(unknown.recent.map(([key]) => key)).toEqual(["join-0", "join-1"]);
});
