// Test helpers: a room on a fake clock, and shorthand for who sends a command.
import type { Deck } from "../../content/schema";
import type { Actor } from "../events";
import { Room, type Scheduler } from "../room";
import type { Settings } from "../types";
import { testDeck } from "./deck";

export const HOST: Actor = { role: "host" };
export const SYSTEM: Actor = { role: "system" };
export const seat = (id: string): Actor => ({ role: "seat", seat: id });

/** A scheduler over vitest's fake timers (vi.useFakeTimers()) or any clock with timers. */
export const fakeScheduler = (): Scheduler => ({
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

export function newRoom(
  opts: {
    deck?: Deck;
    settings?: Partial<Settings>;
    mode?: "class" | "homework";
    seed?: number;
    scheduler?: Scheduler;
  } = {},
): Room {
  const scheduler = opts.scheduler ?? fakeScheduler();
  return new Room({
    scheduler,
    input: {
      code: "TEST42",
      deck: opts.deck ?? testDeck,
      mode: opts.mode ?? "class",
      seed: opts.seed ?? 7,
      createdAt: scheduler.now(),
      settings: opts.settings,
    },
  });
}

export function join(room: Room, id: string, name = id, team?: "failure" | "success") {
  return room.dispatch({ type: "join", seat: id, name, key: `key-${id}`, team }, SYSTEM);
}
