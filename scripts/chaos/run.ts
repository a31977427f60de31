// The chaos run behind `npm run chaos` and its CI test: the real server process (SQLite in a fresh
// DATA_DIR), R rooms of P seats mid-game — server-side bots and H real students — SIGKILLed in the
// middle of round 2's Build while students are acting, restarted on the same port and DATA_DIR.
// Every client reconnects by itself; every student command carries a client action id, and one not
// answered when the connection dropped is sent again with the same id once the socket is back.
//
// What is counted, precisely:
//   lost        an action acknowledged ok (before or after the kill) whose effect is not in the room
//               once the dust settles: the seat's count of applied actions of that kind (its
//               private part: cards proposed, votes cast, own sentences) is below the number of distinct
//               action ids acknowledged ok, or the text of its last acknowledged sentence for a slot
//               is not on the team's draft.
//   duplicated  an action applied more than once: a seat's count above the number of distinct ids
//               acknowledged ok, or two ok answers to one id with different versions. Each student
//               also replays, after the restart, its last action acknowledged BEFORE the kill (a page
//               that never saw the ack): the server must answer it from the recent ids it saved, not
//               apply it again.
//   handsIntact every student's hand after the restart is exactly the hand before it (Build's
//               student actions here are sentences and votes, which move no card), and every room's
//               totals and phase deadline are unchanged.
//   timerDriftMs how late (server clock, as sent in the view) each room's Build ended after the
//               restart, against the `endsAt` it had before the kill.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnServer, type ServerProcess } from "../../server/testing/process";
import { type Classroom, openClassroom } from "./classroom";
import { type ActionRecord, PARAGRAPH, type Participant, playableCard, sleep } from "./participant";
import { ownSentence, scoreAsSuggested, seeded } from "./play";

export interface ChaosOptions {
  rooms: number;
  /** Seats per room (bots fill what the real students do not). */
  players: number;
  /** Real students per room. */
  humans: number;
  /** Round 2's Build: long enough to kill, restart and check before its deadline. */
  buildMs: number;
  /** How long students act in round 2 before the kill. */
  actBeforeKillMs: number;
  /** Student actions per room per second while they act (shared by the room's real students). A
   *  class clicking hard: several times the load generator's classroom pace of 1. */
  roomRate: number;
  seed: number;
  log?: (line: string) => void;
}

export const CHAOS_DEFAULTS: ChaosOptions = {
  rooms: 10,
  players: 31,
  humans: 6,
  buildMs: 45_000,
  actBeforeKillMs: 4_000,
  roomRate: 4,
  seed: 1,
};

export interface ChaosResult {
  clients: number;
  reconnected: number;
  reconnectSeconds: { p50: number; max: number };
  lostActions: number;
  duplicatedActions: number;
  handsIntact: boolean;
  timerDriftMs: number;
  // What the figures above rest on:
  rooms: number;
  players: number;
  humans: number;
  /** SIGKILL to the new process listening. */
  restartSeconds: number;
  actions: {
    sent: number;
    ackedOk: number;
    /** Sent and unanswered when the server died. */
    inFlightAtKill: number;
    /** Created while the server was down (sent on reconnect). */
    whileDown: number;
    /** Sent more than once (the resend after reconnect). */
    resent: number;
    /** Acknowledged before the kill, deliberately sent again after it. */
    replayed: number;
  };
  scoresIntact: boolean;
  deadlinesKept: boolean;
  /** Server log lines holding a token or host secret (both processes). */
  logLeaks: number;
  problems: string[];
}

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

async function must(p: Participant, cmd: Record<string, unknown>): Promise<void> {
  const ack = await p.command(cmd);
  if (!ack.ok) throw new Error(`${p.opts.name}: ${String(cmd.type)} refused: ${ack.code} ${ack.message}`);
}

/** Round 1 played quickly (cards proposed, the teacher skips and scores), to Build of round 2. */
async function toRoundTwo(room: Classroom): Promise<void> {
  const { host, students } = room;
  await must(host, { type: "start" });
  for (const [i, s] of students.entries()) await must(s, { type: "verdictVote", value: 1 + (i % 5) });
  await host.until((h) => h.view?.phase === "build", 20_000);
  for (const s of students) {
    await s.until((p) => p.view?.phase === "build" && (p.me?.hand.length ?? 0) > 0);
    const card = playableCard(s, PARAGRAPH);
    if (card) await s.command({ type: "propose", ...card });
  }
  for (const phase of ["build", "reveal", "rebut"]) {
    await host.until((h) => h.view?.phase === phase, 20_000);
    await must(host, { type: "skip" });
  }
  await host.until((h) => h.view?.phase === "judge" && h.view.suggestion != null, 20_000);
  const scored = await scoreAsSuggested(host);
  if (!scored.ok) throw new Error(`score refused: ${scored.code}`);
  await host.until((h) => h.view?.phase === "result", 20_000);
  await must(host, { type: "skip" });
  await host.until((h) => h.view?.phase === "build" && h.view.round === 1, 20_000);
  for (const s of students) {
    await s.until((p) => p.view?.phase === "build" && p.view.round === 1 && (p.me?.hand.length ?? 0) > 0);
    const card = playableCard(s, PARAGRAPH);
    if (card) await s.command({ type: "propose", ...card });
  }
}

/** A student's sentences and votes, every `everyMs` on average, until `stop()`. */
async function act(s: Participant, everyMs: number, random: () => number, stop: () => boolean) {
  let n = 0;
  while (!stop()) {
    await sleep(everyMs * (0.5 + random()));
    if (stop()) return;
    n++;
    const theirs = (s.view?.draft ?? []).filter((d) => d.by !== s.seat);
    const vote = theirs[Math.floor(random() * theirs.length)];
    if (vote && n % 2 === 0) void s.command({ type: "support", proposal: vote.id });
    else
      void s.command({
        type: "write",
        slot: PARAGRAPH[n % PARAGRAPH.length],
        text: ownSentence(s.opts.name, n),
      });
  }
}

const firstOk = (r: ActionRecord) => (r.acks[0]?.ok ? (r.acks[0] as { ok: true; version?: number }) : null);

export async function runChaos(options: Partial<ChaosOptions> = {}): Promise<ChaosResult> {
  const o: ChaosOptions = { ...CHAOS_DEFAULTS, ...options };
  const log = o.log ?? (() => {});
  const random = seeded(o.seed);
  const problems: string[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-chaos-"));
  const processes: ServerProcess[] = [];
  const rooms: Classroom[] = [];
  try {
    processes.push(await spawnServer({ dataDir, startTimeoutMs: 30_000 }));
    const url = processes[0]?.url as string;
    log(`server on ${url}; opening ${o.rooms} rooms of ${o.players} (${o.humans} real students)`);
    // When each room's projector saw round 2's Build end: [server now, the endsAt it had].
    const buildEnded = new Map<Classroom, number>();
    for (let r = 0; r < o.rooms; r++) {
      const room = await openClassroom({
        url,
        players: o.players,
        humans: o.humans,
        tag: `c${r}`,
        settings: { buildMs: o.buildMs, revealMs: 5_000, rebutMs: 15_000, resultMs: 5_000, voteMs: 30_000 },
      });
      rooms.push(room);
      let endsAt: number | null = null;
      room.screen.socket.on(
        "view",
        (p: { view: { phase: string; round: number; clock: { endsAt: number | null } }; now: number }) => {
          if (p.view.round === 1 && p.view.phase === "build") endsAt = p.view.clock.endsAt;
          else if (p.view.round === 1 && endsAt !== null && !buildEnded.has(room))
            buildEnded.set(room, p.now - endsAt);
        },
      );
    }
    await Promise.all(rooms.map(toRoundTwo));
    const students = rooms.flatMap((r) => r.students);
    const everyone = rooms.flatMap((r) => r.all);
    log(`all rooms in round 2's Build; ${students.length} students act`);

    let stopActing = false;
    const everyMs = (1000 * o.humans) / o.roomRate;
    const acting = students.map((s) => act(s, everyMs, random, () => stopActing));
    await sleep(o.actBeforeKillMs);

    // The picture just before the kill. Hands do not move during these actions; totals and the
    // deadline do not move at all in Build.
    const hands = new Map(students.map((s) => [s, JSON.stringify(s.me?.hand ?? null)]));
    const totals = new Map(rooms.map((r) => [r, JSON.stringify(r.host.view?.totals)]));
    const deadlines = new Map(rooms.map((r) => [r, r.screen.view?.clock.endsAt ?? null]));
    const old = processes[0] as ServerProcess;
    // Each student's last click goes out in the same tick as the kill: some reach the server and are
    // applied (the ack dies with it), some never arrive; either way the page resends it.
    for (const s of students)
      void s.command({ type: "write", slot: "link", text: ownSentence(s.opts.name, 9_999) });
    for (const p of everyone) p.markInFlight();
    const killedAt = Date.now();
    const margin = Math.min(...[...deadlines.values()].map((d) => (d ?? 0) - killedAt));
    await old.stop("SIGKILL");
    const fresh = await spawnServer({ dataDir, port: old.port, startTimeoutMs: 30_000 });
    processes.push(fresh);
    const restartSeconds = (Date.now() - killedAt) / 1000;
    log(
      `SIGKILLed; new process listening after ${restartSeconds.toFixed(2)} s (deadline margin ${margin} ms)`,
    );

    const back = await Promise.allSettled(
      everyone.map((p) => p.until((x) => x.syncedAt.some((t) => t > killedAt), 30_000)),
    );
    const reconnectMs = everyone.flatMap((p) => {
      const t = p.syncedAt.find((x) => x > killedAt);
      return t === undefined ? [] : [t - killedAt];
    });
    const reconnected = back.filter((b) => b.status === "fulfilled").length;
    await sleep(1_500); // the lesson goes on for a moment after everyone is back
    stopActing = true;
    await Promise.all(acting);
    await Promise.allSettled(students.map((s) => s.until((x) => x.unanswered === 0, 15_000)));
    for (const s of students)
      if (s.unanswered > 0) problems.push(`${s.opts.name}: ${s.unanswered} actions never answered`);

    // A page that never saw its last ack before the crash sends it again.
    let replayed = 0;
    let duplicated = 0;
    for (const s of students) {
      const last = s.actions.filter((a) => firstOk(a) && (a.ackedAt ?? Infinity) < killedAt).at(-1);
      if (!last) continue;
      const again = await s.replay(last);
      replayed++;
      if (JSON.stringify(again) !== JSON.stringify(last.acks[0])) {
        duplicated++;
        problems.push(
          `${s.opts.name}: replay of ${last.id} answered ${JSON.stringify(again)}, first ${JSON.stringify(last.acks[0])}`,
        );
      }
    }

    // Settle: every client has the latest state (each seat's own counts include every ack given).
    const top = Math.max(
      0,
      ...students.flatMap((s) => s.actions.flatMap((a) => a.acks.map((k) => (k.ok ? (k.version ?? 0) : 0)))),
    );
    await Promise.all(
      rooms.map((r) =>
        r.host
          .until((h) => (h.view?.version ?? 0) >= top || r.host.view?.phase !== "build", 10_000)
          .catch(() => {}),
      ),
    );
    await sleep(300);

    let lost = 0;
    let handsIntact = true;
    for (const room of rooms) {
      const inBuild = room.host.view?.phase === "build";
      if (!inBuild) problems.push(`${room.code}: Build ended before the audit (deadline too close)`);
      for (const s of room.students) {
        const okByType = (type: string) => s.actions.filter((a) => a.type === type && firstOk(a)).length;
        const row = s.me?.stats;
        const expected = {
          proposed: okByType("propose"),
          votes: okByType("support"),
          own: okByType("write"),
        };
        for (const key of ["proposed", "votes", "own"] as const) {
          const actual = row?.[key] ?? 0;
          if (actual < expected[key]) {
            lost += expected[key] - actual;
            problems.push(`${s.opts.name}: ${key} ${actual} < ${expected[key]} acknowledged`);
          }
          if (actual > expected[key]) {
            duplicated += actual - expected[key];
            problems.push(`${s.opts.name}: ${key} ${actual} > ${expected[key]} acknowledged`);
          }
        }
        for (const a of s.actions) {
          const versions = new Set(
            a.acks.filter((k) => k.ok).map((k) => (k as { version?: number }).version),
          );
          if (versions.size > 1) {
            duplicated++;
            problems.push(`${s.opts.name}: ${a.id} answered ok with versions ${[...versions].join(", ")}`);
          }
        }
        // The last acknowledged sentence per slot is what the draft shows for this seat.
        if (inBuild) {
          const lastText = new Map<string, { text: string; version: number }>();
          for (const a of s.actions) {
            const ok = firstOk(a);
            if (a.type !== "write" || !ok) continue;
            const slot = String(a.command.slot);
            const version = ok.version ?? 0;
            if ((lastText.get(slot)?.version ?? -1) < version)
              lastText.set(slot, { text: String(a.command.text), version });
          }
          for (const [slot, { text }] of lastText) {
            const shown = (s.view?.draft ?? []).find(
              (d) => d.slot === slot && d.by === s.seat && d.text !== null,
            );
            if (shown?.text !== text) {
              lost++;
              problems.push(
                `${s.opts.name}: ${slot} shows ${JSON.stringify(shown?.text)}, last acked ${JSON.stringify(text)}`,
              );
            }
          }
        }
        if (JSON.stringify(s.me?.hand ?? null) !== hands.get(s)) {
          handsIntact = false;
          problems.push(`${s.opts.name}: hand changed across the restart`);
        }
      }
    }
    const scoresIntact = rooms.every((r) => JSON.stringify(r.host.view?.totals) === totals.get(r));
    const deadlinesKept = rooms.every(
      (r) => r.screen.view?.clock.endsAt === deadlines.get(r) || r.screen.view?.phase !== "build",
    );
    if (!scoresIntact) problems.push("totals changed across the restart");
    if (!deadlinesKept) problems.push("a Build deadline moved across the restart");

    // The restored timers: each room's Build ends by itself, on its stored deadline.
    const waitMs = Math.max(...[...deadlines.values()].map((d) => (d ?? 0) - Date.now())) + 10_000;
    await Promise.allSettled(rooms.map((r) => r.screen.until(() => buildEnded.has(r), waitMs)));
    const drift = rooms.map((r) => buildEnded.get(r) ?? Number.POSITIVE_INFINITY);

    // No token or host secret in any line either process wrote.
    const secrets = [...rooms.map((r) => r.hostSecret), ...students.map((s) => s.token ?? "")].filter(
      Boolean,
    );
    const logLeaks = processes
      .flatMap((p) => p.lines)
      .filter((line) => secrets.some((x) => line.includes(x))).length;

    const all = students.flatMap((s) => s.actions);
    return {
      clients: everyone.length,
      reconnected,
      reconnectSeconds: {
        p50: Math.round(percentile(reconnectMs, 50)) / 1000,
        max: Math.round(Math.max(...reconnectMs)) / 1000,
      },
      lostActions: lost,
      duplicatedActions: duplicated,
      handsIntact: handsIntact && scoresIntact && deadlinesKept,
      timerDriftMs: Math.max(...drift),
      rooms: o.rooms,
      players: o.players,
      humans: o.humans,
      restartSeconds,
      actions: {
        sent: all.length,
        ackedOk: all.filter((a) => firstOk(a)).length,
        inFlightAtKill: all.filter((a) => a.inFlightAtKill).length,
        whileDown: all.filter((a) => a.sentAt > killedAt && a.sentAt < killedAt + restartSeconds * 1000)
          .length,
        resent: all.filter((a) => a.sends > 1).length,
        replayed,
      },
      scoresIntact,
      deadlinesKept,
      logLeaks,
      problems,
    };
  } finally {
    for (const p of rooms.flatMap((r) => r.all)) p.close();
    for (const p of processes) await p.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}
