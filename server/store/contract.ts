/**
 * The Store contract: one suite every adapter must pass (memory.test.ts and sqlite.test.ts run
 * it). It pins down the behaviour the room server relies on, in the words of types.ts. Tests
 * that only make sense for one adapter (durability, batching) live in that adapter's test file.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeckRecord, GameRecord, HomeworkRecord, RoomRecord, Store } from "./types";
import { EncodedJson, MAX_PART_KEY_CHARS, StoreError } from "./types";

export interface StoreFactory {
  /** A fresh, empty store. */
  open(): Store;
  /** Called after each test, after the store was closed (remove temp folders etc.). */
  cleanup?(): void;
}

const T = 1_736_150_400_000; // 2025-01-06, a Monday morning

export function room(
  code: string,
  snapshot: unknown = { phase: "build", round: 1 },
  updatedAt = T,
): RoomRecord {
  return { code, snapshot, updatedAt };
}

export function game(id: string, overrides: Partial<GameRecord> = {}): GameRecord {
  return {
    id,
    code: "CDF346",
    finishedAt: T,
    summary: { question: "How accurate is it to say …?", winner: "failure" },
    report: { rounds: [{ theme: "output", scores: { failure: 7, success: 5 } }] },
    plan: { markdown: "# Plan\n\n## Introduction\n…" },
    deckId: null,
    homeworkId: null,
    ...overrides,
  };
}

export function deck(id: string, overrides: Partial<DeckRecord> = {}): DeckRecord {
  return {
    id,
    title: "Great Leap Forward",
    deck: { cards: [{ id: "c1", kind: "point", text: "Steel output rose in 1958" }] },
    plan: "QUESTION: How accurate …\nINTRODUCTION …",
    createdAt: T,
    ownerSecretHash: "ab".repeat(32),
    ...overrides,
  };
}

export function homework(id: string, overrides: Partial<HomeworkRecord> = {}): HomeworkRecord {
  return {
    id,
    title: "GLF homework",
    deckId: "deck_1",
    settings: { rounds: 3, bots: "medium" },
    createdAt: T,
    teacherSecretHash: "cd".repeat(32),
    ...overrides,
  };
}

const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value));

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(() => {
      store = factory.open();
    });

    afterEach(() => {
      store.close();
      factory.cleanup?.();
    });

    describe("live rooms", () => {
      it("starts empty", () => {
        expect(store.loadLiveRooms()).toEqual([]);
      });

      it("saves and loads snapshots, ordered by code", () => {
        store.saveRoom(room("QRT679", { phase: "rebut" }, T + 5));
        store.saveRoom(room("CDF346"));
        expect(store.loadLiveRooms()).toEqual([room("CDF346"), room("QRT679", { phase: "rebut" }, T + 5)]);
      });

      it("upserts: the latest snapshot wins", () => {
        store.saveRoom(room("CDF346", { v: 1 }, T));
        store.saveRoom(room("CDF346", { v: 2 }, T + 1));
        store.saveRoom(room("CDF346", { v: 3 }, T + 2));
        expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 3 }, T + 2)]);
      });

      it("deletes, and deleting a missing or malformed code does nothing", () => {
        store.saveRoom(room("CDF346"));
        store.saveRoom(room("QRT679"));
        store.deleteRoom("CDF346");
        store.deleteRoom("NOPE99");
        store.deleteRoom("");
        expect(store.loadLiveRooms().map((r) => r.code)).toEqual(["QRT679"]);
      });

      it("copies on save and on load: callers cannot mutate what is stored", () => {
        const snapshot = { hands: { s1: ["c1", "c2"] }, scores: [1, 2] };
        store.saveRoom(room("CDF346", snapshot));
        snapshot.hands.s1.push("stolen");
        const loaded = store.loadLiveRooms()[0]!;
        (loaded.snapshot as typeof snapshot).scores.push(99);
        expect(store.loadLiveRooms()[0]!.snapshot).toEqual({ hands: { s1: ["c1", "c2"] }, scores: [1, 2] });
      });

      it("round-trips any JSON value as JSON would", () => {
        fc.assert(
          fc.property(fc.jsonValue(), (value) => {
            store.saveRoom(room("CDF346", value));
            expect(store.loadLiveRooms()).toEqual([room("CDF346", viaJson(value))]);
          }),
          { numRuns: 150 },
        );
      });

      it("drops what JSON drops (undefined fields), and turns Dates into strings", () => {
        const when = new Date(T);
        store.saveRoom(room("CDF346", { a: 1, gone: undefined, when }));
        expect(store.loadLiveRooms()[0]!.snapshot).toEqual({ a: 1, when: when.toISOString() });
      });

      it("keeps a __proto__ key as plain data", () => {
        const snapshot = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}');
        store.saveRoom(room("CDF346", snapshot));
        const loaded = store.loadLiveRooms()[0]!.snapshot as Record<string, unknown>;
        expect(Object.hasOwn(loaded, "__proto__")).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });

      it("takes an entry already encoded as JSON, and gives back the value it encodes", () => {
        store.saveRoom(room("CDF346", { seats: new EncodedJson('{"s1":{"hand":["c1"]}}'), version: 3 }));
        expect(store.loadLiveRooms()).toEqual([
          room("CDF346", { seats: { s1: { hand: ["c1"] } }, version: 3 }),
        ]);
      });

      it("refuses an entry key longer than a part key may be", () => {
        store.saveRoom(room("CDF346", { v: 1 }));
        const rec = room("CDF346", { ["k".repeat(MAX_PART_KEY_CHARS + 1)]: 1 });
        expect(() => store.saveRoom(rec)).toThrow(StoreError);
        expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 1 })]);
      });

      it("keeps Unicode intact", () => {
        const snapshot = { names: ["Zoë", "李小龙", "😀 Sam", "Nguyễn"] };
        store.saveRoom(room("CDF346", snapshot));
        expect(store.loadLiveRooms()[0]!.snapshot).toEqual(snapshot);
      });

      it("refuses what it cannot keep, and keeps the previous snapshot", () => {
        store.saveRoom(room("CDF346", { v: 1 }));
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        const bad: RoomRecord[] = [
          room("CDF346", { n: 1n }),
          room("CDF346", cyclic),
          { code: "CDF346", snapshot: undefined, updatedAt: T },
          room("CDF346", () => 1),
          room("", { v: 2 }),
          room("CDF346", { v: 2 }, 1.5),
          room("CDF346", { v: 2 }, -1),
          room("CDF346", { v: 2 }, Number.NaN),
          { code: 42, snapshot: {}, updatedAt: T } as unknown as RoomRecord,
        ];
        for (const rec of bad) {
          expect(() => store.saveRoom(rec)).toThrow(StoreError);
          try {
            store.saveRoom(rec);
          } catch (err) {
            expect((err as StoreError).code).toBe("invalid_record");
          }
        }
        expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 1 })]);
      });
    });

    describe("finished games", () => {
      it("saves and gets a game with all its parts", () => {
        const g = game("game_1", { deckId: "deck_1", homeworkId: "hw_1" });
        store.saveGame(g);
        expect(store.getGame("game_1")).toEqual(g);
        expect(store.getGame("game_missing")).toBeUndefined();
        expect(store.getGame("")).toBeUndefined();
        expect(store.getGame("x".repeat(10_000))).toBeUndefined();
      });

      it("upserts by id", () => {
        store.saveGame(game("game_1", { summary: { v: 1 } }));
        store.saveGame(game("game_1", { summary: { v: 2 } }));
        expect(store.getGame("game_1")!.summary).toEqual({ v: 2 });
        expect(store.listGames({ limit: 10 })).toHaveLength(1);
      });

      it("finishRoom files the game and retires the live room together", () => {
        store.saveRoom(room("CDF346"));
        store.saveRoom(room("QRT679"));
        store.finishRoom("CDF346", game("game_1"));
        expect(store.getGame("game_1")).toEqual(game("game_1"));
        expect(store.loadLiveRooms().map((r) => r.code)).toEqual(["QRT679"]);
      });

      it("finishRoom files the game even if the room was already gone", () => {
        store.finishRoom("CDF346", game("game_1"));
        expect(store.getGame("game_1")).toEqual(game("game_1"));
      });

      it("finishRoom with a game it cannot keep changes nothing", () => {
        store.saveRoom(room("CDF346"));
        expect(() => store.finishRoom("CDF346", game("game_1", { report: { n: 1n } }))).toThrow(StoreError);
        expect(store.getGame("game_1")).toBeUndefined();
        expect(store.loadLiveRooms()).toEqual([room("CDF346")]);
      });

      it("a room saved again after finishing is live again (the caller must stop saving)", () => {
        store.saveRoom(room("CDF346", { v: 1 }));
        store.finishRoom("CDF346", game("game_1"));
        expect(store.loadLiveRooms()).toEqual([]);
        store.saveRoom(room("CDF346", { v: 2 }));
        expect(store.loadLiveRooms()).toEqual([room("CDF346", { v: 2 })]);
      });

      it("lists newest first, limited, as summaries without report or plan", () => {
        store.saveGame(game("game_a", { finishedAt: T + 1 }));
        store.saveGame(game("game_b", { finishedAt: T + 3 }));
        store.saveGame(game("game_c", { finishedAt: T + 2 }));
        store.saveGame(game("game_d", { finishedAt: T + 2 }));
        const list = store.listGames({ limit: 3 });
        expect(list.map((g) => g.id)).toEqual(["game_b", "game_d", "game_c"]);
        const { report: _r, plan: _p, ...summary } = game("game_b", { finishedAt: T + 3 });
        expect(list[0]).toEqual(summary);
        expect(list[0]).not.toHaveProperty("report");
        expect(list[0]).not.toHaveProperty("plan");
      });

      it("lists one homework set's attempts", () => {
        store.saveGame(game("game_1", { homeworkId: "hw_1", finishedAt: T + 1 }));
        store.saveGame(game("game_2", { homeworkId: "hw_2", finishedAt: T + 2 }));
        store.saveGame(game("game_3", { homeworkId: "hw_1", finishedAt: T + 3 }));
        store.saveGame(game("game_4", { finishedAt: T + 4 }));
        expect(store.listGames({ limit: 10, homeworkId: "hw_1" }).map((g) => g.id)).toEqual([
          "game_3",
          "game_1",
        ]);
        expect(store.listGames({ limit: 1, homeworkId: "hw_1" }).map((g) => g.id)).toEqual(["game_3"]);
        expect(store.listGames({ limit: 10, homeworkId: "hw_none" })).toEqual([]);
        expect(store.listGames({ limit: 10 }).map((g) => g.id)).toEqual([
          "game_4",
          "game_3",
          "game_2",
          "game_1",
        ]);
      });

      it("refuses a nonsense limit and caps a huge one", () => {
        store.saveGame(game("game_1"));
        for (const limit of [0, -1, 1.5, Number.NaN]) {
          expect(() => store.listGames({ limit })).toThrow(StoreError);
        }
        expect(store.listGames({ limit: 1e9 })).toHaveLength(1);
      });
    });

    describe("decks", () => {
      it("saves, gets, lists newest first as summaries, and deletes", () => {
        store.saveDeck(deck("deck_a", { createdAt: T + 1, title: "A" }));
        store.saveDeck(deck("deck_b", { createdAt: T + 2, title: "B", ownerSecretHash: null }));
        expect(store.getDeck("deck_a")).toEqual(deck("deck_a", { createdAt: T + 1, title: "A" }));
        expect(store.listDecks()).toEqual([
          { id: "deck_b", title: "B", createdAt: T + 2, ownerSecretHash: null },
          { id: "deck_a", title: "A", createdAt: T + 1, ownerSecretHash: "ab".repeat(32) },
        ]);
        store.deleteDeck("deck_a");
        store.deleteDeck("deck_missing");
        expect(store.getDeck("deck_a")).toBeUndefined();
        expect(store.listDecks().map((d) => d.id)).toEqual(["deck_b"]);
      });

      it("upserts by id", () => {
        store.saveDeck(deck("deck_a", { title: "Old" }));
        store.saveDeck(deck("deck_a", { title: "New" }));
        expect(store.getDeck("deck_a")!.title).toBe("New");
        expect(store.listDecks()).toHaveLength(1);
      });

      it("keeps games that used a deleted deck", () => {
        store.saveDeck(deck("deck_a"));
        store.saveGame(game("game_1", { deckId: "deck_a" }));
        store.deleteDeck("deck_a");
        expect(store.getGame("game_1")!.deckId).toBe("deck_a");
      });

      it("refuses a deck without a string plan", () => {
        expect(() => store.saveDeck(deck("deck_a", { plan: 42 as unknown as string }))).toThrow(StoreError);
        expect(store.getDeck("deck_a")).toBeUndefined();
      });
    });

    describe("homework", () => {
      it("saves and gets a set; its attempts are games with its id", () => {
        store.saveHomework(homework("hw_1"));
        store.saveHomework(homework("hw_2", { deckId: null }));
        expect(store.getHomework("hw_1")).toEqual(homework("hw_1"));
        expect(store.getHomework("hw_2")!.deckId).toBeNull();
        expect(store.getHomework("hw_missing")).toBeUndefined();
        store.finishRoom("CDF346", game("game_1", { homeworkId: "hw_1" }));
        expect(store.listGames({ limit: 5, homeworkId: "hw_1" }).map((g) => g.id)).toEqual(["game_1"]);
      });

      it("requires a teacher secret hash", () => {
        expect(() => store.saveHomework(homework("hw_1", { teacherSecretHash: "" }))).toThrow(StoreError);
        expect(() =>
          store.saveHomework(homework("hw_1", { teacherSecretHash: null as unknown as string })),
        ).toThrow(StoreError);
      });
    });

    describe("afterWrite (group commit)", () => {
      it("runs once the snapshots saved so far are written", async () => {
        const calls: string[] = [];
        store.saveRoom(room("CDF346"));
        store.afterWrite(() => calls.push("a"));
        store.saveRoom(room("QRT679"));
        store.afterWrite(() => calls.push("b"));
        store.flush();
        await Promise.resolve();
        expect(calls).toEqual(["a", "b"]);
        await Promise.resolve();
        expect(calls).toEqual(["a", "b"]); // once each
      });

      it("with nothing pending, runs on the next microtask, never synchronously", async () => {
        let called = false;
        store.afterWrite(() => {
          called = true;
        });
        expect(called).toBe(false);
        await Promise.resolve();
        expect(called).toBe(true);
      });

      it("a callback that throws does not stop the others", async () => {
        const calls: number[] = [];
        store.saveRoom(room("CDF346"));
        store.afterWrite(() => {
          throw new Error("socket gone");
        });
        store.afterWrite(() => calls.push(2));
        store.flush();
        await Promise.resolve();
        expect(calls).toEqual([2]);
      });
    });

    describe("flush and close", () => {
      it("flush can be called any time", () => {
        store.flush();
        store.saveRoom(room("CDF346"));
        store.flush();
        store.flush();
        expect(store.loadLiveRooms()).toEqual([room("CDF346")]);
      });

      it("after close every call but flush/close throws store_closed", () => {
        store.close();
        store.close();
        store.flush();
        const calls: [string, () => unknown][] = [
          ["saveRoom", () => store.saveRoom(room("CDF346"))],
          ["loadLiveRooms", () => store.loadLiveRooms()],
          ["deleteRoom", () => store.deleteRoom("CDF346")],
          ["saveGame", () => store.saveGame(game("game_1"))],
          ["finishRoom", () => store.finishRoom("CDF346", game("game_1"))],
          ["getGame", () => store.getGame("game_1")],
          ["listGames", () => store.listGames({ limit: 1 })],
          ["saveDeck", () => store.saveDeck(deck("deck_1"))],
          ["getDeck", () => store.getDeck("deck_1")],
          ["listDecks", () => store.listDecks()],
          ["deleteDeck", () => store.deleteDeck("deck_1")],
          ["saveHomework", () => store.saveHomework(homework("hw_1"))],
          ["getHomework", () => store.getHomework("hw_1")],
          ["afterWrite", () => store.afterWrite(() => {})],
        ];
        for (const [method, call] of calls) {
          let caught: unknown;
          try {
            call();
          } catch (err) {
            caught = err;
          }
          expect(caught, method).toBeInstanceOf(StoreError);
          expect((caught as StoreError).code).toBe("store_closed");
          expect((caught as StoreError).message).toBe(`store is closed: ${method}() called after close()`);
        }
      });
    });
  });
}
