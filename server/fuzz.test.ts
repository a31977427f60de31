// Protocol fuzzing against a live server (fast-check, fixed seed and budget): random event names —
// known, unknown, prototype names —, payloads of wrong types, missing and extra fields, __proto__ /
// constructor / prototype keys at any depth, huge strings and arrays, binary, extra arguments, with
// and without acks, from every kind of socket (teacher, projector, seated and unseated student) of
// one room. Oversized frames, and a flood of acks the sender never reads, from others.
// What must hold: the server never crashes and keeps answering; every event with an ack gets one,
// and anything that is not a well-formed command is answered `bad_request` (only a well-formed one
// may be applied); an oversized frame closes only its own socket; the fuzzed room keeps every card
// in exactly one place; and another room's persisted state is byte-for-byte unchanged (digest).
// Malformed cases chosen by hand are in malformed.test.ts; this file explores around them.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkName } from "../game/names";
import { brokenInvariants } from "../game/testing/invariants";
import { CommandSchema, ERRORS, JoinSchema, MAX_MESSAGE_BYTES, parseCommand } from "./protocol";
import { type Client, connectClient, startTestServer, type TestServer } from "./testing/harness";
import { closeTable, must, openTable, playToBuild, type Table, truth } from "./testing/table";

const SEED = 20_240_609;
let t: TestServer;
let target: Table;
let bystanders: Table;
const spare: Client[] = [];

/** sha256 of a room's persisted record: what a restart would bring back. */
function digest(code: string): string {
  const rec = t.store.loadLiveRooms().find((r) => r.code === code);
  if (!rec) throw new Error(`room ${code} is not stored`);
  return createHash("sha256").update(JSON.stringify(rec)).digest("hex");
}

beforeAll(async () => {
  // A budget far above any fuzz burst: the rate limit is tested on its own (limits, flood tests).
  t = await startTestServer({ rate: { capacity: 100_000, refillPerSecond: 100_000 } });
  target = await openTable(t.url, { students: 2 });
  bystanders = await openTable(t.url, { students: 3 });
  for (const table of [target, bystanders]) await playToBuild(table, { buildMs: 900_000 });
}, 20_000);

afterAll(async () => {
  closeTable(target);
  closeTable(bystanders);
  for (const c of spare.splice(0)) c.close();
  await t.close();
});

// ---- what the fuzzer sends ----------------------------------------------------------------------

const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value);
const FIELDS = [
  "id",
  "slot",
  "copy",
  "target",
  "text",
  "proposal",
  "seat",
  "name",
  "team",
  "level",
  "perTeam",
  "settings",
  "marks",
  "ms",
  "value",
  "admin",
];
/** socket.io-client refuses to emit these itself. */
const RESERVED = new Set([
  "connect",
  "connect_error",
  "disconnect",
  "disconnecting",
  "newListener",
  "removeListener",
]);

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("point", "evidence1", "counter", "failure", "success", "easy", "hard", "c1", "p1", "s_x"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 4 }) },
);
const huge = fc.oneof(
  fc.integer({ min: 1_000, max: MAX_MESSAGE_BYTES - 1_500 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 100, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => i % 10)),
  fc.integer({ min: 50, max: 1_000 }).map((n) => JSON.parse(`${"[".repeat(n)}${"]".repeat(n)}`) as unknown),
);
/** A command-shaped object: a real or made-up type, and any mix of real field names and values. */
const commandish = fc
  .record({
    type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.constantFrom("becomeHost", "", "START"), scalar),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }),
    big: fc.option(fc.tuple(fc.constantFrom(...FIELDS), huge), { freq: 5 }),
  })
  .map(({ type, fields, big }) => ({ type, ...fields, ...(big ? { [big[0]]: big[1] } : {}) }));
/** A forbidden key, as an own property (JSON.parse keeps `__proto__` as one), at depth 0–3. */
const forbidden = fc
  .record({
    key: fc.constantFrom("__proto__", "constructor", "prototype"),
    type: fc.constantFrom(...COMMAND_TYPES),
    path: fc.array(fc.constantFrom("settings", "marks", "failure", "x"), { maxLength: 3 }),
    inner: fc.jsonValue({ maxDepth: 2 }),
  })
  .map(({ key, type, path, inner }) => {
    let json = `{"${key}":${JSON.stringify(inner ?? null)}}`;
    for (const p of [...path].reverse()) json = `{"${p}":${json}}`;
    return { ...(JSON.parse(json) as object), type } as unknown;
  });
/** Well-formed commands with plausible values (real seat and card ids among made-up ones): what
 *  the rules, not the schema, must refuse or apply. Bound to the fuzzed room once it exists. */
function wellFormed(seats: string[], copies: string[]) {
  const slot = fc.constantFrom("point", "evidence1", "evidence2", "explanation", "link", "counter");
  const para = fc.constantFrom("point", "evidence1", "evidence2", "explanation", "link");
  const seat = fc.oneof(fc.constantFrom(...seats), fc.constantFrom("s_nobody", "s_x"));
  const copy = fc.oneof(fc.constantFrom(...copies), fc.constantFrom("c1", "c999999"));
  const proposal = fc.integer({ min: 0, max: 60 }).map((n) => `p${n}`);
  const team = fc.constantFrom("failure", "success");
  const level = fc.constantFrom("easy", "medium", "hard");
  const id = fc.option(fc.string({ minLength: 1, maxLength: 64 }), { nil: undefined });
  return fc
    .oneof(
      fc.constantFrom(...["lock", "unlock", "pause", "resume", "skip", "start"].map((type) => ({ type }))),
      fc.record({ type: fc.constant("verdictVote"), value: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ type: fc.constant("propose"), slot, copy, target: fc.option(para, { nil: undefined }) }),
      fc.record({ type: fc.constant("write"), slot, text: fc.string({ minLength: 1, maxLength: 400 }) }),
      fc.record({ type: fc.constantFrom("support", "withdraw"), proposal }),
      fc.record({ type: fc.constant("rename"), seat, name: fc.string({ minLength: 1, maxLength: 64 }) }),
      fc.record({ type: fc.constant("addTime"), ms: fc.integer({ min: 1_000, max: 300_000 }) }),
      fc.record({ type: fc.constant("move"), seat, team }),
      fc.record({ type: fc.constant("addBot"), team: fc.option(team, { nil: null }), level }),
    )
    .chain((cmd) => id.map((i) => (i === undefined ? cmd : { ...cmd, id: i })));
}

const payload = (seats: string[], copies: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: wellFormed(seats, copies) },
    { weight: 5, arbitrary: commandish },
    { weight: 2, arbitrary: forbidden },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.record({ name: value }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)) },
    { weight: 1, arbitrary: huge },
  );
const eventName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("command", "command", "command", "join") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "view",
      "me",
      "deck",
      "notice",
      "__proto__",
      "constructor",
      "toString",
      "hack",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const eventOf = (seats: string[], copies: string[]) =>
  fc.record({
    name: eventName.filter((n) => !RESERVED.has(n)),
    args: fc.oneof(
      { weight: 6, arbitrary: fc.tuple(payload(seats, copies)) },
      fc.constant([]),
      fc.tuple(payload(seats, copies), value),
    ),
    ack: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
    from: fc.constantFrom("host", "screen", "seated", "unseated"),
  });
type FuzzEvent = ReturnType<typeof eventOf> extends fc.Arbitrary<infer T> ? T : never;

// ---- what must come back ------------------------------------------------------------------------

/** What the server sees of a payload (socket.io serialises it as JSON, binary kept). */
function onTheWire(v: unknown): unknown {
  if (Buffer.isBuffer(v) || v === undefined) return v;
  return JSON.parse(JSON.stringify(v));
}

/** Problems with one answer, given what was sent; empty when the answer is right. */
function judge(e: FuzzEvent, ack: unknown): string[] {
  const a = ack as { ok?: unknown; code?: unknown; message?: unknown };
  if (!a || typeof a.ok !== "boolean") return [`not an ack: ${JSON.stringify(ack)?.slice(0, 120)}`];
  if (!a.ok && !(typeof a.code === "string" && a.code in ERRORS)) return [`unknown code ${String(a.code)}`];
  if (!a.ok && (typeof a.message !== "string" || a.message.length > 300))
    return [`bad message ${String(a.message).slice(0, 80)}`];
  const wellFormed =
    e.args.length === 1 &&
    ((e.name === "command" && parseCommand(onTheWire(e.args[0])).ok) ||
      (e.name === "join" && JoinSchema.safeParse(onTheWire(e.args[0])).success));
  if (!wellFormed && (a.ok || a.code !== "bad_request") && !(e.name === "join" && !a.ok)) {
    return [
      `${e.name} ${JSON.stringify(e.args).slice(0, 160)} answered ${JSON.stringify(ack).slice(0, 120)}`,
    ];
  }
  if (a.ok && e.name === "join") {
    const name = (onTheWire(e.args[0]) as { name?: unknown }).name;
    if (!checkName(name).ok) return [`joined with a refused name ${JSON.stringify(name)}`];
  }
  return [];
}

/** The fuzzed room's sockets, replaced when one is closed (an oversized frame, a `leave`, a ban). */
const state: Partial<Record<FuzzEvent["from"], Client>> & { unseatedJoined?: boolean; token?: string } = {};

async function senders(): Promise<Record<FuzzEvent["from"], Client>> {
  const code = target.code;
  const fresh = async (auth: Record<string, unknown>) => {
    const c = await connectClient(t.url, { code, ...auth });
    spare.push(c);
    return c;
  };
  const live = (c: Client | undefined) => (c?.socket.connected ? c : undefined);
  state.host = live(state.host) ?? (await fresh({ role: "host", secret: target.hostSecret }));
  state.screen = live(state.screen) ?? (await fresh({ role: "screen" }));
  if (!live(state.seated)) {
    state.token ??= target.students[0]?.token;
    state.seated = await fresh({ role: "player", token: state.token }).catch(async () => {
      // The seat left (a fuzzed `leave` is a legal command): a new student takes its place.
      const c = await fresh({ role: "player" });
      const ack = await c.join(`Fuzz ${spare.length}`);
      if (!ack.ok) throw new Error(`rejoin refused: ${ack.code}`);
      state.token = ack.token;
      (c.socket.auth as Record<string, unknown>).token = ack.token;
      return c;
    });
  }
  if (!live(state.unseated) || state.unseatedJoined) {
    state.unseated = await fresh({ role: "player" });
    state.unseatedJoined = false;
  }
  return state as Record<FuzzEvent["from"], Client>;
}

async function send(socket: Client, e: FuzzEvent): Promise<unknown> {
  if (!e.ack) {
    socket.socket.emit(e.name, ...(e.args as unknown[]));
    return undefined;
  }
  return socket.socket.timeout(5_000).emitWithAck(e.name, ...(e.args as unknown[]));
}

describe("protocol fuzzing", () => {
  it("answers every event with an ack, refuses every malformed one, and never touches another room", async () => {
    const bystanderBefore = digest(bystanders.code);
    const problems: string[] = [];
    let answered = 0;
    let applied = 0;
    const codes = new Map<string, number>();
    const ctx = truth(t.realtime.registry, target.code).room.context;
    const event = eventOf(
      target.students.map((s) => s.seat),
      Object.values(ctx.seats).flatMap((s) => s.hand),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), async (batch) => {
        const from = await senders();
        const acks = await Promise.all(batch.map((e) => send(from[e.from], e)));
        batch.forEach((e, i) => {
          if (!e.ack) return;
          answered++;
          if ((acks[i] as { ok?: boolean }).ok) applied++;
          if (e.from === "unseated" && e.name === "join" && (acks[i] as { ok?: boolean }).ok)
            state.unseatedJoined = true;
          problems.push(...judge(e, acks[i]));
          const code = (acks[i] as { code?: string }).code ?? "ok";
          codes.set(code, (codes.get(code) ?? 0) + 1);
        });
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { seed: SEED, numRuns: 400, endOnFailure: true },
    );
    console.info(
      `[fuzz] ${answered} acked events answered, ${applied} applied; ${JSON.stringify(Object.fromEntries(codes))}`,
    );
    expect(answered).toBeGreaterThan(900);
    expect(applied).toBeGreaterThan(10);

    // Still serving: the fuzzed room keeps its cards straight, both teachers are obeyed.
    const live = truth(t.realtime.registry, target.code);
    expect(brokenInvariants(live.room.context, live.room.phase)).toEqual([]);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const host = (await senders()).host;
    expect(await host.command({ type: "lock" })).toHaveProperty("ok");
    // The room next door: not a byte changed, and everyone there still connected.
    expect(digest(bystanders.code)).toBe(bystanderBefore);
    for (const c of bystanders.clients) expect(c.socket.connected).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    await must(bystanders.host.command({ type: "addTime", ms: 1_000 }));
    expect(digest(bystanders.code)).not.toBe(bystanderBefore);
  }, 60_000);

  it("an oversized frame, of any shape, closes only the socket that sent it", async () => {
    const bystanderBefore = digest(bystanders.code);
    const shapes = fc.oneof(
      fc
        .integer({ min: MAX_MESSAGE_BYTES + 1, max: 4 * MAX_MESSAGE_BYTES })
        .map((n) => ({ text: "y".repeat(n) })),
      fc
        .integer({ min: MAX_MESSAGE_BYTES, max: 2 * MAX_MESSAGE_BYTES })
        .map((n) => Array.from({ length: n }, () => 7)),
      fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: 2 * MAX_MESSAGE_BYTES }).map((n) => Buffer.alloc(n, 1)),
    );
    const samples = fc.sample(fc.tuple(shapes, fc.constantFrom("host", "screen", "seated", "unseated")), {
      seed: SEED,
      numRuns: 8,
    });
    for (const [big, from] of samples) {
      const sender = (await senders())[from as FuzzEvent["from"]];
      const closed = new Promise<string>((resolve) => sender.socket.once("disconnect", resolve));
      sender.socket.emit("command", { type: "write", slot: "point", big });
      expect(await closed).toBe("transport close");
    }
    for (const c of [...bystanders.clients, target.host, target.screen])
      expect(c.socket.connected).toBe(true);
    expect(digest(bystanders.code)).toBe(bystanderBefore);
    expect(await target.host.command({ type: "unlock" })).toHaveProperty("ok");
  }, 30_000);

  it("a flood of acks its sender never reads stalls nobody else", async () => {
    const bystanderBefore = digest(bystanders.code);
    const reader = await senders();
    const sink = reader.seated;
    // Stop reading: the server's acks pile up in the sender's socket buffers, unread.
    const ws = (sink.socket.io.engine as unknown as { transport: { ws?: { _socket?: { pause(): void } } } })
      .transport.ws;
    expect(ws?._socket).toBeDefined();
    ws?._socket?.pause();
    const flood = Array.from({ length: 5_000 }, (_, i) => ({ type: "support", proposal: `p${i}` }));
    for (const cmd of flood) sink.socket.emit("command", cmd, () => {});
    // Meanwhile the next room is served as usual.
    const started = performance.now();
    for (let i = 0; i < 10; i++)
      expect(await bystanders.students[0]?.client.command({ type: "support", proposal: "p0" })).toMatchObject(
        {
          ok: false,
          code: "unknown_proposal",
        },
      );
    const tenMs = performance.now() - started;
    console.info(`[fuzz] 10 commands next door during a 5,000-event unread flood: ${tenMs.toFixed(0)} ms`);
    expect(tenMs).toBeLessThan(5_000);
    expect(digest(bystanders.code)).toBe(bystanderBefore);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    (ws?._socket as unknown as { destroy(): void } | undefined)?.destroy();
    sink.close();
    state.seated = undefined;
    expect(await (await senders()).seated.command({ type: "support", proposal: "p0" })).toMatchObject({
      ok: false,
    });
  }, 30_000);
});
