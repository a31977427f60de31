// Security, the parts other files do not already prove. Already covered (and not repeated here):
//   a foreign Origin at the socket handshake and on POST           limits.test.ts "origins"
//   a student's or the projector's socket sending host commands   authority.test.ts "who may do what"
//   a token in another room, a forged token, removed/banned seats  reconnect.test.ts
//   an expired token (24 h + 1 min on the rooms' clock)            drops.test.ts
//   join-code guessing per browser; names filtered at join         limits.test.ts, limits/join-guard.test.ts
//   no token, secret, device or hand in any log line               logs.test.ts, audit.test.ts (bots)
// Added here: more Origin shapes (null, another port or scheme, long-polling), secrets swapped for
// one another or replaced by their stored hashes, a token after its seat left, a second student in
// a homework room, a class of 40 behind one address joining while a browser guesses codes, and
// markup or formulas in names and sentences through the real endpoints — the CSV report, the
// Markdown essay plan — and the projector's own components rendered with what the projector was sent.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { RevealedParagraph } from "../app/_components/paragraph";
import { TeamColumn } from "../app/_components/team-column";
import type { Deck } from "../content/schema";
import type { RoundView, ScreenView } from "../game/views";
import { PROTOCOL_VERSION } from "./protocol";
import { type Client, connectClient, createRoom, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, type Table } from "./testing/table";

let t: TestServer | undefined;
let table: Table | undefined;
const extra: Client[] = [];

afterEach(async () => {
  closeTable(table);
  table = undefined;
  for (const c of extra.splice(0)) c.close();
  await t?.close();
  t = undefined;
});

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

async function refusedWith(url: string, auth: Record<string, unknown>): Promise<string> {
  try {
    const c = await connectClient(url, auth);
    extra.push(c);
    return "connected";
  } catch (err) {
    return (err as { data?: { code?: string } }).data?.code ?? "connect_error";
  }
}

describe("origins at the handshake", () => {
  it("refuses a null origin, another port or scheme, and long-polling from another site", async () => {
    t = await startTestServer();
    const { code } = await createRoom(t.url);
    const url = t.url;
    const port = new URL(url).port;
    for (const origin of [
      "null",
      `http://127.0.0.1:${Number(port) + 1}`,
      `https://127.0.0.1:${port}x`,
      "file://",
    ]) {
      const outcome = await connectClient(url, { role: "screen", code }, { headers: { origin } }).then(
        (c) => {
          extra.push(c);
          return "connected";
        },
        () => "refused",
      );
      expect(outcome, origin).toBe("refused");
    }
    // Long-polling (the fallback transport) passes the same gate.
    const polling = io(url, {
      path: "/socket.io",
      transports: ["polling"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: "http://evil.example" },
      auth: { protocol: PROTOCOL_VERSION, role: "screen", code },
    });
    const outcome = await new Promise<string>((resolve) => {
      polling.once("connect", () => resolve("connected"));
      polling.once("connect_error", () => resolve("refused"));
    });
    polling.close();
    expect(outcome).toBe("refused");
  });
});

describe("secrets are not interchangeable", () => {
  it("refuses the host secret as a seat token, a token as the host secret, their stored hashes, a one-letter change, and a token after its seat left", async () => {
    t = await startTestServer();
    table = await openTable(t.url, { students: 2 });
    const [a, b] = table.students;
    if (!a || !b) throw new Error("no pupils");
    const { code, hostSecret } = table;
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ role: "player", code, token: hostSecret }, "bad_token"],
      [{ role: "player", code, token: sha256(a.token) }, "bad_token"],
      [{ role: "player", code, token: flip(a.token) }, "bad_token"],
      [{ role: "host", code, secret: a.token }, "bad_secret"],
      [{ role: "host", code, secret: sha256(hostSecret) }, "bad_secret"],
      [{ role: "host", code, secret: flip(hostSecret) }, "bad_secret"],
      [{ role: "host", code, token: a.token }, "bad_request"],
    ];
    for (const [auth, expected] of cases)
      expect(await refusedWith(t.url, auth), JSON.stringify(Object.keys(auth))).toBe(expected);

    // A's socket is A: joining again, renaming B, or claiming B in a payload gets nowhere.
    expect(await a.client.join("Second seat")).toMatchObject({ ok: false, code: "already_joined" });
    expect(await a.client.command({ type: "rename", seat: b.seat, name: "Taken over" })).toMatchObject({
      ok: false,
      code: "not_allowed",
    });
    expect(await a.client.command({ type: "leave", seat: b.seat })).toMatchObject({
      ok: false,
      code: "bad_request",
    });
    // A leaves for good: the token stops working, B's does not.
    expect(await a.client.command({ type: "leave" })).toMatchObject({ ok: true });
    await a.client.until((c) => !c.socket.connected);
    expect(await refusedWith(t.url, { role: "player", code, token: a.token })).toBe("bad_token");
    expect(await refusedWith(t.url, { role: "player", code, token: b.token })).toBe("connected");
  });

  it("in a homework room only the owner holds the teacher's controls", async () => {
    t = await startTestServer();
    const { code } = await createRoom(t.url, { mode: "homework" });
    const owner = await connectClient(t.url, { role: "player", code });
    const other = await connectClient(t.url, { role: "player", code });
    extra.push(owner, other);
    expect(await owner.join("Owner")).toMatchObject({ ok: true });
    const second = await other.join("Second");
    if (second.ok) {
      for (const cmd of [{ type: "start" }, { type: "lock" }, { type: "addBot", team: null, level: "easy" }])
        expect(await other.command(cmd)).toMatchObject({ ok: false, code: "not_allowed" });
    } else expect(second.code).not.toBe("server_error");
    expect(await owner.command({ type: "lock" })).toMatchObject({ ok: true });
  });
});

describe("join-code guessing behind one school address", () => {
  it("slows the guessing browser; forty classmates, each mistyping once, all get in", async () => {
    t = await startTestServer();
    const { code } = await createRoom(t.url);
    const wrong = code.startsWith("C") ? `D${code.slice(1)}` : `C${code.slice(1)}`;
    const guesses: string[] = [];
    for (let i = 0; i < 12; i++)
      guesses.push(await refusedWith(t.url, { role: "player", code: wrong, device: "guessing-browser" }));
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill("no_room"));
    expect(guesses.slice(5)).toEqual(Array(7).fill("slow_down"));
    // The right code does not help the guesser for now…
    expect(await refusedWith(t.url, { role: "player", code, device: "guessing-browser" })).toBe("slow_down");
    // …while the class, from the same address, is never slowed.
    for (let i = 0; i < 40; i++) {
      const device = `classmate-browser-${i}`;
      expect(await refusedWith(t.url, { role: "player", code: wrong, device })).toBe("no_room");
      const c = await connectClient(t.url, { role: "player", code, device });
      extra.push(c);
      expect(await c.join(`Pupil ${i}`)).toMatchObject({ ok: true });
    }
  }, 20_000);
});

// ---- names and sentences that try to be markup or formulas --------------------------------------

/** The characters of `chars` in `text` that Markdown would read as syntax (not backslash-escaped). */
function unescaped(text: string, chars: string): string[] {
  const found: string[] = [];
  let slashes = 0;
  for (const c of text) {
    if (chars.includes(c) && slashes % 2 === 0) found.push(c);
    slashes = c === "\\" ? slashes + 1 : 0;
  }
  return found;
}

/** Accepted by the name check (no < or >), dangerous if pasted raw into a spreadsheet or Markdown. */
const NAMES = [
  '=HYPERLINK("http://x")',
  "+SUM(A1:A9)",
  "-2+3 cmd",
  "@import url(x)",
  "[x](javascript:alert)",
  "**bold** _it_ # h",
  "`rm` | a | b",
  '"Quote", comma',
  "&lt;b&gt; &#60;i&#62;",
  "\tTab =1",
];
const REFUSED_NAMES = ["<img src=x onerror=alert(1)>", "＜script＞", "a<b", "Bob >"];
const SENTENCES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![pic](http://evil.example/x.png)",
  "=cmd|' /C calc'!A0",
];

/** RFC 4180 rows (quoted cells with doubled quotes; CRLF between rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  expect(quoted).toBe(false);
  return rows;
}

/** Every file under a folder (for the static check of app/). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe("names and sentences cannot inject markup or formulas", () => {
  it("markup in a name is refused, at join and at rename", async () => {
    t = await startTestServer();
    table = await openTable(t.url, { students: 1 });
    for (const name of REFUSED_NAMES) {
      const c = await connectClient(t.url, { role: "player", code: table.code });
      extra.push(c);
      expect(await c.join(name), name).toMatchObject({ ok: false, code: "bad_name" });
      expect(
        await table.host.command({ type: "rename", seat: table.students[0]?.seat, name }),
        name,
      ).toMatchObject({ ok: false, code: "bad_name" });
    }
  });

  it("through the CSV report, the Markdown plan, and the projector's own components", async () => {
    t = await startTestServer({ rate: { capacity: 500, refillPerSecond: 500 } });
    table = await openTable(t.url, { students: NAMES.length, names: NAMES });
    const { host, screen, students } = table;
    const themes = (host.view as { settings: { themes: string[] } } | null)?.settings.themes ?? [];
    await must(host.command({ type: "configure", settings: { themes: themes.slice(0, 3) } }));
    await must(host.command({ type: "start" }));
    for (const s of students) await must(s.client.command({ type: "verdictVote", value: 2 }));
    let revealed: ScreenView | null = null;
    for (let round = 0; round < 3; round++) {
      await host.until((c) => c.view?.phase === "build" && c.view.round === round);
      // Only sentences on the drafts: whatever wins a slot is a hostile one.
      for (const [i, s] of students.entries())
        for (const [j, slot] of ["point", "evidence1", "evidence2", "explanation", "link"].entries())
          await s.client.command({ type: "write", slot, text: SENTENCES[(i + j) % SENTENCES.length] });
      await must(host.command({ type: "skip" }));
      await screen.until((c) => c.view?.phase === "reveal");
      revealed ??= screen.view as ScreenView;
      for (const phase of ["reveal", "rebut"]) {
        await host.until((c) => c.view?.phase === phase);
        await must(host.command({ type: "skip" }));
      }
      await host.until((c) => c.view?.phase === "judge");
      const marks = { knowledge: 2, analysis: 2, evaluation: 1, structure: 1 };
      await must(
        host.command({ type: "score", marks: { failure: marks, success: { ...marks, knowledge: 1 } } }),
      );
      await host.until((c) => c.view?.phase === "result");
      await must(host.command({ type: "skip" }));
    }
    for (const s of students) await must(s.client.command({ type: "verdictVote", value: 4 }));
    await screen.until((c) => c.view?.phase === "verdict" && c.results !== null);
    const id = screen.results as string;

    // The teacher's CSV: every name exactly as typed (cleaned), and no cell a spreadsheet would run.
    const csvRes = await fetch(`${t.url}/api/games/${id}/report.csv`, {
      headers: { authorization: `Bearer ${table.hostSecret}` },
    });
    expect(csvRes.status).toBe(200);
    const rows = parseCsv(await csvRes.text());
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const firstCells = rows.map((r) => r[0]);
    for (const name of NAMES) {
      const cleaned = name.trim();
      expect(firstCells).toContain(/^[=+\-@]/.test(cleaned) ? `'${cleaned}` : cleaned);
    }

    // The Markdown plan: the winning sentences are there, escaped: no tag, link, image or code span.
    const plan = (await (await fetch(`${t.url}/api/games/${id}`)).json()) as {
      plan: { paragraphs: { lines: { text: string; own: boolean }[] }[] };
    };
    const own = plan.plan.paragraphs.flatMap((p) => p.lines.filter((l) => l.own).map((l) => l.text));
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(new Set(own).size).toBeGreaterThanOrEqual(3);
    const md = await (await fetch(`${t.url}/api/games/${id}/plan.md`)).text();
    // Markdown needs an unescaped `[`…`](` for a link or image, `<` for HTML or an autolink, a
    // backtick for code: none of them is left (a character is escaped after an odd run of `\`).
    expect(md).not.toContain("<");
    expect(unescaped(md, "[]`")).toEqual([]);
    expect(md).toContain("&lt;script\\>alert(1)&lt;/script\\>");
    expect(md).toContain("\\[click\\](javascript:alert(1))");

    // The projector's components, rendered with exactly what the projector was sent: names and
    // sentences come out as text (escaped), never as elements or attributes.
    const deck = screen.frames.find((f) => f.event === "deck")?.payload as Deck;
    const html = [
      ...(["failure", "success"] as const).map((team) =>
        renderToStaticMarkup(
          createElement(TeamColumn, { deck, team, seats: (screen.view as ScreenView).seats, big: true }),
        ),
      ),
      ...(["failure", "success"] as const).map((team) =>
        renderToStaticMarkup(
          createElement(RevealedParagraph, { deck, team, round: revealed?.current as RoundView, size: "lg" }),
        ),
      ),
    ].join("\n");
    expect((screen.view as ScreenView).seats.length).toBe(NAMES.length);
    expect(html).not.toMatch(/<(script|img|iframe|svg[^>]*onload)/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("HYPERLINK(&quot;http://x&quot;)");

    // And nothing in the app renders raw HTML from a string.
    const sources = files(fileURLToPath(new URL("../app", import.meta.url))).filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(20);
    for (const f of sources)
      expect(readFileSync(f, "utf8"), f).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|document\.write|new Function\(/,
      );
  }, 30_000);
});
