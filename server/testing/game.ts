// A whole class game driven by scripted clients over real sockets: students propose cards from
// their hands, write their own sentences, vote on teammates' proposals and counter the other team;
// the teacher moves a student mid-round, skips and scores. Used by the leak audit and the log audit,
// which then inspect everything that was sent or logged.
import type { Card, Deck } from "../../content/schema";
import { cardIndex } from "../../game/cards";
import type { SlotId } from "../../game/types";
import type { TeamView } from "../../game/views";
import type { Client } from "./harness";
import { must, playable, type Table } from "./table";

const PARAGRAPH: readonly SlotId[] = ["point", "evidence1", "evidence2", "explanation", "link"];

function deckOf(client: Client): Map<string, Card> {
  return cardIndex(client.frames.find((f) => f.event === "deck")?.payload as Deck);
}

function draftOf(client: Client): TeamView["draft"] {
  return (client.view as TeamView | null)?.draft ?? [];
}

async function waitPhase(table: Table, phase: string): Promise<void> {
  await table.host.until((c) => c.view?.phase === phase);
  for (const s of table.students) await s.client.until((c) => c.view?.phase === phase);
}

/** Every student plays: a card for a slot that fits, a sentence of their own now and then, and a
 *  vote for a teammate's proposal. Refusals (a slot already full…) are part of play. */
async function buildTurn(table: Table, deck: Map<string, Card>, slots: readonly SlotId[], round: number) {
  for (const [i, s] of table.students.entries()) {
    const play = playable(s.client, deck, slots);
    if (play) {
      const target = slots[0] === "counter" ? counterTarget(s.client) : undefined;
      if (slots[0] !== "counter" || target) await s.client.command({ type: "propose", ...play, target });
    }
    if ((i + round) % 3 === 0 && slots[0] !== "counter")
      await s.client.command({
        type: "write",
        slot: slots[(i + round) % slots.length],
        text: `Pupil ${i} says: output fell`,
      });
  }
  for (const s of table.students) {
    await s.client.until((c) => c.view?.audience === "team");
    const theirs = draftOf(s.client).find((p) => p.by !== s.seat);
    if (theirs) await s.client.command({ type: "support", proposal: theirs.id });
  }
}

/** A slot the other team filled, for a counter to answer. */
function counterTarget(client: Client): string | undefined {
  const view = client.view as TeamView | null;
  const other = view?.team === "failure" ? "success" : "failure";
  const paragraph = view?.current?.paragraphs?.[other] ?? {};
  return Object.keys(paragraph)[0];
}

export async function playWholeGame(table: Table): Promise<void> {
  const themes = (table.host.view as { settings: { themes: string[] } } | null)?.settings.themes ?? [];
  await must(table.host.command({ type: "configure", settings: { themes: themes.slice(0, 3) } }));
  await must(table.host.command({ type: "start" }));
  for (const [i, s] of table.students.entries())
    await must(s.client.command({ type: "verdictVote", value: 1 + (i % 5) }));
  const deck = deckOf(table.host);
  for (let round = 0; round < 3; round++) {
    await waitPhase(table, "build");
    for (const s of table.students) await s.client.until((c) => (c.me?.hand.length ?? 0) > 0);
    await buildTurn(table, deck, PARAGRAPH, round);
    if (round === 1) {
      // The teacher balances the teams mid-round: the moved student's groups must follow.
      const moved = table.students[0];
      const team = moved?.client.me?.team === "failure" ? "success" : "failure";
      await must(table.host.command({ type: "move", seat: moved?.seat, team }));
      await moved?.client.until((c) => c.me?.team === team && (c.view as TeamView | null)?.team === team);
      await buildTurn(table, deck, PARAGRAPH, round + 1);
    }
    await must(table.host.command({ type: "skip" }));
    await waitPhase(table, "reveal");
    await must(table.host.command({ type: "skip" }));
    await waitPhase(table, "rebut");
    await buildTurn(table, deck, ["counter"], round);
    await must(table.host.command({ type: "skip" }));
    await table.host.until((c) => c.view?.phase === "judge");
    const marks = { knowledge: 2, analysis: 1 + (round % 2), evaluation: 1, structure: 1 };
    await must(
      table.host.command({ type: "score", marks: { failure: marks, success: { ...marks, knowledge: 1 } } }),
    );
    await table.host.until((c) => c.view?.phase === "result");
    await must(table.host.command({ type: "skip" }));
  }
  await waitPhase(table, "voteAfter");
  for (const [i, s] of table.students.entries())
    await must(s.client.command({ type: "verdictVote", value: 5 - (i % 5) }));
  await table.screen.until((c) => c.view?.phase === "verdict" && c.results !== null);
}
