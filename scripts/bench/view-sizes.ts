// `npm run bench:views -- [--students 35] [--games 5] [--json]`: how big each audience's view is,
// whole and as a patch (views: "patch": only the top-level fields that changed since the previous
// view), over whole class games with 24-character names (the longest allowed), in bytes of JSON.
// The target is 4 KB per view. `frames` is what a patch connection (the app) is actually sent: whole
// views and patches cut into frames of whole fields (server/view-frames.ts), with their envelope.
import { pathToFileURL } from "node:url";
import { roomViews, seatView } from "../../game/views";
import { viewParts } from "../../server/view-frames";
import { classGame } from "./inproc";

/** A view frame's envelope around the view: 42["view",{"view":…,"now":…,"results":null,"patch":true,"more":true}]. */
const ENVELOPE = 90;

const LIMIT = 4096;

interface Sizes {
  whole: number[];
  patch: number[];
  frame: number[];
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: s[s.length - 1] ?? 0,
    over4k: s.filter((x) => x > LIMIT).length,
  };
}

export function viewSizes(students: number, games: number) {
  const sizes: Record<"screen" | "host" | "team" | "seat", Sizes> = {
    screen: { whole: [], patch: [], frame: [] },
    host: { whole: [], patch: [], frame: [] },
    team: { whole: [], patch: [], frame: [] },
    seat: { whole: [], patch: [], frame: [] },
  };
  const json = (value: unknown) => JSON.stringify(value) ?? "";
  const frames = (audience: keyof typeof sizes, view: Record<string, unknown>) => {
    for (const part of viewParts(view, json))
      sizes[audience].frame.push(Buffer.byteLength(json(part)) + ENVELOPE);
  };
  /** The largest fields of the largest whole views, to say what makes them big. */
  const fields = new Map<string, number>();
  for (let seed = 1; seed <= games; seed++) {
    const game = classGame({ students, seed });
    const last = new Map<string, Map<string, string>>();
    const measure = (key: string, audience: keyof typeof sizes, view: object) => {
      const prev = last.get(key);
      const next = new Map<string, string>();
      let whole = 2;
      let patch = 2;
      const changed: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(view)) {
        const text = json(value);
        next.set(field, text);
        const bytes = Buffer.byteLength(text) + field.length + 4;
        whole += bytes;
        if (prev?.get(field) !== text) {
          patch += bytes;
          changed[field] = value;
        }
        fields.set(`${audience}.${field}`, Math.max(fields.get(`${audience}.${field}`) ?? 0, bytes));
      }
      last.set(key, next);
      sizes[audience].whole.push(whole);
      // A connection's first view is whole (as frames), every later one a patch (as frames).
      frames(audience, view as Record<string, unknown>);
      if (prev) {
        sizes[audience].patch.push(patch);
        frames(audience, changed);
      }
    };
    for (let move = game.next(); move; move = game.next()) {
      if (!game.room.dispatch(move.command as never, move.by).ok) continue;
      const views = roomViews(game.room.context, game.room.phase);
      measure("screen", "screen", views.screen);
      measure("host", "host", views.host);
      measure("failure", "team", views.teams.failure);
      measure("success", "team", views.teams.success);
      for (const seat of game.seats) {
        const me = seatView(game.room.context, game.room.phase, seat);
        sizes.seat.whole.push(Buffer.byteLength(JSON.stringify(me)));
        sizes.seat.frame.push(Buffer.byteLength(JSON.stringify(me)) + ENVELOPE);
      }
    }
    game.stop();
  }
  const summary = (v: Sizes) => ({ whole: stats(v.whole), patch: stats(v.patch), frame: stats(v.frame) });
  const out = {
    screen: summary(sizes.screen),
    host: summary(sizes.host),
    team: summary(sizes.team),
    seat: summary(sizes.seat),
  };
  const biggest = [...fields].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { students, games, limit: LIMIT, ...out, biggestFields: Object.fromEntries(biggest) };
}

function main(): void {
  const argv = process.argv.slice(2);
  const num = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const result = viewSizes(num("--students", 35), num("--games", 5));
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(
    `View sizes, ${result.students} seats with 24-character names, ${result.games} games (bytes of JSON):`,
  );
  console.log(
    `${"".padEnd(8)}${["whole p50", "p95", "max", ">4KB", "patch p50", "p95", "max", ">4KB", "frame max", ">4KB"].map((h) => h.padStart(10)).join("")}`,
  );
  for (const k of ["screen", "host", "team", "seat"] as const) {
    const { whole, patch, frame } = result[k] as {
      whole: ReturnType<typeof stats>;
      patch: ReturnType<typeof stats>;
      frame: ReturnType<typeof stats>;
    };
    const row = [
      whole.p50,
      whole.p95,
      whole.max,
      whole.over4k,
      patch.p50,
      patch.p95,
      patch.max,
      patch.over4k,
      frame.max,
      frame.over4k,
    ];
    console.log(`${k.padEnd(8)}${row.map((x) => String(x).padStart(10)).join("")}`);
  }
  console.log("largest fields (bytes):", result.biggestFields);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
