// End-to-end tests in real browsers against the real server (production build, one process, one port).
// `npm test` builds the app first; run alone, the web server command builds it when needed.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { serverNodeFlags } from "./server/node-flags";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT || 3107);
// Set once in the main process; workers inherit it, so they do not create directories of their own.
process.env.E2E_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), "debate-deck-e2e-"));

const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  workers: 1, // 2 cores: the server, the browser and the test runner share them
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 }, launchOptions },
    },
  ],
  webServer: {
    // The server's V8 flags, as `npm start` gives them.
    command: `node scripts/build-if-needed.mjs && node ${serverNodeFlags().join(" ")} --import tsx server/index.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: process.env.E2E_DATA_DIR,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000, // includes a first build when run on its own
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
