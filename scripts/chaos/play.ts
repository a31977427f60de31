// How a chaos or soak student and teacher play, from what their client was sent: a student proposes
// a card that fits an open slot, writes a sentence of their own, votes for a teammate's proposal,
// counters in Rebut and casts the verdict votes; the teacher scores what the auto-judge suggests.
import type { ParagraphSlot } from "../../game/types";
import { PARAGRAPH, type Participant, playableCard, suggestedMarks } from "./participant";

/** mulberry32: a seeded generator, so a run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined =>
  items[Math.floor(random() * items.length)];

/** A sentence nobody else writes (its text identifies the action in the audit). */
export function ownSentence(who: string, n: number): string {
  return `${who} note ${n}: output rose at first, then fell`;
}

/** What a student does now, or null when there is nothing to do (outside the votes, Build and Rebut). */
export function studentMove(p: Participant, random: () => number, n: number): Record<string, unknown> | null {
  const view = p.view;
  const me = p.me;
  if (!view || !me || view.clock.paused || view.audience !== "team") return null;
  if (view.phase === "voteBefore" || view.phase === "voteAfter")
    return me.verdictVote === null ? { type: "verdictVote", value: 1 + Math.floor(random() * 5) } : null;
  const draft = view.draft ?? [];
  const r = random();
  if (view.phase === "build") {
    const card = playableCard(p, PARAGRAPH);
    if (card && r < 0.35) return { type: "propose", ...card };
    const theirs = draft.filter((d) => d.by !== me.seat);
    const vote = pick(theirs, random);
    if (vote && r < 0.75) return { type: "support", proposal: vote.id };
    return { type: "write", slot: pick(PARAGRAPH, random), text: ownSentence(p.opts.name, n) };
  }
  if (view.phase === "rebut") {
    const other = view.team === "failure" ? "success" : "failure";
    const target = pick(Object.keys(view.current?.paragraphs?.[other] ?? {}) as ParagraphSlot[], random);
    const card = playableCard(p, ["counter"]);
    if (card && target && r < 0.5) return { type: "propose", ...card, target };
    const vote = pick(
      draft.filter((d) => d.slot === "counter"),
      random,
    );
    return vote ? { type: "support", proposal: vote.id } : null;
  }
  return null;
}

/** The teacher confirms the auto-judge's marks. */
export function scoreAsSuggested(host: Participant) {
  return host.command({ type: "score", marks: suggestedMarks(host.view) });
}
