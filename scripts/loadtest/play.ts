// How a load-test pupil and teacher play, as pure functions of what their client was sent (the
// team view, the private part, the deck): the same moves over sockets (driver.ts) and in-process
// (scripts/bench). A pupil proposes a card from their hand that fits an open slot, votes for a
// teammate's proposal, now and then writes their own sentence, counters in Rebut and casts the
// verdict vote; the teacher configures, starts, skips and scores. No I/O here.
import type { Card } from "../../content/schema";
import { fitsSlot } from "../../game/cards";
import type { ParagraphSlot, SlotId, TeamSide } from "../../game/types";
import type { HostView, ScreenView, SeatView, TeamView } from "../../game/views";
import type { ClientCommand } from "../../server/protocol";

export const PARAGRAPH: readonly SlotId[] = ["point", "evidence1", "evidence2", "explanation", "link"];
/** Mirrors game/events.ts MAX_PROPOSALS_PER_SLOT (a full slot refuses a new card). */
const SLOT_CAP = 6;

/** A small seeded generator (mulberry32): the same seed plays the same game. */
export function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A command as a client sends it, without the action id. */
export type Command = ClientCommand extends infer C ? (C extends unknown ? Omit<C, "id"> : never) : never;

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

function other(team: TeamSide): TeamSide {
  return team === "failure" ? "success" : "failure";
}

/** What a pupil wants to do now, or null when there is nothing useful (outside Build, Rebut and
 *  the votes, or already voted). `proposed` holds the slots this pupil has put a card on this phase. */
export function pupilMove(
  view: ScreenView | null,
  me: SeatView | null,
  deck: ReadonlyMap<string, Card>,
  proposed: Set<SlotId>,
  random: () => number,
): Command | null {
  if (!view || !me || view.clock.paused) return null;
  if (view.phase === "voteBefore" || view.phase === "voteAfter")
    return me.verdictVote === null ? { type: "verdictVote", value: 1 + Math.floor(random() * 5) } : null;
  if (view.phase !== "build" && view.phase !== "rebut") return null;
  if (view.audience !== "team") return null;
  const team = view as TeamView;
  const slots: readonly SlotId[] = view.phase === "build" ? PARAGRAPH : ["counter"];
  let target: ParagraphSlot | undefined;
  if (view.phase === "rebut") {
    const theirs = view.current?.paragraphs?.[other(team.team)] ?? {};
    target = pick(Object.keys(theirs) as ParagraphSlot[], random);
    if (!target) return null;
  }
  const count = (slot: SlotId) => team.draft.filter((p) => p.slot === slot).length;
  const r = random();
  if (r < 0.45) {
    for (const { copy, card } of me.hand) {
      const c = deck.get(card);
      const slot = c && slots.find((s) => !proposed.has(s) && fitsSlot(c, s) && count(s) < SLOT_CAP);
      if (slot) {
        proposed.add(slot);
        return target ? { type: "propose", slot, copy, target } : { type: "propose", slot, copy };
      }
    }
  } else if (r < 0.5 && view.phase === "build") {
    const slot = pick(
      slots.filter((s) => count(s) < SLOT_CAP),
      random,
    );
    if (slot) return { type: "write", slot, text: `Output fell after ${1958 + Math.floor(random() * 5)}` };
  }
  // Otherwise a vote for a teammate's proposal this pupil does not already back.
  const choices = team.draft.filter((p) => p.by !== me.seat && me.votes[p.slot] !== p.id);
  const choice = pick(choices, random);
  if (choice) return { type: "support", proposal: choice.id };
  return null;
}

/** The teacher's settings for a load-test game: three themes, no phase timers (the host skips). */
export function hostSetup(view: HostView, rounds: number): Command {
  return { type: "configure", settings: { themes: view.settings.themes.slice(0, rounds), timers: "off" } };
}

/** What the teacher does when the current phase has run its course. */
export function hostAdvance(view: ScreenView, random: () => number): Command | null {
  switch (view.phase) {
    case "lobby":
      return { type: "start" };
    case "judge": {
      const marks = (): Record<string, number> =>
        Object.fromEntries(view.rubric.criteria.map((c) => [c.id, Math.floor(random() * (c.max + 1))]));
      return { type: "score", marks: { failure: marks(), success: marks() } };
    }
    case "verdict":
      return null;
    default:
      return { type: "skip" };
  }
}
