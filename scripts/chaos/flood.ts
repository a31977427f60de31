// One pupil flooding the server (50 events a second, every one a real action that would change the
// room and be broadcast if it got through) while other rooms play: is the flooder throttled and told
// so, and do the other rooms notice? Latency is measured per action in the other rooms — from emit
// until every member of that room (teacher, projector, students) holds the resulting view — in
// alternating windows without and with the flooder in the same run, so a noisy machine moves both
// sides alike; windows are compared by their medians.
import { type Classroom, openClassroom } from "./classroom";
import { type Participant, sleep } from "./participant";
import { ownSentence } from "./play";

export interface FloodOptions {
  url: string;
  /** Rooms besides the flooder's. */
  rooms: number;
  /** Real students per other room. */
  students: number;
  /** Windows of each kind (off, on, off, on…). */
  windows: number;
  windowMs: number;
  /** The flooder's events per second. */
  floodPerSecond: number;
  /** Gap between one room's probe actions. */
  probeEveryMs: number;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  /** Median over windows of each window's p95: what the comparison uses. */
  medianWindowP95: number;
}

export interface FloodResult {
  without: LatencySummary;
  with: LatencySummary;
  /** with / without, on the median of window p95s (and of p50s). */
  p95Ratio: number;
  p50Ratio: number;
  flooder: { sent: number; answered: number; rateLimited: number; applied: number; notices: number };
  others: { actions: number; ok: number; refused: number; rateLimited: number; notices: number };
}

const pct = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const median = (values: number[]) => pct(values, 50);

export async function toBuild(room: Classroom): Promise<void> {
  const ack = await room.host.command({ type: "start" });
  if (!ack.ok) throw new Error(`start refused: ${ack.code}`);
  for (const s of room.students) await s.command({ type: "verdictVote", value: 3 });
  await Promise.all(room.all.map((p) => p.until((x) => x.view?.phase === "build", 15_000)));
}

/** One action in a room, timed until every member has the view it produced. */
async function probe(
  room: Classroom,
  by: Participant,
  n: number,
): Promise<{ ms: number; ok: boolean; code?: string }> {
  const started = performance.now();
  const ack = await by.command({ type: "write", slot: "point", text: ownSentence(by.opts.name, n) });
  if (!ack.ok) return { ms: performance.now() - started, ok: false, code: ack.code };
  const version = ack.version ?? 0;
  await Promise.all(room.all.map((p) => p.until((x) => (x.view?.version ?? 0) >= version, 10_000)));
  return { ms: performance.now() - started, ok: true };
}

/** A pupil sending `perSecond` writes a second until `stop()`; counts what came back. */
export function startFlooder(flooder: Participant, perSecond: number) {
  const tally = { sent: 0, answered: 0, rateLimited: 0, applied: 0 };
  let running = true;
  const started = performance.now();
  const done = (async () => {
    while (running) {
      // Catch up to the rate on a late timer: 50 a second means 50 a second, on a busy machine too.
      const due = Math.floor(((performance.now() - started) * perSecond) / 1000);
      while (tally.sent < due) {
        const k = ++tally.sent;
        const slot = ["point", "evidence1", "explanation", "link"][k % 4];
        void flooder.command({ type: "write", slot, text: ownSentence("flood", k) }).then((ack) => {
          tally.answered++;
          if (ack.ok) tally.applied++;
          else if (ack.code === "rate_limited") tally.rateLimited++;
        });
      }
      await sleep(Math.max(1, 1000 / perSecond));
    }
  })();
  return {
    tally,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export async function measureFlood(o: FloodOptions): Promise<FloodResult> {
  const settings = { buildMs: 900_000 };
  const base = { url: o.url, settings, record: false };
  const floodRoom = await openClassroom({ ...base, players: 2, humans: 2, tag: "flood" });
  const rooms: Classroom[] = [];
  for (let r = 0; r < o.rooms; r++)
    rooms.push(await openClassroom({ ...base, players: o.students, humans: o.students, tag: `q${r}` }));
  await Promise.all([floodRoom, ...rooms].map(toBuild));
  const flooder = floodRoom.students[0] as Participant;
  const notices = (p: Participant) => {
    let count = 0;
    p.socket.on("notice", (n: { code: string }) => {
      if (n.code === "rate_limited") count++;
    });
    return () => count;
  };
  const flooderNotices = notices(flooder);
  const othersNotices = rooms.flatMap((r) => r.students.map(notices));

  const samples: { window: number; flooding: boolean; ms: number }[] = [];
  const others = { actions: 0, ok: 0, refused: 0, rateLimited: 0 };
  const tally = { sent: 0, answered: 0, rateLimited: 0, applied: 0 };
  let window = 0;
  let flooding = false;
  let running = true;

  const probers = rooms.map(async (room, r) => {
    let n = 0;
    while (running) {
      const by = room.students[n % room.students.length] as Participant;
      const w = window;
      const f = flooding;
      const result = await probe(room, by, ++n);
      others.actions++;
      if (result.ok) {
        others.ok++;
        if (w === window) samples.push({ window: w, flooding: f, ms: result.ms });
      } else if (result.code === "rate_limited") others.rateLimited++;
      else others.refused++;
      await sleep(o.probeEveryMs * (0.75 + ((n * 7 + r * 13) % 10) / 20));
    }
  });

  for (let i = 0; i < 2 * o.windows; i++) {
    window = i;
    flooding = i % 2 === 1;
    if (flooding) {
      const flood = startFlooder(flooder, o.floodPerSecond);
      await sleep(o.windowMs);
      await flood.stop();
      for (const k of Object.keys(tally) as (keyof typeof tally)[]) tally[k] += flood.tally[k];
    } else await sleep(o.windowMs);
  }
  running = false;
  await Promise.all(probers);
  await flooder.until((p) => p.unanswered === 0, 10_000).catch(() => {});
  for (const p of [floodRoom, ...rooms].flatMap((r) => r.all)) p.close();

  const summary = (isOn: boolean): LatencySummary => {
    const mine = samples.filter((s) => s.flooding === isOn);
    const perWindow = [...new Set(mine.map((s) => s.window))].map((w) =>
      pct(
        mine.filter((s) => s.window === w).map((s) => s.ms),
        95,
      ),
    );
    const all = mine.map((s) => s.ms);
    return { n: all.length, p50: pct(all, 50), p95: pct(all, 95), medianWindowP95: median(perWindow) };
  };
  const windowP50 = (isOn: boolean) =>
    median(
      [...new Set(samples.filter((s) => s.flooding === isOn).map((s) => s.window))].map((w) =>
        median(samples.filter((s) => s.window === w).map((s) => s.ms)),
      ),
    );
  const without = summary(false);
  const withFlood = summary(true);
  return {
    without,
    with: withFlood,
    p95Ratio: withFlood.medianWindowP95 / without.medianWindowP95,
    p50Ratio: windowP50(true) / windowP50(false),
    flooder: { ...tally, notices: flooderNotices() },
    others: { ...others, notices: othersNotices.reduce((a, f) => a + f(), 0) },
  };
}
