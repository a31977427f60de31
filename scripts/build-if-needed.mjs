// Builds the Next.js app only when the last build is missing or older than its sources.
// Shared by `npm start` (scripts/start.mjs), `npm test` (scripts/test.mjs) and the Playwright web server.
// Run directly: `node scripts/build-if-needed.mjs` (exit code of the build, 0 when up to date).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What the Next build reads. Tests are not part of it, so editing a test does not force a rebuild. */
const SOURCE_DIRS = ["app", "game", "content"];
const SOURCE_FILES = ["next.config.js", "postcss.config.js", "package-lock.json", "tsconfig.json"];
const NOT_BUILT = /\.test\.[cm]?[jt]sx?$|(^|\/)__snapshots__\//;

function newestIn(dir, rel = "") {
  let newest = { mtimeMs: 0, file: "" };
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    const found = entry.isDirectory()
      ? newestIn(full, relPath)
      : NOT_BUILT.test(relPath)
        ? newest
        : { mtimeMs: statSync(full).mtimeMs, file: relPath };
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/** @returns {{ needed: boolean, reason: string }} */
export function buildStatus(root = ROOT) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return { needed: true, reason: "no build yet" };
  const builtAt = statSync(buildId).mtimeMs;
  let newest = { mtimeMs: 0, file: "" };
  for (const dir of SOURCE_DIRS) {
    const found = newestIn(path.join(root, dir), dir);
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    const mtimeMs = statSync(full).mtimeMs;
    if (mtimeMs > newest.mtimeMs) newest = { mtimeMs, file };
  }
  if (newest.mtimeMs > builtAt)
    return { needed: true, reason: `${newest.file} changed since the last build` };
  return { needed: false, reason: "up to date" };
}

/** Runs `next build`, streaming its output. Resolves to the exit code. */
export function runNextBuild(root = ROOT) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (err) => {
      console.error(`Could not run next build: ${err.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** @returns {Promise<{ built: boolean, code: number, reason: string }>} */
export async function buildIfNeeded({ root = ROOT, log = console.log } = {}) {
  const status = buildStatus(root);
  if (!status.needed) return { built: false, code: 0, reason: status.reason };
  log(
    status.reason === "no build yet"
      ? "Building the app (first start only, about a minute)…"
      : `Rebuilding the app (${status.reason}, about a minute)…`,
  );
  const started = Date.now();
  const code = await runNextBuild(root);
  if (code === 0) log(`Build finished in ${Math.round((Date.now() - started) / 1000)} s.`);
  else log(`The build failed (exit code ${code}); see the messages above.`);
  return { built: true, code, reason: status.reason };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, reason, built } = await buildIfNeeded();
  if (!built) console.log(`App build ${reason}.`);
  process.exit(code);
}
