// Nothing a client sends can crash a room or change it by mistake: every malformed event gets an
// error ack (when it has an ack to answer), and an oversized frame closes only its own socket.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GameContext } from "../game/types";
import { MAX_MESSAGE_BYTES } from "./protocol";
import { connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, playToBuild, type Table, truth } from "./testing/table";

let t: TestServer;
let table: Table | undefined;

beforeEach(async () => {
  t = await startTestServer({ rate: { capacity: 1000, refillPerSecond: 1000 } });
});
afterEach(async () => {
  closeTable(table);
  table = undefined;
  await t.close();
});

function context(): GameContext {
  return truth(t.realtime.registry, table?.code ?? "").room.context;
}

/** A key JSON keeps as an own property (an object literal's `__proto__` would set the prototype). */
const withKey = (json: string): unknown => JSON.parse(json);

const BAD_COMMANDS: [string, unknown][] = [
  ["a string", "start"],
  ["null", null],
  ["a number", 42],
  ["an array", [{ type: "start" }]],
  ["no type", { slot: "point" }],
  ["an unknown type", { type: "becomeHost" }],
  ["a wrong type of type", { type: 7 }],
  ["a missing field", { type: "propose", slot: "point" }],
  ["a wrong field type", { type: "propose", slot: 3, copy: { id: "c1" } }],
  ["a slot that does not exist", { type: "propose", slot: "conclusion", copy: "c1" }],
  ["an extra field", { type: "start", admin: true }],
  ["an extra field on a student command", { type: "verdictVote", value: 3, seat: "s_someone" }],
  ["a vote out of range", { type: "verdictVote", value: 6 }],
  ["a fractional vote", { type: "verdictVote", value: 2.5 }],
  ["a __proto__ key", withKey('{"type":"start","__proto__":{"admin":true}}')],
  ["a __proto__ key in settings", withKey('{"type":"configure","settings":{"__proto__":{"bots":true}}}')],
  ["a constructor key", withKey('{"type":"start","constructor":{"prototype":{"x":1}}}')],
  [
    "a constructor key in marks",
    withKey('{"type":"score","marks":{"failure":{"constructor":1},"success":{"constructor":1}}}'),
  ],
  [
    "a __proto__ key in marks",
    withKey('{"type":"score","marks":{"failure":{"__proto__":{"knowledge":3}},"success":{}}}'),
  ],
  ["a long action id", { type: "lock", id: "x".repeat(65) }],
  ["a huge number", { type: "addTime", ms: 1e308 }],
  ["NaN smuggled as a string", { type: "addTime", ms: "NaN" }],
  ["a deeply nested value", { type: "configure", settings: { themes: [[[[[["x"]]]]]] } }],
];

describe("malformed events", () => {
  it("answers every malformed command with bad_request and leaves the room as it was", async () => {
    table = await openTable(t.url, { students: 2 });
    await playToBuild(table);
    const [pupil] = table.students;
    if (!pupil) throw new Error("no pupil");
    const before = JSON.stringify(context());
    for (const sender of [table.host, pupil.client, table.screen]) {
      for (const [what, payload] of BAD_COMMANDS) {
        const ack = await sender.socket.timeout(2000).emitWithAck("command", payload);
        expect(ack, what).toMatchObject({ ok: false, code: "bad_request" });
      }
    }
    expect(JSON.stringify(context())).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("answers unknown events, extra arguments and binary payloads; drops events without an ack", async () => {
    table = await openTable(t.url, { students: 1 });
    const [pupil] = table.students;
    if (!pupil) throw new Error("no pupil");
    const s = pupil.client.socket;
    for (const event of ["hack", "view", "me", "__proto__", "constructor", "x".repeat(500)])
      expect(await s.timeout(2000).emitWithAck(event, { type: "start" })).toMatchObject({
        ok: false,
        code: "bad_request",
      });
    expect(await s.timeout(2000).emitWithAck("command", { type: "leave" }, "extra")).toMatchObject({
      ok: false,
      code: "bad_request",
    });
    expect(await s.timeout(2000).emitWithAck("command")).toMatchObject({ ok: false, code: "bad_request" });
    expect(await s.timeout(2000).emitWithAck("command", Buffer.from("start"))).toMatchObject({
      ok: false,
      code: "bad_request",
    });
    const newcomer = await connectClient(t.url, { role: "player", code: table.code });
    table.clients.push(newcomer);
    for (const payload of [
      { name: 12 },
      { name: "Ann", seat: "s_x" },
      withKey('{"name":"Ann","__proto__":{}}'),
      "Ann",
    ])
      expect(await newcomer.socket.timeout(2000).emitWithAck("join", payload)).toMatchObject({
        ok: false,
        code: "bad_request",
      });

    // Without an ack nothing is applied, even a command that would be legal.
    table.host.socket.emit("command", { type: "lock" });
    s.emit("command", { type: "leave" });
    s.emit("nonsense");
    await must(table.host.command({ type: "unlock" }).then((a) => (a.ok ? a : { ...a, ok: true })));
    expect(context().locked).toBe(false);
    expect(context().seats[pupil.seat]?.status).toBe("present");
    expect(s.connected).toBe(true);
  });

  it("refuses malformed handshakes with a code, never a crash", async () => {
    table = await openTable(t.url, { students: 0 });
    const code = table.code;
    const cases: [Record<string, unknown>, string][] = [
      [{ protocol: undefined, role: "player", code }, "stale_client"],
      [{ protocol: "1", role: "player", code }, "stale_client"],
      [{ role: "admin", code }, "bad_request"],
      [{ role: "player", code: { $ne: null } }, "bad_request"],
      [{ role: "player", code: "x".repeat(10_000) }, "bad_request"],
      [{ role: "player", code, token: 12345 }, "bad_request"],
      [{ role: "player", code, device: "<script>" }, "bad_request"],
      [{ role: "host", code }, "bad_request"],
      [{ role: "host", code, secret: ["a", "b"] }, "bad_request"],
    ];
    for (const [auth, expected] of cases)
      await expect(connectClient(t.url, auth), JSON.stringify(auth).slice(0, 80)).rejects.toMatchObject({
        data: { code: expected },
      });
    expect(await table.host.command({ type: "lock" })).toMatchObject({ ok: true });
  });
});

describe("oversized frames", () => {
  it("close only the sender's socket; the room and everyone else carry on", async () => {
    table = await openTable(t.url, { students: 3 });
    await playToBuild(table);
    const [vandal, bystander] = table.students;
    if (!vandal || !bystander) throw new Error("no pupils");
    const before = JSON.stringify(context().seats[bystander.seat]);
    const closed = new Promise<string>((resolve) => vandal.client.socket.once("disconnect", resolve));
    vandal.client.socket.emit("command", {
      type: "write",
      slot: "point",
      text: "x".repeat(MAX_MESSAGE_BYTES + 1),
    });
    expect(await closed).toBe("transport close");

    expect(table.host.socket.connected).toBe(true);
    expect(bystander.client.socket.connected).toBe(true);
    expect(await table.host.command({ type: "addTime", ms: 5_000 })).toMatchObject({ ok: true });
    expect(
      await bystander.client.command({ type: "write", slot: "link", text: "Our own link back" }),
    ).toMatchObject({
      ok: true,
    });
    expect(JSON.stringify(context().seats[bystander.seat])).not.toBe(""); // still there
    expect(context().seats[bystander.seat]?.hand).toEqual(JSON.parse(before).hand);
    // The vandal's seat is kept (away after the grace, like any drop) and a new connection works.
    const again = await connectClient(t.url, { role: "player", code: table.code, token: vandal.token });
    table.clients.push(again);
    await again.until((c) => c.me?.seat === vandal.seat);
  });
});
