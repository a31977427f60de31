// `npm start`'s configuration mistakes: a clear message and exit 2 (scripts/start.mjs does not
// restart on 2), never a stack trace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-startup-"));
  try {
    return spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, SERVE_UI: "0", DATA_DIR: dataDir, STORE: "memory", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("starting with a bad configuration", () => {
  it("names a HOST that is not an address of this computer", () => {
    const run = start({ PORT: "0", HOST: "no such host!" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("HOST=no such host! is not an address of this computer.");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);

  it("names a PORT that is not a port", () => {
    const run = start({ PORT: "eighty", HOST: "127.0.0.1" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("PORT must be a whole number from 0 to 65535");
  }, 40_000);
});
