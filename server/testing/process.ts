// The real server as a child process (`node --import tsx server/index.ts`, headless), for tests
// that kill and restart it: what a teacher's laptop does at lunch, and what the chaos run repeats.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverNodeFlags } from "../node-flags";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** Every line it printed (stdout and stderr), for assertions and for failure messages. */
  lines: string[];
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

export async function spawnServer(opts: {
  dataDir: string;
  /** 0: any free port (read back from the log). */
  port?: number;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /**
   * Send the server's output to this file instead of a pipe (`lines` then stays empty). For load
   * and soak runs: Node writes stdout to a pipe synchronously, so a busy load generator that falls
   * behind reading the pipe would stall the very server it measures.
   */
  logFile?: string;
}): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(opts.port ?? 0),
    HOST: "127.0.0.1",
    DATA_DIR: opts.dataDir,
    SERVE_UI: "0",
    LOG_LEVEL: "info",
    ...opts.env,
  };
  // The child is a real server: SQLite, its own logging; nothing from the test runner's setup.
  delete env.STORE;
  delete env.VITEST;
  const out = opts.logFile ? openSync(opts.logFile, "a") : null;
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeFlags(), "--import", "tsx", "server/index.ts"],
    {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: out === null ? ["ignore", "pipe", "pipe"] : ["ignore", out, out],
    },
  );
  if (out !== null) closeSync(out);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${lines.join("\n")}`)),
      opts.startTimeoutMs ?? 10_000,
    );
    const onLine = (line: string) => {
      lines.push(line);
      const m = /msg=listening .*port=(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    if (opts.logFile) {
      const file = opts.logFile;
      const poll = setInterval(() => {
        const m = /msg=listening .*port=(\d+)/.exec(readFileSync(file, "utf8"));
        if (!m) return;
        clearInterval(poll);
        clearTimeout(timer);
        resolve(Number(m[1]));
      }, 100);
      void exited.then(() => clearInterval(poll));
    }
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        buffered += chunk;
        const parts = buffered.split("\n");
        buffered = parts.pop() ?? "";
        for (const l of parts) onLine(l);
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${lines.join("\n")}`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    lines,
    stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
