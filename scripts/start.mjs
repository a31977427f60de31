// `npm start`: build the app if it is missing or stale, then run the one server process in production mode.
// The server is our only child: signals are forwarded to it and its exit code becomes ours.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded, ROOT } from "./build-if-needed.mjs";

const { code } = await buildIfNeeded();
if (code !== 0) process.exit(code);

// A crash (a non-zero exit we did not ask for) restarts the server: rooms are restored from the
// data folder and browsers reconnect by themselves, so a lesson sees a two-second blip. More than
// five crashes in a minute means something is wrong with the machine or the data: stop and say so.
const RESTARTS_PER_MINUTE = 5;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
/** V8 flags for the server process: server/node-flags.json says why. */
const NODE_FLAGS = JSON.parse(readFileSync(path.join(ROOT, "server", "node-flags.json"), "utf8")).flags;

let server;
let stopping = false;
const crashes = [];

const forward = (signal) => {
  stopping = true;
  if (server && server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);

function run() {
  server = spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", path.join("server", "index.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  server.on("error", (err) => {
    console.error(`Could not start the server: ${err.message}`);
    process.exit(1);
  });
  server.on("exit", (exitCode, signal) => {
    const crashed = !stopping && (signal !== null || (exitCode ?? 1) !== 0);
    const now = Date.now();
    while (crashes.length > 0 && crashes[0] < now - 60_000) crashes.shift();
    // Exit code 2 is a configuration error (bad PORT, port in use…): restarting cannot help.
    if (crashed && exitCode !== 2 && crashes.length < RESTARTS_PER_MINUTE) {
      crashes.push(now);
      console.error(`The server stopped unexpectedly (${signal ?? `exit ${exitCode}`}); restarting it…`);
      setTimeout(run, 500);
      return;
    }
    for (const s of SIGNALS) process.off(s, forward);
    if (crashed && crashes.length >= RESTARTS_PER_MINUTE)
      console.error("The server keeps stopping: giving up.");
    if (signal)
      process.kill(process.pid, signal); // die the same way, so callers see the signal
    else process.exit(exitCode ?? 1);
  });
}

run();
