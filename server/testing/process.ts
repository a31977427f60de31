// The real server as a child process (`node --import tsx server/index.ts`, headless), for tests
// that kill and restart it: what a teacher's laptop does at lunch, and what the chaos run repeats.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
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
