import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLogger, formatLine, isRedactedKey, type LogFields, type LogLevel, parseLogLevel } from "./log";
import { newSeatToken } from "./secrets";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function capture(level: LogLevel = "debug", base: LogFields = {}) {
  const lines: string[] = [];
  const log = createLogger(base, { level, now: () => T0, sink: (line) => lines.push(line) });
  return { log, lines };
}

describe("line format", () => {
  it("writes ts, level, msg, then fields as key=value", () => {
    const { log, lines } = capture();
    log.info("card proposed", { room: "CDF346", seat: 4, event: "propose", ok: true });
    expect(lines).toEqual([
      'ts=2025-01-06T09:00:00.000Z level=info msg="card proposed" room=CDF346 seat=4 event=propose ok=true',
    ]);
  });

  it("quotes values with spaces, quotes, equals signs or backslashes", () => {
    const { log, lines } = capture();
    log.info("x", { name: 'Brave "Otter"', expr: "a=b", path: "C:\\data", empty: "" });
    expect(lines[0]).toContain('name="Brave \\"Otter\\""');
    expect(lines[0]).toContain('expr="a=b"');
    expect(lines[0]).toContain('path="C:\\\\data"');
    expect(lines[0]).toContain('empty=""');
  });

  it("keeps one event on one line whatever a value contains", () => {
    const { log, lines } = capture();
    log.warn("bad name", { name: "x\nts=0 level=error msg=forged\r\u2028\u202e" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\n\r\u2028\u202e]/);
    expect(lines[0]).toContain("\\nts=0 level=error msg=forged\\r\\u2028\\u202e");
  });

  it("never lets a field overwrite ts, level or msg", () => {
    const { log, lines } = capture();
    log.info("real", { level: "error", msg: "fake", ts: 0 });
    expect(lines[0]).toBe("ts=2025-01-06T09:00:00.000Z level=info msg=real");
  });

  it("sanitises keys", () => {
    expect(formatLine(T0, "info", "m", [{ "a b=c": 1 }])).toMatch(/ a_b_c=1$/);
  });

  it("prints errors as name and message, never the stack", () => {
    const { log, lines } = capture();
    log.error("flush failed", { err: new TypeError("disk full") });
    expect(lines[0]).toContain('err="TypeError: disk full"');
    expect(lines[0]).not.toContain("at ");
  });

  it("cuts very long values", () => {
    const { log, lines } = capture();
    log.info("m", { plan: "x".repeat(10_000) });
    expect(lines[0]!.length).toBeLessThan(400);
  });

  it("stays a parseable single line for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (msg, value) => {
        const line = formatLine(T0, "info", msg, [{ value }]);
        expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(line.startsWith("ts=")).toBe(true);
      }),
    );
  });
});

describe("redaction", () => {
  it.each([
    "token",
    "seatToken",
    "host_secret",
    "hand",
    "cards",
    "password",
    "auth",
    "Authorization",
    "x-auth",
  ])("redacts %s", (key) => {
    expect(isRedactedKey(key)).toBe(true);
  });

  it.each(["room", "seat", "event", "cardId", "handled", "author", "code"])("keeps %s", (key) => {
    expect(isRedactedKey(key)).toBe(false);
  });

  it("never prints a token or a hand", () => {
    const { log, lines } = capture();
    const token = newSeatToken();
    const hand = ["card-steel-output-1958", "card-backyard-furnaces"];
    log.info("seat joined", { room: "CDF346", seat: 3, token, seatToken: token });
    log.info("dealt", { hand: hand.join(","), cards: hand[0] });
    log.child({ token }).warn("child carries a token");
    // A whole object smuggled past the types is never serialised.
    log.info("snapshot", { state: { hands: { 3: hand }, token } as unknown as string });
    const all = lines.join("\n");
    expect(all).not.toContain(token);
    for (const card of hand) expect(all).not.toContain(card);
    expect(all).toContain("token=[redacted]");
    expect(all).toContain("hand=[redacted]");
    expect(all).toContain("state=[object]");
  });
});

describe("levels and children", () => {
  it("drops lines below the level", () => {
    const { log, lines } = capture("warn");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((l) => l.match(/level=(\w+)/)?.[1])).toEqual(["warn", "error"]);
    expect(log.enabled("info")).toBe(false);
    expect(log.enabled("error")).toBe(true);
  });

  it("silent writes nothing", () => {
    const { log, lines } = capture("silent");
    log.error("e");
    expect(lines).toEqual([]);
  });

  it("children add fields and override their parents' values", () => {
    const { log, lines } = capture("info", { mod: "rooms" });
    const room = log.child({ room: "CDF346" });
    room.child({ seat: 2 }).info("vote", { seat: 5 });
    room.info("tick");
    expect(lines[0]).toMatch(/msg=vote mod=rooms room=CDF346 seat=5$/);
    expect(lines[1]).toMatch(/msg=tick mod=rooms room=CDF346$/);
  });

  it("reads LOG_LEVEL, and is silent under vitest unless told otherwise", () => {
    expect(parseLogLevel(" WARN ")).toBe("warn");
    expect(parseLogLevel("loud")).toBeUndefined();
    expect(createLogger({}, { env: { VITEST: "true" } }).level).toBe("silent");
    expect(createLogger({}, { env: { VITEST: "true", LOG_LEVEL: "debug" } }).level).toBe("debug");
    expect(createLogger({}, { env: {} }).level).toBe("info");
    expect(createLogger({}, { env: { LOG_LEVEL: "nonsense" } }).level).toBe("info");
  });

  it("survives a sink that throws", () => {
    const log = createLogger(
      {},
      {
        level: "info",
        sink: () => {
          throw new Error("EPIPE");
        },
      },
    );
    expect(() => log.info("still fine")).not.toThrow();
  });
});
