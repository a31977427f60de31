// Practice games, homework set by a teacher, and teachers' own decks, through the real HTTP API
// and real sockets.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";

let t: TestServer;
const clients: Client[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.close();
});

async function api(method: string, path: string, body?: unknown, secret?: string) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: res.status, json, text };
}

async function playerFor(code: string, token: string): Promise<Client> {
  const c = await connectClient(t.url, { role: "player", code, token });
  clients.push(c);
  await c.until((x) => x.me !== null);
  return c;
}

/** The student runs their own room: Next through every phase to the verdict. */
async function playThrough(c: Client): Promise<string> {
  for (let i = 0; i < 60 && c.view?.phase !== "verdict"; i++) {
    const phase = c.view?.phase;
    if (phase === "voteBefore" || phase === "voteAfter") await c.command({ type: "verdictVote", value: 3 });
    else await c.command({ type: "skip" });
    await new Promise((r) => setTimeout(r, 5));
  }
  await c.until((x) => x.view?.phase === "verdict" && x.results !== null);
  return c.results as string;
}

describe("practice alone", () => {
  it("starts a game against bots on the chosen side, with the student holding Next", async () => {
    const started = await api("POST", "/api/practice", {
      side: "success",
      level: "hard",
      timers: "off",
      name: "Rosa",
    });
    expect(started.status).toBe(201);
    const { code, token } = started.json as { code: string; token: string };
    const c = await playerFor(code, token);
    expect(c.me?.team).toBe("success");
    expect(c.view?.phase).toBe("voteBefore");
    const seats = c.view?.seats ?? [];
    expect(seats.filter((s) => s.bot)).toHaveLength(5);
    expect(seats.filter((s) => s.team === "success")).toHaveLength(3);
    const lastMe = c.frames.filter((f) => f.event === "me").at(-1)?.payload as { host: boolean };
    expect(lastMe.host).toBe(true);

    const gameId = await playThrough(c);
    const res = await api("GET", `/api/games/${gameId}`);
    const summary = res.json.summary as {
      owner: { name: string; team: string };
      totals: unknown;
      revise: unknown[];
    };
    expect(summary.owner).toEqual({ name: "Rosa", team: "success" });
    expect(res.json.homeworkTitle).toBeNull();
    expect(summary.totals).toBeTruthy();
    expect(Array.isArray(summary.revise)).toBe(true);
  });

  it("refuses bad practice requests with a clear message", async () => {
    expect((await api("POST", "/api/practice", { side: "middle", level: "hard", name: "Rosa" })).status).toBe(
      400,
    );
    expect(
      (await api("POST", "/api/practice", { side: "failure", level: "hard", name: "<b>" })).json.code,
    ).toBe("bad_name");
    expect(
      (
        await api("POST", "/api/practice", {
          side: "failure",
          level: "hard",
          name: "Rosa",
          deckId: "deck_nope",
        })
      ).status,
    ).toBe(404);
    expect((await api("POST", "/api/practice", "not an object")).status).toBe(400);
  });
});

describe("homework set by a teacher", () => {
  it("records every attempt for the teacher, and only the teacher sees them", async () => {
    const set = await api("POST", "/api/homework", {
      title: "GLF paragraph practice",
      level: "medium",
      timers: "off",
      side: "choose",
    });
    expect(set.status).toBe(201);
    const { id, teacherSecret } = set.json as { id: string; teacherSecret: string };
    const info = await api("GET", `/api/homework/${id}`);
    expect(info.json).toMatchObject({ title: "GLF paragraph practice", side: "choose", level: "medium" });
    expect((await api("POST", `/api/homework/${id}/play`, { name: "Sam" })).status).toBe(400); // no side chosen

    const play = await api("POST", `/api/homework/${id}/play`, { name: "Sam", side: "failure" });
    expect(play.status).toBe(201);
    const c = await playerFor(play.json.code as string, play.json.token as string);
    const gameId = await playThrough(c);
    // The attempt's results are headed with the homework's title; a practice game has none.
    const game = await api("GET", `/api/games/${gameId}`);
    expect(game.json).toMatchObject({ homeworkId: id, homeworkTitle: "GLF paragraph practice" });

    expect((await api("GET", `/api/homework/${id}/results`)).status).toBe(403);
    expect((await api("GET", `/api/homework/${id}/results`, undefined, "wrong-secret-entirely")).status).toBe(
      403,
    );
    const results = await api("GET", `/api/homework/${id}/results`, undefined, teacherSecret);
    const attempts = results.json.attempts as {
      name: string;
      gameId: string;
      side: string;
      result: string;
    }[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ name: "Sam", gameId, side: "failure" });
    expect(["won", "lost", "drew"]).toContain(attempts[0]?.result);
    const csv = await api("GET", `/api/homework/${id}/results.csv`, undefined, teacherSecret);
    expect(csv.text).toContain('"Sam"');
    // The teacher's homework secret also opens each attempt's report.
    expect((await api("GET", `/api/games/${gameId}/report`, undefined, teacherSecret)).status).toBe(200);
    expect((await api("GET", "/api/homework/hw_doesnotexist")).status).toBe(404);
  });
});

describe("teachers' own decks", () => {
  const plan = readFileSync(new URL("../content/fixtures/versailles-labelled.txt", import.meta.url), "utf8");

  it("previews, saves with corrections, lists, plays, corrects and deletes a deck", async () => {
    const preview = await api("POST", "/api/decks/preview", { plan });
    expect(preview.status).toBe(200);
    const deck = preview.json.deck as { themes: { id: string }[]; cards: { id: string; side: string }[] };
    const theme = deck.themes[0]?.id as string;
    const card = deck.cards.find((c) => c.side !== "either") as { id: string; side: string };
    const flipped = card.side === "failure" ? "success" : "failure";

    const saved = await api("POST", "/api/decks", {
      title: "Versailles",
      plan,
      corrections: {
        themes: { [theme]: "Reparations" },
        cards: { [card.id]: { side: flipped } },
        sides: { failure: "Too harsh" },
      },
    });
    expect(saved.status).toBe(201);
    const { id, ownerSecret } = saved.json as { id: string; ownerSecret: string };
    const got = await api("GET", `/api/decks/${id}`);
    const stored = got.json.deck as {
      themes: { id: string; title: string }[];
      cards: { id: string; side: string }[];
      sides: { failure: string };
    };
    expect(stored.themes.find((x) => x.id === theme)?.title).toBe("Reparations");
    expect(stored.cards.find((x) => x.id === card.id)?.side).toBe(flipped);
    expect(stored.sides.failure).toBe("Too harsh");
    const list = await api("GET", "/api/decks");
    expect((list.json.decks as { id: string }[]).map((d) => d.id)).toContain(id);

    const room = await api("POST", "/api/rooms", { deckId: id });
    expect(room.status).toBe(201);

    expect((await api("PUT", `/api/decks/${id}`, { corrections: {} })).status).toBe(403);
    expect(
      (
        await api(
          "PUT",
          `/api/decks/${id}`,
          { corrections: { cards: { "no-such-card": { side: "failure" } } } },
          ownerSecret,
        )
      ).status,
    ).toBe(422);
    expect(
      (await api("PUT", `/api/decks/${id}`, { title: "Versailles 1919", corrections: {} }, ownerSecret))
        .status,
    ).toBe(200);
    expect((await api("DELETE", `/api/decks/${id}`, undefined, "nope-nope-nope")).status).toBe(403);
    expect((await api("DELETE", `/api/decks/${id}`, undefined, ownerSecret)).status).toBe(200);
    expect((await api("GET", `/api/decks/${id}`)).status).toBe(404);
  });

  it("refuses a plan that does not parse, naming the line, and saves nothing", async () => {
    const before = t.store.listDecks().length;
    const bad = await api("POST", "/api/decks/preview", {
      plan: "QUESTION: Why?\n\nPARAGRAPH 1\nPARAGRAPH 1\n",
    });
    expect(bad.status).toBe(422);
    expect(bad.json.message).toMatch(/^line \d+: /);
    const save = await api("POST", "/api/decks", { plan: "just some text, not a plan" });
    expect(save.status).toBe(422);
    expect(t.store.listDecks().length).toBe(before);
    expect((await api("POST", "/api/decks", { plan: "x".repeat(1_300_000) })).status).toBe(413);
    expect((await api("PUT", "/api/decks/great-leap-industry", { corrections: {} }, "x")).status).toBe(403);
  });
});
