// `node scripts/bench/first-load.mjs [--json] [--budget KB]` after `next build`: the first-load
// JavaScript of every route, gzipped (level 9, as e2e/bundle.spec.ts measures what a browser fetches),
// read from the build output. Chunks come from .next/diagnostics/route-bundle-stats.json (Next 16);
// without it, from the build manifest's root files plus each page's client reference manifest.
// --budget KB (default 200) applies to the student page, /play/[code]: over it, exit code 1.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NEXT = path.join(ROOT, ".next");
const STUDENT_ROUTE = "/play/[code]";

const args = process.argv.slice(2);
const json = args.includes("--json");
const budgetAt = args.indexOf("--budget");
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 200;

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

if (!existsSync(path.join(NEXT, "BUILD_ID"))) fail("No build in .next: run `npm run build` first.");

/** route → chunk paths relative to the project root. */
function routeChunks() {
  const stats = path.join(NEXT, "diagnostics", "route-bundle-stats.json");
  if (existsSync(stats)) {
    const rows = JSON.parse(readFileSync(stats, "utf8"));
    return new Map(rows.map((r) => [r.route, r.firstLoadChunkPaths]));
  }
  // Older layout: the root main files every page loads, plus each app page's own entry chunks.
  const manifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8"));
  const root = (manifest.rootMainFiles ?? []).map((f) => path.join(".next", f));
  const routes = JSON.parse(readFileSync(path.join(NEXT, "app-path-routes-manifest.json"), "utf8"));
  const out = new Map();
  for (const [page, route] of Object.entries(routes)) {
    const file = path.join(NEXT, "server", "app", `${page}_client-reference-manifest.js`);
    const own = new Set();
    if (existsSync(file)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/"(static\/chunks\/[^"]+\.js)"/g)) own.add(path.join(".next", m[1]));
    }
    out.set(route, [...new Set([...root, ...own])]);
  }
  return out;
}

const gzipCache = new Map();
function gzipped(file) {
  let size = gzipCache.get(file);
  if (size === undefined) {
    const abs = path.join(ROOT, file);
    size = existsSync(abs) ? gzipSync(readFileSync(abs), { level: 9 }).length : 0;
    gzipCache.set(file, size);
  }
  return size;
}

const rows = [...routeChunks()]
  .map(([route, chunks]) => {
    const files = [...new Set(chunks)];
    const bytes = files.reduce((s, f) => s + gzipped(f), 0);
    const raw = files.reduce((s, f) => {
      const abs = path.join(ROOT, f);
      return s + (existsSync(abs) ? readFileSync(abs).length : 0);
    }, 0);
    return {
      route,
      chunks: files.length,
      rawKb: +(raw / 1024).toFixed(1),
      gzipKb: +(bytes / 1024).toFixed(1),
    };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

const student = rows.find((r) => r.route === STUDENT_ROUTE);
const buildId = readFileSync(path.join(NEXT, "BUILD_ID"), "utf8").trim();
const staticChunks = existsSync(path.join(NEXT, "static", "chunks"))
  ? readdirSync(path.join(NEXT, "static", "chunks")).length
  : 0;

if (json) {
  process.stdout.write(
    `${JSON.stringify({ buildId, budgetKb, student: student?.gzipKb ?? null, routes: rows })}\n`,
  );
} else {
  const w = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`First-load JavaScript per route (build ${buildId}, ${staticChunks} chunk files), KB:`);
  console.log(`${"route".padEnd(w)}  ${"gzip".padStart(7)}  ${"raw".padStart(7)}  chunks`);
  for (const r of rows)
    console.log(
      `${r.route.padEnd(w)}  ${String(r.gzipKb).padStart(7)}  ${String(r.rawKb).padStart(7)}  ${r.chunks}`,
    );
  if (student)
    console.log(
      `student page ${STUDENT_ROUTE}: ${student.gzipKb} KB gzipped (budget ${budgetKb} KB: ${student.gzipKb <= budgetKb ? "within" : "OVER"})`,
    );
}
if (!student) fail(`No ${STUDENT_ROUTE} route in this build.`);
process.exitCode = student.gzipKb <= budgetKb ? 0 : 1;
