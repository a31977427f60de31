// `npm start`: build the app if it is missing or stale, then run the one server process in production mode.
// The server is our only child: signals are forwarded to it and its exit code becomes ours.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded, ROOT } from "./build-if-needed.mjs";

const { code } = await buildIfNeeded();
if (code !== 0) process.exit(code);

const server = spawn(process.execPath, ["--import", "tsx", path.join("server", "index.ts")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});

// Ctrl+C reaches both processes (same process group); the server treats repeats as one shutdown.
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
const forward = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);

server.on("error", (err) => {
  console.error(`Could not start the server: ${err.message}`);
  process.exit(1);
});
server.on("exit", (exitCode, signal) => {
  for (const s of SIGNALS) process.off(s, forward);
  if (signal)
    process.kill(process.pid, signal); // die the same way, so callers see the signal
  else process.exit(exitCode ?? 1);
});
