// The log audit: every line the room layer and the store write during a whole game — joins,
// commands at debug level, reconnects, refused secrets and tokens, a flood — carries room and seat
// ids where it is about them, and never a token, a secret, a device id or key, or a card of a hand.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { openMemoryStore } from "./store";
import { playWholeGame } from "./testing/game";
import { connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, openTable, type Table } from "./testing/table";
import { recordTruth } from "./testing/truth";

let t: TestServer | undefined;
let table: Table | undefined;

afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t?.close();
  t = undefined;
});

/** key=value pairs of one logfmt line (quoted values unquoted). */
function fields(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of line.matchAll(/([A-Za-z0-9_.-]+)=("(?:[^"\\]|\\.)*"|\S+)/g)) {
    const raw = m[2] ?? "";
    out.set(m[1] ?? "", raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
  }
  return out;
}

describe("log audit over a whole game", () => {
  it("logs room and seat ids, and no token, secret, device or hand", async () => {
    const lines: string[] = [];
    const log = createLogger({ component: "realtime" }, { level: "debug", sink: (line) => lines.push(line) });
    const { store, truth } = recordTruth(openMemoryStore({ log }));
    t = await startTestServer({ store, log, rate: { capacity: 200, refillPerSecond: 100 } });
    table = await openTable(t.url, { students: 4 });
    const [pupil] = table.students;
    if (!pupil) throw new Error("no pupil");

    // The paths that log something unusual: refused secrets and tokens, a reconnect, a flood.
    await expect(
      connectClient(t.url, {
        role: "host",
        code: table.code,
        secret: `${table.hostSecret.slice(0, -4)}XXXX`,
      }),
    ).rejects.toMatchObject({ data: { code: "bad_secret" } });
    await expect(
      connectClient(t.url, { role: "player", code: table.code, token: `${pupil.token.slice(0, -4)}XXXX` }),
    ).rejects.toMatchObject({ data: { code: "bad_token" } });
    pupil.client.socket.io.engine.close();
    const back = await connectClient(t.url, {
      role: "player",
      code: table.code,
      token: pupil.token,
      device: pupil.device,
    });
    table.clients.push(back);
    pupil.client = back;
    await back.until((c) => c.me !== null);
    await Promise.all(Array.from({ length: 250 }, () => back.command({ type: "support", proposal: "p1" })));
    // The flood emptied this pupil's bucket (200 at 100/s): let it fill again before the game, or the
    // pupil's first vote can be refused when the acks came back faster than the tokens.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    await playWholeGame(table);

    const secrets = [
      table.hostSecret,
      ...table.students.map((s) => s.token),
      ...table.students.map((s) => s.device),
      ...truth.hashes,
    ];
    const problems: string[] = [];
    for (const line of lines) {
      for (const secret of secrets) if (line.includes(secret)) problems.push(`secret in: ${line}`);
      for (const [key, value] of fields(line)) {
        if (truth.copies.has(value)) problems.push(`card ${value} under ${key} in: ${line}`);
        if (/token|secret|hand|auth/i.test(key) && value !== "[redacted]")
          problems.push(`${key} in: ${line}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);

    // What the teacher (or whoever runs the laptop) needs to follow a lesson is there.
    const byMsg = (msg: string) => lines.map(fields).filter((f) => f.get("msg") === msg);
    expect(byMsg("joined").map((f) => f.get("seat"))).toEqual(
      expect.arrayContaining(table.students.map((s) => s.seat)),
    );
    expect(byMsg("joined").every((f) => f.get("room") === table?.code)).toBe(true);
    expect(byMsg("command").length).toBeGreaterThan(50);
    expect(byMsg("command").every((f) => f.get("room") === table?.code && f.has("event"))).toBe(true);
    expect(byMsg("host secret refused")).toHaveLength(1);
    expect(byMsg("rate limited")).toHaveLength(1);
    expect(byMsg("game filed")).toHaveLength(1);
  });
});
