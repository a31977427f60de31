import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  newSeatId,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  hashSecret,
  isId,
  isJoinCode,
  newHostSecret,
  newId,
  newJoinCode,
  newSeatToken,
  normaliseJoinCode,
  safeEqual,
} from "./secrets";

describe("tokens and secrets", () => {
  it("are base64url with at least 24 random bytes", () => {
    for (const make of [newSeatToken, newHostSecret]) {
      const token = make();
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(24);
    }
  });

  it("do not repeat", () => {
    const seen = new Set(Array.from({ length: 2000 }, newSeatToken));
    expect(seen.size).toBe(2000);
  });

  it("hash to sha256 hex, and the hash is not the token", () => {
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = newSeatToken();
    expect(hashSecret(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(token)).not.toContain(token);
  });
});

describe("safeEqual", () => {
  it("compares contents", () => {
    const t = newSeatToken();
    expect(safeEqual(t, `${t}`)).toBe(true);
    expect(safeEqual(t, newSeatToken())).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });

  it("treats different lengths and non-strings as unequal without throwing", () => {
    expect(safeEqual("abc", "abcd")).toBe(false);
    // Client payloads are untyped at runtime: a number or object must never match or throw.
    expect(safeEqual(123 as unknown as string, "123")).toBe(false);
    expect(safeEqual({} as unknown as string, "[object Object]")).toBe(false);
  });

  it("compares multi-byte strings by their UTF-8 bytes", () => {
    expect(safeEqual("é", "é")).toBe(true);
    expect(safeEqual("é", "e\u0301")).toBe(false);
  });

  it("agrees with === on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
        expect(safeEqual(a, a)).toBe(true);
      }),
    );
  });
});

describe("join codes", () => {
  it("use 6 characters from an alphabet without look-alikes or vowels", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(22);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    for (const ch of "0O1IL5S2Z8BAEIOU") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    for (let i = 0; i < 500; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect([...code].every((ch) => JOIN_CODE_ALPHABET.includes(ch))).toBe(true);
      expect(isJoinCode(code)).toBe(true);
    }
  });

  it("use every character of the alphabet (no stuck or missing symbols)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) for (const ch of newJoinCode()) seen.add(ch);
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it.each([
    ["cdf 346", "CDF346"],
    ["CDF-346", "CDF346"],
    ["  cdf346  ", "CDF346"],
    ["c d f 3 4 6", "CDF346"],
    ["cdf.346", "CDF346"],
  ])("normalise %j to %j", (input, expected) => {
    expect(normaliseJoinCode(input)).toBe(expected);
    expect(isJoinCode(input)).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["CDF34", "too short"],
    ["CDF3466", "too long"],
    ["CDF0O6", "ambiguous characters are not silently corrected"],
    ["ABC123", "vowels and 1 are outside the alphabet"],
    ["CDF34\u00e9", "non-ASCII"],
    [`${" ".repeat(40)}CDF346`, "absurdly long input"],
  ])("reject %j (%s)", (input) => {
    expect(normaliseJoinCode(input)).toBeNull();
    expect(isJoinCode(input)).toBe(false);
  });

  it("reject non-strings", () => {
    for (const value of [null, undefined, 123456, ["CDF346"], { code: "CDF346" }]) {
      expect(normaliseJoinCode(value)).toBeNull();
    }
  });

  it("normalise to something valid or to null, never to anything else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const code = normaliseJoinCode(input);
        if (code !== null) {
          expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
          expect(normaliseJoinCode(code)).toBe(code);
        }
      }),
    );
  });
});

describe("ids", () => {
  it("carry their prefix and 96 random bits", () => {
    const id = newId("game");
    expect(id).toMatch(/^game_[A-Za-z0-9_-]{16}$/);
    expect(isId(id, "game")).toBe(true);
    expect(isId(id, "deck")).toBe(false);
    expect(newId("hw")).not.toBe(newId("hw"));
  });

  it("give seats short ids (48 random bits), distinct over many joins", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newSeatId()));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(id).toMatch(/^s_[A-Za-z0-9_-]{8}$/);
  });

  it("refuse a prefix that would make ids ambiguous or unsafe in a URL", () => {
    for (const prefix of ["", "Game", "game_x", "a/b", "x".repeat(17)]) {
      expect(() => newId(prefix)).toThrow(RangeError);
    }
  });

  it("isId rejects lookalikes", () => {
    expect(isId("game_short", "game")).toBe(false);
    expect(isId("game_<script>alert(1)</", "game")).toBe(false);
    expect(isId(42, "game")).toBe(false);
  });
});
