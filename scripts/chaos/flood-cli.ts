// `npm run chaos:flood -- [--rooms 10 --students 8 --windows 6 --window-seconds 3] [--json]`
// The real server process, R rooms of S students at a steady pace, and one pupil in another room
// sending 50 actions a second in every other window. Prints the other rooms' action→view latency
// without and with the flooder (medians over windows) and exits 1 when p95 moved by more than 20 %.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnServer } from "../../server/testing/process";
import { measureFlood } from "./flood";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "10" },
    students: { type: "string", default: "8" },
    windows: { type: "string", default: "6" },
    "window-seconds": { type: "string", default: "3" },
    json: { type: "boolean", default: false },
  },
});
const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-flood-"));
const server = await spawnServer({ dataDir, startTimeoutMs: 30_000 });
try {
  const result = await measureFlood({
    url: server.url,
    rooms: Number(values.rooms),
    students: Number(values.students),
    windows: Number(values.windows),
    windowMs: Number(values["window-seconds"]) * 1000,
    floodPerSecond: 50,
    probeEveryMs: 250,
  });
  const round = (_k: string, v: unknown) => (typeof v === "number" ? Math.round(v * 100) / 100 : v);
  console.log(
    JSON.stringify(
      { ...result, within20Percent: result.p95Ratio <= 1.2 },
      round,
      values.json ? undefined : 2,
    ),
  );
  process.exitCode = result.p95Ratio <= 1.2 && result.others.rateLimited === 0 ? 0 : 1;
} finally {
  await server.stop("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
