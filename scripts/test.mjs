// `npm test`: every check in order (route types, tsc, biome, vitest, next build when needed, Playwright),
// output streamed, then one plain summary line, always last:
//   "N passed, N failed" or "N passed, N failed, N skipped"
// Passed/failed/skipped sum the vitest and Playwright test counts (read from their JSON reports, so they are
// exact). A check step that fails (tsc, biome, the build) counts as one failure, and so does a test runner
// that fails without a failing test to show for it (a crash, a file that does not load, a server that
// does not start). Exit code 0 only when nothing failed.
// Flags: --no-e2e (skip build and Playwright), --only-e2e (build and Playwright only).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildStatus, ROOT } from "./build-if-needed.mjs";

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (arg !== "--no-e2e" && arg !== "--only-e2e") {
    console.error(`Unknown option ${arg}. Use --no-e2e or --only-e2e.`);
    process.exit(2);
  }
}
if (args.has("--no-e2e") && args.has("--only-e2e")) {
  console.error("--no-e2e and --only-e2e together would run nothing.");
  process.exit(2);
}
const runUnit = !args.has("--only-e2e");
const runE2e = !args.has("--no-e2e");

const REPORT_DIR = path.join(ROOT, "test-results");
const VITEST_JSON = path.join(REPORT_DIR, "vitest.json");
const PLAYWRIGHT_JSON = path.join(REPORT_DIR, "playwright.json");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

const env = {
  ...process.env,
  CI: process.env.CI || "1",
  NEXT_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? "1" : "0"),
};
delete env.NODE_ENV; // each tool picks its own (vitest: test, next build and the e2e server: production)

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Failing tests by name with the first line of their message, repeated in the summary (CI shows the tail). */
const failures = [];
/** @type {{ name: string, status: "ok" | "failed" | "skipped", detail: string, seconds: number }[]} */
const steps = [];
let current = null; // the running child, so a signal can stop it and still reach the summary
let interrupted = false;

function run(command, argv, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
    current = child;
    child.on("error", (err) => {
      console.error(`Could not run ${command}: ${err.message}`);
      current = null;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function header(name) {
  console.log(`\n━━ ${name} ${"━".repeat(Math.max(3, 60 - name.length))}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Runs one step; `count` turns its report into test counts, or returns undefined when there is no report. */
async function step(name, command, argv, { count, extraEnv } = {}) {
  if (interrupted) {
    steps.push({ name, status: "skipped", detail: "interrupted", seconds: 0 });
    return false;
  }
  header(name);
  const started = Date.now();
  const code = await run(command, argv, extraEnv);
  const seconds = (Date.now() - started) / 1000;
  const counts = count?.();
  const parts = [];
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    parts.push(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  } else if (count) {
    parts.push("no test report");
  }
  if (code !== 0) parts.push(`exit code ${code}`);
  const ok = code === 0 && (!count || counts !== undefined);
  // A failing step with no failing test to show for it (a crash, a check that failed) counts once.
  if (!ok && !counts?.failed) totals.failed += 1;
  steps.push({ name, status: ok ? "ok" : "failed", detail: parts.join("; "), seconds });
  return ok;
}

function vitestCounts() {
  const report = readJson(VITEST_JSON);
  if (!report) return undefined;
  let failed = report.numFailedTests ?? 0;
  // A test file that fails to load has no failing test inside it: count the file.
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    const where = path.relative(ROOT, file.name ?? "");
    for (const t of failedTests)
      failures.push(`${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    if (file.status === "failed" && failedTests.length === 0) {
      failed += 1;
      failures.push(`${where}: ${firstLine(file.message)}`);
    }
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function firstLine(text) {
  return (
    String(text ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim()
      .slice(0, 240) ?? ""
  );
}

/** Every failing Playwright test, walking the report's nested suites. */
function playwrightFailures(suites, trail = []) {
  for (const suite of suites ?? []) {
    const names = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      if (spec.ok !== false) continue;
      const result = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.status !== "passed");
      failures.push(`${[...names, spec.title].join(" › ")}: ${firstLine(result?.error?.message)}`);
    }
    playwrightFailures(suite.suites, names);
  }
}

function playwrightCounts() {
  const report = readJson(PLAYWRIGHT_JSON);
  if (!report?.stats) return undefined;
  playwrightFailures(report.suites);
  for (const error of report.errors ?? []) failures.push(`outside any test: ${firstLine(error.message)}`);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Errors outside any test (config, web server, global setup) have no test to fail: count them once.
  const outsideTests = (report.errors ?? []).length > 0 && unexpected === 0 ? 1 : 0;
  return { passed: expected + flaky, failed: unexpected + outsideTests, skipped };
}

/** The e2e port: E2E_PORT, else 3107, else (busy, e.g. a teammate's run in the same tree) any free port. */
async function e2ePort() {
  if (process.env.E2E_PORT) return process.env.E2E_PORT;
  const tryListen = (port) =>
    new Promise((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(undefined));
      probe.listen(port, "127.0.0.1", () => {
        const { port: bound } = probe.address();
        probe.close(() => resolve(bound));
      });
    });
  return String((await tryListen(3107)) ?? (await tryListen(0)));
}

function removeReport(file) {
  rmSync(file, { force: true });
}

async function main() {
  mkdirSync(REPORT_DIR, { recursive: true });
  const node = process.execPath;

  if (runUnit) {
    // Route types first: tsc reads .next/types, which would otherwise be missing (clean clone) or stale.
    await step("route types (next typegen)", bin("next"), ["typegen"]);
    await step("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"]);
    await step("lint + format (biome check .)", bin("biome"), ["check", "."]);
    removeReport(VITEST_JSON);
    await step(
      "unit + integration (vitest run)",
      bin("vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
      { count: vitestCounts },
    );
  }

  if (runE2e) {
    let built = true;
    const status = buildStatus();
    if (status.needed) {
      built = await step(`next build (${status.reason})`, node, [
        path.join(ROOT, "scripts", "build-if-needed.mjs"),
      ]);
    } else {
      steps.push({ name: "next build", status: "skipped", detail: "up to date", seconds: 0 });
    }
    if (!built) {
      steps.push({ name: "end-to-end (playwright test)", status: "skipped", detail: "no build", seconds: 0 });
    } else {
      removeReport(PLAYWRIGHT_JSON);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-e2e-"));
      try {
        await step("end-to-end (playwright test)", bin("playwright"), ["test", "--reporter=list,json"], {
          count: playwrightCounts,
          extraEnv: {
            PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON,
            E2E_DATA_DIR: dataDir,
            E2E_PORT: await e2ePort(),
          },
        });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
}

function summarize(crash) {
  console.log("\n━━ summary ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━");
  for (const s of steps) {
    const mark = s.status === "ok" ? "ok     " : s.status === "failed" ? "FAILED " : "skipped";
    const time = s.seconds ? ` (${s.seconds.toFixed(1)} s)` : "";
    console.log(`  ${mark} ${s.name}${s.detail ? `: ${s.detail}` : ""}${time}`);
  }
  if (crash) {
    totals.failed += 1;
    console.log(`  FAILED the test runner itself: ${crash}`);
  }
  if (interrupted) console.log("  Interrupted.");
  const failedSteps = steps.filter((s) => s.status === "failed").map((s) => s.name);
  if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join("; ")}`);
  for (const f of failures.slice(0, 20)) console.log(`  ✗ ${f}`);
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
  console.log(line);
  return totals.failed > 0 || interrupted || crash ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    // SIGINT for every child: Playwright stops its web server on SIGINT, but dies leaving it on SIGTERM.
    current?.kill("SIGINT");
  });
}

let crash;
try {
  if (!existsSync(bin("tsc"))) throw new Error("node_modules is missing: run npm install (or npm ci) first");
  await main();
} catch (err) {
  crash = err instanceof Error ? err.message : String(err);
}
process.exitCode = summarize(crash);
