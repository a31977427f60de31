// `npm run chaos -- [--rooms R --players P --humans H --build-seconds S --room-rate A --seed N] [--json]`
// Kills the real server mid-round with students acting, restarts it, and audits what came back
// (scripts/chaos/run.ts says what is counted). With --json, prints one line; exits 1 when a target
// is missed: every client back within 10 s, nothing lost or applied twice, hands, scores and
// deadlines intact, every Build ending within 1 s of its stored deadline, no secret in the logs.
import { parseArgs } from "node:util";
import { CHAOS_DEFAULTS, runChaos } from "./run";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: String(CHAOS_DEFAULTS.rooms) },
    players: { type: "string", default: String(CHAOS_DEFAULTS.players) },
    humans: { type: "string", default: String(CHAOS_DEFAULTS.humans) },
    "build-seconds": { type: "string", default: String(CHAOS_DEFAULTS.buildMs / 1000) },
    seed: { type: "string", default: String(CHAOS_DEFAULTS.seed) },
    "room-rate": { type: "string", default: String(CHAOS_DEFAULTS.roomRate) },
    json: { type: "boolean", default: false },
  },
});

const result = await runChaos({
  rooms: Number(values.rooms),
  players: Number(values.players),
  humans: Number(values.humans),
  buildMs: Number(values["build-seconds"]) * 1000,
  seed: Number(values.seed),
  roomRate: Number(values["room-rate"]),
  log: (line) => process.stderr.write(`[chaos] ${line}\n`),
});
const { problems, ...figures } = result;
if (values.json) {
  const {
    clients,
    reconnected,
    reconnectSeconds,
    lostActions,
    duplicatedActions,
    handsIntact,
    timerDriftMs,
    ...detail
  } = figures;
  const headline = {
    clients,
    reconnected,
    reconnectSeconds,
    lostActions,
    duplicatedActions,
    handsIntact,
    timerDriftMs,
  };
  console.log(JSON.stringify({ ...headline, detail: { ...detail, problems: problems.slice(0, 20) } }));
} else {
  console.log(JSON.stringify(figures, null, 2));
  for (const p of problems.slice(0, 50)) console.log(`problem: ${p}`);
}
const met =
  result.reconnected === result.clients &&
  result.reconnectSeconds.max <= 10 &&
  result.lostActions === 0 &&
  result.duplicatedActions === 0 &&
  result.handsIntact &&
  result.timerDriftMs <= 1000 &&
  result.logLeaks === 0;
process.exit(met ? 0 : 1);
