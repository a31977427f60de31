// `npm run chaos:flood -- [--rooms 10 --students 8 --windows 6 --window-seconds 3] [--json]`
// `npm run chaos:flood -- --loadtest [--rooms 10 --players 31 --windows 3 --window-seconds 20]`
// The real server process and, in another room, one pupil sending 50 actions a second in every
// other window. Prints the other rooms' action→view latency without and with the flooder (medians
// over windows) and exits 1 when p95 moved by more than 20 %. With --loadtest, the other rooms are
// the load generator's (scripts/loadtest, issue 8): each window is one runLoad at classroom pace.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnServer } from "../../server/testing/process";
import { paceFor } from "../loadtest/driver";
import { runLoad } from "../loadtest/runner";
import { externalTarget } from "../loadtest/target";
import { openClassroom } from "./classroom";
import { measureFlood, startFlooder, toBuild } from "./flood";
import type { Participant } from "./participant";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "10" },
    students: { type: "string", default: "8" },
    players: { type: "string", default: "31" },
    windows: { type: "string" },
    "window-seconds": { type: "string" },
    loadtest: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const say = (line: string) => process.stderr.write(`[flood] ${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;
const round = (_k: string, v: unknown) => (typeof v === "number" ? Math.round(v * 100) / 100 : v);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-flood-"));
const server = await spawnServer({
  dataDir,
  startTimeoutMs: 30_000,
  logFile: path.join(dataDir, "server.log"),
});
try {
  if (!values.loadtest) {
    const result = await measureFlood({
      url: server.url,
      rooms: Number(values.rooms),
      students: Number(values.students),
      windows: Number(values.windows ?? 6),
      windowMs: Number(values["window-seconds"] ?? 3) * 1000,
      floodPerSecond: 50,
      probeEveryMs: 250,
    });
    console.log(
      JSON.stringify(
        { ...result, within20Percent: result.p95Ratio <= 1.2 },
        round,
        values.json ? undefined : 2,
      ),
    );
    process.exitCode = result.p95Ratio <= 1.2 && result.others.rateLimited === 0 ? 0 : 1;
  } else {
    const windows = Number(values.windows ?? 3);
    const seconds = Number(values["window-seconds"] ?? 20);
    const floodRoom = await openClassroom({
      url: server.url,
      players: 2,
      humans: 2,
      tag: "flood",
      settings: { buildMs: 900_000 },
      record: false,
    });
    await toBuild(floodRoom);
    const target = externalTarget(server.url, server.child.pid ?? null);
    const runs: {
      flooding: boolean;
      p50: number;
      p95: number;
      p99: number;
      delivered: number;
      actions: number;
    }[] = [];
    const flooded = { sent: 0, answered: 0, rateLimited: 0, applied: 0 };
    for (let i = 0; i < 2 * windows; i++) {
      const flooding = i % 2 === 1;
      const flood = flooding ? startFlooder(floodRoom.students[0] as Participant, 50) : null;
      const { result } = await runLoad({
        kind: "game",
        target,
        rooms: Number(values.rooms),
        students: Number(values.players),
        seconds,
        workers: 1,
        pace: paceFor(120, 1),
        log: () => {},
      });
      await flood?.stop();
      if (flood)
        for (const k of Object.keys(flooded) as (keyof typeof flooded)[]) flooded[k] += flood.tally[k];
      runs.push({ flooding, ...result });
      say(
        `window ${i + 1}: flood ${flooding ? "on " : "off"} p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms, delivered ${result.delivered}`,
      );
    }
    const side = (on: boolean) => runs.filter((r) => r.flooding === on);
    const summary = (on: boolean) => ({
      p50: median(side(on).map((r) => r.p50)),
      p95: median(side(on).map((r) => r.p95)),
      p99: median(side(on).map((r) => r.p99)),
      delivered: Math.min(...side(on).map((r) => r.delivered)),
      actions: side(on).reduce((a, r) => a + r.actions, 0),
    });
    const without = summary(false);
    const withFlood = summary(true);
    const p95Ratio = withFlood.p95 / without.p95;
    for (const p of floodRoom.all) p.close();
    console.log(
      JSON.stringify(
        { without, with: withFlood, p95Ratio, within20Percent: p95Ratio <= 1.2, flooder: flooded, runs },
        round,
        values.json ? undefined : 2,
      ),
    );
    process.exitCode = p95Ratio <= 1.2 ? 0 : 1;
  }
} finally {
  await server.stop("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
