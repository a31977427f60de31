// `npm run chaos:drops -- [--drops 5,60,180] [--json]`: one student's wifi drops for real, in real
// time, against the real server process, in a room of real students and server bots playing at the
// default pace (2-minute Build…). Not in CI (it takes as long as the drops); server/drops.test.ts
// runs the same checks on a virtual clock.
// Per drop: when the projector showed the seat away, the phases that ended while they were gone and
// how late each ended against its `endsAt` (the room must not wait for them), and on return: the
// same seat and team, and every card they held still in their hand (they play no card here).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnServer } from "../../server/testing/process";
import { openClassroom } from "./classroom";
import { type Participant, sleep } from "./participant";
import { scoreAsSuggested, seeded, studentMove } from "./play";

const { values } = parseArgs({
  options: { drops: { type: "string", default: "5,60,180" }, json: { type: "boolean", default: false } },
});
const DROPS = (values.drops ?? "").split(",").map(Number);
const say = (line: string) => process.stderr.write(`[drops] ${line}\n`);
const random = seeded(7);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-drops-"));
const server = await spawnServer({ dataDir, startTimeoutMs: 30_000 });
const room = await openClassroom({
  url: server.url,
  players: 12,
  humans: 4,
  tag: "d",
  settings: { voteMs: 30_000 },
});
const [absent, ...others] = room.students as [Participant, ...Participant[]];

// The projector's record: each phase end (server clock) against the deadline it had.
const phaseEnds: { at: number; phase: string; lateMs: number | null }[] = [];
const awayAt: number[] = [];
let lastPhase = "";
let lastEndsAt: number | null = null;
room.screen.socket.on(
  "view",
  (p: {
    view: { phase: string; clock: { endsAt: number | null }; seats: { id: string; status: string }[] };
    now: number;
  }) => {
    if (p.view.phase !== lastPhase) {
      phaseEnds.push({
        at: Date.now(),
        phase: lastPhase,
        lateMs: lastEndsAt === null ? null : p.now - lastEndsAt,
      });
      lastPhase = p.view.phase;
    }
    lastEndsAt = p.view.clock.endsAt;
    if (p.view.seats.find((s) => s.id === absent.seat)?.status === "away") awayAt.push(Date.now());
  },
);

let over = false;
const play = others.map(async (s, i) => {
  let n = 0;
  while (!over) {
    await sleep(3_000 + random() * 4_000);
    const move = studentMove(s, random, ++n + i * 1000);
    if (move) void s.command(move);
  }
});
const teacher = (async () => {
  while (!over) {
    await room.host.until((h) => h.view?.phase === "judge" || over, 3_600_000).catch(() => {});
    if (over) return;
    await sleep(3_000);
    await scoreAsSuggested(room.host);
    await room.host.until((h) => h.view?.phase !== "judge" || over, 60_000).catch(() => {});
  }
})();
// The absent student takes part before and between drops (votes, sentences), but plays no card.
const own = (async () => {
  let n = 0;
  while (!over) {
    await sleep(4_000);
    if (!absent.socket.connected || !absent.view) continue;
    if (absent.view.phase === "voteBefore" || absent.view.phase === "voteAfter") {
      if (absent.me?.verdictVote === null) void absent.command({ type: "verdictVote", value: 3 });
    } else if (absent.view.phase === "build")
      void absent.command({ type: "write", slot: "explanation", text: `Absent pupil note ${++n}` });
  }
})();

const start = await room.host.command({ type: "start" });
if (!start.ok) throw new Error(`start refused: ${start.code}`);
await absent.until((p) => p.view?.phase === "build", 120_000);
await sleep(5_000);

const results = [];
for (const seconds of DROPS) {
  // A long drop starts 20 s before a Build ends, so the room has to move on without them.
  if (seconds >= 30) {
    await absent.until((p) => p.view?.phase === "build", 600_000);
    while ((absent.view?.clock.endsAt ?? 0) - Date.now() > 20_000) await sleep(250);
  }
  const before = {
    seat: absent.me?.seat,
    team: absent.me?.team,
    hand: absent.me?.hand.map((h) => h.copy) ?? [],
  };
  const marks = { phases: phaseEnds.length, away: awayAt.length };
  // The wifi goes: the transport dies and the page cannot reconnect until it comes back.
  absent.socket.io.reconnection(false);
  const droppedAt = Date.now();
  absent.socket.io.engine.close();
  say(`drop of ${seconds} s starts (phase ${absent.view?.phase}, round ${absent.view?.round})`);
  await sleep(seconds * 1000);
  const backAt = Date.now();
  absent.socket.io.reconnection(true);
  absent.socket.connect();
  await absent.until((p) => p.syncedAt.some((t) => t > backAt) && p.me !== null, 30_000);
  await sleep(500);
  const during = phaseEnds.slice(marks.phases).filter((e) => e.at < backAt);
  const after = {
    seat: absent.me?.seat,
    team: absent.me?.team,
    hand: absent.me?.hand.map((h) => h.copy) ?? [],
  };
  const firstAway = awayAt.slice(marks.away).find((t) => t >= droppedAt);
  const result = {
    seconds,
    awayAfterS: firstAway === undefined ? null : Math.round((firstAway - droppedAt) / 100) / 10,
    backInS: Math.round(((absent.syncedAt.at(-1) ?? backAt) - backAt) / 100) / 10,
    sameSeat: after.seat === before.seat,
    sameTeam: after.team === before.team,
    handKept: before.hand.every((c) => after.hand.includes(c)),
    phasesEndedWhileAway: during.map((e) => e.phase),
    /** The latest a timed phase ended after its deadline while they were away (ms; < 0: ended early, a vote). */
    worstLateMs: Math.max(
      Number.NEGATIVE_INFINITY,
      ...during.flatMap((e) => (e.lateMs === null ? [] : [e.lateMs])),
    ),
  };
  results.push(result);
  say(JSON.stringify(result));
  await sleep(15_000);
}

over = true;
for (const p of room.all) p.close();
await Promise.race([Promise.all([...play, teacher, own]), sleep(10_000)]);
await server.stop("SIGTERM");
rmSync(dataDir, { recursive: true, force: true });
const ok = results.every((r) => r.sameSeat && r.sameTeam && r.handKept && r.worstLateMs < 1_000);
console.log(JSON.stringify({ drops: results, ok }, null, values.json ? undefined : 2));
process.exit(ok ? 0 : 1);
