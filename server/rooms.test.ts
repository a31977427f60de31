// The registry's promises that the socket tests cannot easily provoke: a broken engine step is
// never saved over the last good state, a failing store never throws into a room's timer, and a
// restore puts every room back as it was saved (students are marked away later, by the realtime
// layer, if their browser is not back within the grace: server/restart.test.ts).
import { describe, expect, it, vi } from "vitest";
import { seedDeck } from "../content/decks";
import { createLogger } from "./log";
import { Registry } from "./rooms";
import { readSnapshot } from "./room-record";
import { openMemoryStore } from "./store";

function setup() {
  const lines: string[] = [];
  const log = createLogger({}, { level: "debug", sink: (line) => lines.push(line) });
  const store = openMemoryStore({ log });
  const registry = new Registry({ store, log, onStep: () => {} });
  return { lines, log, store, registry };
}

describe("Registry", () => {
  it("keeps the last good snapshot when an engine step leaves the actor in error", () => {
    const { lines, store, registry } = setup();
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    expect(live.dispatch({ type: "lock" }, { role: "host" }, null)).toMatchObject({ ok: true });
    const good = JSON.stringify(store.loadLiveRooms()[0]?.snapshot);
    const real = live.room.persisted();
    vi.spyOn(live.room, "persisted").mockReturnValue({ ...(real as object), status: "error" });
    registry.save(live, null, true); // a checkpoint: the one save that reads the machine
    expect(JSON.stringify(store.loadLiveRooms()[0]?.snapshot)).toBe(good);
    expect(lines.some((l) => l.includes("last good state kept") && l.includes(`room=${live.code}`))).toBe(
      true,
    );
    live.room.stop();
  });

  it("logs instead of throwing when the store refuses a save (a timer step must not crash)", () => {
    const { lines, store, registry } = setup();
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    store.close();
    expect(() => live.dispatch({ type: "lock" }, { role: "host" }, null)).not.toThrow();
    expect(live.room.context.locked).toBe(true);
    expect(lines.some((l) => l.includes("room save failed"))).toBe(true);
    live.room.stop();
  });

  it("restores rooms as saved: students and bots present", () => {
    const { store, log, registry } = setup();
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    live.dispatch({ type: "join", seat: "s_one", name: "Ann", key: "k1" }, { role: "system" }, null);
    live.dispatch({ type: "addBot", team: null, level: "easy" }, { role: "host" }, null);
    live.room.stop();

    const again = new Registry({ store, log, onStep: () => {} });
    expect(again.restore()).toBe(1);
    const seats = Object.values(again.get(live.code)?.room.context.seats ?? {});
    expect(seats.map((s) => [s.kind, s.status])).toEqual([
      ["human", "present"],
      ["bot", "present"],
    ]);
    again.stopAll();
  });

  it("saves a shipped deck by reference and the newest action ids, and restores both", () => {
    const { store, log, registry } = setup();
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    for (let i = 0; i < 200; i++)
      live.dispatch({ type: i % 2 ? "lock" : "unlock" }, { role: "host" }, `host:act-${i}`);
    const before = structuredClone(live.room.context);
    live.room.stop();
    const saved = store.loadLiveRooms()[0]?.snapshot as Record<string, unknown>;
    expect(Object.keys(saved).filter((part) => part.includes("deck"))).toEqual(["deck"]);
    expect(saved.deck).toMatchObject({ shipped: "great-leap-industry" });
    const { recent } = readSnapshot(saved);
    // Whole buckets of 32: at least the newest 128 ids.
    expect(recent.length).toBeGreaterThanOrEqual(128);
    expect(recent.length).toBeLessThan(160);
    expect(recent.at(-1)).toEqual(["host:act-199", { ok: true, version: before.version }]);

    const again = new Registry({ store, log, onStep: () => {} });
    expect(again.restore()).toBe(1);
    const back = again.get(live.code);
    expect(back?.room.context.deck).toBe(seedDeck);
    expect(back?.room.context).toEqual(before);
    // A retry of a saved action is answered as the first time, not applied again.
    expect(back?.dispatch({ type: "lock" }, { role: "host" }, "host:act-199")).toEqual({
      ok: true,
      version: before.version,
    });
    expect(back?.room.context.version).toBe(before.version);
    again.stopAll();
  });

  it("restores rooms saved with the deck inline and whole results (the earlier form)", () => {
    const { store, log, registry } = setup();
    const { live } = registry.create({ deck: seedDeck, deckId: null, mode: "class" });
    live.dispatch({ type: "lock" }, { role: "host" }, "host:a");
    const before = structuredClone(live.room.context);
    live.room.stop();
    store.saveRoom({
      code: live.code,
      snapshot: {
        machine: live.room.persisted(),
        auth: live.auth,
        recent: [["host:a", { ok: true, version: 1 }]],
      },
      updatedAt: 1,
    });
    const again = new Registry({ store, log, onStep: () => {} });
    expect(again.restore()).toBe(1);
    expect(again.get(live.code)?.room.context).toEqual(before);
    expect(again.get(live.code)?.dispatch({ type: "unlock" }, { role: "host" }, "host:a")).toEqual({
      ok: true,
      version: 1,
    });
    again.stopAll();
  });
});
