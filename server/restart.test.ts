// A restart during the lesson loses nothing: the real server process (SQLite in a temp DATA_DIR)
// is stopped mid-round — SIGTERM (flush on shutdown) or SIGKILL right after an ack (durable acks) —
// and started again on the same port. Every client reconnects by itself with the auth it already
// had and carries on with the same seat, hand, team draft, scores, phase and deadline.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cardIndex } from "../game/cards";
import type { Deck } from "../content/schema";
import type { TeamView } from "../game/views";
import type { Client } from "./testing/harness";
import { type ServerProcess, spawnServer } from "./testing/process";
import {
  closeTable,
  finishRound,
  must,
  openTable,
  playToBuild,
  proposeFromHands,
  type Table,
} from "./testing/table";

const PARAGRAPH = ["point", "evidence1", "evidence2", "explanation", "link"] as const;
const MARKS = {
  failure: { knowledge: 3, analysis: 2, evaluation: 1, structure: 1 },
  success: { knowledge: 1, analysis: 2, evaluation: 0, structure: 1 },
};

let server: ServerProcess | undefined;
let table: Table | undefined;
let dataDir = "";

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await server?.stop("SIGKILL");
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function deckOf(client: Client): Map<string, Deck["cards"][number]> {
  const frame = client.frames.find((f) => f.event === "deck");
  return cardIndex(frame?.payload as Deck);
}

/** What each person sees now, for comparing before and after the restart. */
function picture(t: Table) {
  return {
    phase: t.host.view?.phase,
    round: t.host.view?.round,
    totals: t.host.view?.totals,
    endsAt: t.host.view?.clock.endsAt,
    students: t.students.map((s) => ({
      me: { ...s.client.me, status: "present" },
      draft: ((s.client.view as TeamView | null)?.draft ?? []).map((p) => ({
        id: p.id,
        votes: p.votes,
        card: p.card,
      })),
    })),
  };
}

/** Runs `last` (an acknowledged action), then at once — no await in between — stops the server with
 *  `signal`, starts it again on the same port and data, and waits until every client has reconnected
 *  by itself and been sent a fresh view. Returns the seconds from the signal to the last client back. */
async function restart(t: Table, signal: NodeJS.Signals, last?: () => Promise<void>): Promise<number> {
  const old = server;
  if (!old) throw new Error("no server");
  await last?.();
  const stopped = old.stop(signal);
  const stoppedAt = Date.now();
  const marks = t.clients.map((c) => c.frames.length);
  await stopped;
  server = await spawnServer({ dataDir, port: old.port });
  await Promise.all(
    t.clients.map((c, i) =>
      c.until(
        (x) =>
          x.socket.connected &&
          x.frames.slice(marks[i]).some((f) => f.event === "view") &&
          (x === t.host || x === t.screen || x.frames.slice(marks[i]).some((f) => f.event === "me")),
        15_000,
      ),
    ),
  );
  return (Date.now() - stoppedAt) / 1000;
}

describe("restarting the server process mid-round", () => {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    it(`${signal}: clients come back by themselves to the same hands, draft, scores, phase and deadline`, async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-restart-"));
      server = await spawnServer({ dataDir });
      table = await openTable(server.url, { students: 4, connect: { reconnect: true } });
      await playToBuild(table, { buildMs: 120_000, revealMs: 5_000 });
      const deck = deckOf(table.host);
      await proposeFromHands(table, deck, PARAGRAPH);
      await finishRound(table, MARKS);
      await table.host.until((c) => c.view?.phase === "build" && c.view.round === 1);
      for (const s of table.students) await s.client.until((c) => c.me?.hand.length === 5);
      expect(await proposeFromHands(table, deck, PARAGRAPH)).toBeGreaterThan(0);
      const last = table.students[0];
      const wrote = await last?.client.command({
        type: "write",
        slot: "link",
        text: "Written just before the crash",
      });
      expect(wrote).toMatchObject({ ok: true });
      await last?.client.until((c) =>
        ((c.view as TeamView | null)?.draft ?? []).some((p) => p.text?.includes("crash")),
      );
      // Everyone has been sent that step before the picture is taken.
      const version = wrote?.ok ? (wrote.version ?? 0) : Number.POSITIVE_INFINITY;
      for (const c of table.clients) await c.until((x) => (x.view?.version ?? 0) >= version);
      const before = picture(table);
      expect(before.totals).toEqual({ failure: 7, success: 4 });

      // The teacher's last action is acknowledged just before the signal: an ack means it is on disk.
      const seconds = await restart(table, signal, async () => {
        expect(await table?.host.command({ type: "addTime", ms: 30_000 })).toMatchObject({ ok: true });
      });
      console.info(`[restart ${signal}] all ${table.clients.length} clients back in ${seconds.toFixed(2)} s`);
      for (const s of table.students) await s.client.until((c) => c.me?.status === "present");
      const after = picture(table);
      expect(after).toEqual({ ...before, endsAt: (before.endsAt ?? 0) + 30_000 });
      expect(
        ((last?.client.view as TeamView | null)?.draft ?? []).some(
          (p) => p.text === "Written just before the crash",
        ),
      ).toBe(true);

      // And the lesson carries on: cards, votes and the teacher's controls all work.
      const s2 = table.students[1];
      const own = ((s2?.client.view as TeamView | null)?.draft ?? [])[0];
      if (own)
        expect(await s2?.client.command({ type: "support", proposal: own.id })).toMatchObject({ ok: true });
      expect(await table.host.command({ type: "skip" })).toMatchObject({ ok: true });
      await table.screen.until((c) => c.view?.phase === "reveal");

      if (signal === "SIGKILL") {
        // Killed again mid-Reveal: the restored room re-arms the phase timer from its stored deadline.
        const endsAt = table.screen.view?.clock.endsAt ?? 0;
        await restart(table, "SIGKILL");
        await table.screen.until((c) => c.view?.phase === "rebut", 10_000);
        const drift = (table.screen.view?.clock as { endsAt: number } | undefined)
          ? table.screen.now - endsAt
          : Number.NaN;
        console.info(`[restart SIGKILL] Reveal timer fired ${drift} ms after its stored deadline`);
        expect(drift).toBeGreaterThanOrEqual(0);
        expect(drift).toBeLessThan(1_000);
      }
      await must(table.host.command({ type: "pause" }));
    }, 40_000);
  }
});

describe("restarting the server process during a vote", () => {
  it("keeps the vote open for the class to come back, and loses no vote", async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-restart-"));
    server = await spawnServer({ dataDir });
    table = await openTable(server.url, { students: 4, connect: { reconnect: true } });
    const t = table;
    await must(t.host.command({ type: "start" }));
    const [a, b, c, d] = t.students.map((s) => s.client) as [Client, Client, Client, Client];
    await must(a.command({ type: "verdictVote", value: 2 }));
    // Pupil 3's browser will be slow to find the server again; pupil 4's laptop is shut for good.
    c.socket.io.reconnection(false);
    d.close();
    t.clients = t.clients.filter((x) => x !== c && x !== d);
    // Two of four have voted (the second acknowledged just before the kill) when the server dies.
    await restart(t, "SIGKILL", () => must(b.command({ type: "verdictVote", value: 4 })));
    // Pupils 1 and 2, who have voted, are back first. The vote still waits for the other two: before,
    // the restored class was all away, and the first voter back ended the vote for everyone.
    const status = (name: string) => t.host.view?.seats.find((s) => s.name === name)?.status;
    await t.host.until(() => status("Pupil 1") === "present" && status("Pupil 2") === "present");
    expect(t.host.view?.phase).toBe("voteBefore");
    expect(a.me?.verdictVote).toBe(2);
    expect(b.me?.verdictVote).toBe(4);
    // Pupil 3 is back, votes; the vote now waits only for pupil 4 (within the restore grace).
    const seen = c.frames.length;
    c.socket.io.reconnection(true);
    c.socket.connect();
    await c.until((x) => x.socket.connected && x.frames.slice(seen).some((f) => f.event === "me"));
    expect(c.me?.status).toBe("present");
    await must(c.command({ type: "verdictVote", value: 5 }));
    await t.screen.until((x) => x.view?.votes?.cast === 3);
    expect(t.screen.view?.phase).toBe("voteBefore");
    await must(t.host.command({ type: "skip" }));
    await t.screen.until((x) => x.view?.phase === "build");
  }, 40_000);
});
