import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkName,
  containsOffensiveWord,
  NAME_ADJECTIVES,
  NAME_ANIMALS,
  NAME_MAX_CHARS,
  randomName,
  rot13,
} from "./names";

/** Test words are written ROT13 too, so this file is not a list of slurs either. */
const bad = rot13;
const fullwidth = (s: string) => s.replace(/[a-z]/g, (ch) => String.fromCodePoint(ch.charCodeAt(0) + 0xfee0));
const mathBold = (s: string) =>
  s.replace(/[a-z]/g, (ch) => String.fromCodePoint(0x1d41a + ch.charCodeAt(0) - 97));

describe("cleaning", () => {
  it.each([
    ["  Ada  Lovelace ", "Ada Lovelace"],
    ["Ada\tLovelace\n", "Ada Lovelace"],
    ["Ada\u00a0\u3000Lovelace", "Ada Lovelace"],
    ["Al\u200bice", "Alice"], // zero-width space
    ["\u202eecilA", "ecilA"], // right-to-left override
    ["Bob\u0000\u0007\u001b[31m", "Bob[31m"], // control characters, incl. a terminal escape
    ["Zoe\u0308", "Zoë"], // combining diaeresis composed to one character (NFC)
    ["\ufeffMo", "Mo"], // byte-order mark
    ["Ch\u00adris", "Chris"], // soft hyphen
    ["😀 Sam", "😀 Sam"],
    ["李小龙", "李小龙"],
    ["Zoë-Marie O'Neil", "Zoë-Marie O'Neil"],
  ])("%j → %j", (input, expected) => {
    expect(checkName(input)).toEqual({ ok: true, name: expected });
  });

  it("cuts stacks of combining marks", () => {
    const zalgo = `Z${"\u0301\u0302\u0303\u0304\u0305\u0306".repeat(3)}ed`;
    const result = checkName(zalgo);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.name).toBe("Z\u0301\u0302ed".normalize("NFC"));
    // Vietnamese needs two marks on one letter; they survive.
    expect(checkName("Nguy\u1ec5n")).toEqual({ ok: true, name: "Nguyễn" });
  });
});

describe("refusals", () => {
  it.each([
    ["", "name_empty"],
    ["   ", "name_empty"],
    ["\u200b\u200b", "name_empty"], // only invisible characters
    ["\u3164\u3164", "name_empty"], // Hangul filler: a "blank" letter
    [42, "name_empty"],
    [null, "name_empty"],
    ["x".repeat(NAME_MAX_CHARS + 1), "name_too_long"],
    ["x".repeat(10_000), "name_too_long"],
    ["<b>Bob</b>", "name_bad_chars"],
    ["Bob>", "name_bad_chars"],
    ["\uff1cscript\uff1e", "name_bad_chars"], // fullwidth < >
    ["...", "name_bad_chars"],
  ])("%j → %s", (input, code) => {
    const result = checkName(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(checkName("😀".repeat(NAME_MAX_CHARS)).ok).toBe(true);
    expect(checkName("😀".repeat(NAME_MAX_CHARS + 1))).toMatchObject({ code: "name_too_long" });
  });

  it("counts the cleaned name", () => {
    expect(checkName(`${" ".repeat(50)}${"a".repeat(NAME_MAX_CHARS)}${"\u200b".repeat(50)}`).ok).toBe(true);
  });

  it("tells the student what to do, without repeating the word", () => {
    const result = checkName(bad("shpx"));
    expect(result).toMatchObject({ ok: false, code: "name_filtered" });
    if (!result.ok) {
      expect(result.message).toMatch(/Random name/);
      expect(result.message.toLowerCase()).not.toContain(bad("shpx"));
    }
  });
});

describe("word filter", () => {
  it.each([
    "shpx",
    "Shpx Lbh",
    "zbgureshpxre",
    "SHPXVAT",
    "shhhhpx",
    "sh.p.x",
    "s h p x",
    "fuvg",
    "fuvgurnq",
    "ohyyfuvg",
    "$u!g",
    "f u v g", // spaced single letters
    "nff",
    "n55",
    "@$$",
    "Ovt Nff",
    "nffrf",
    "nffubyr",
    "qvpxurnq",
    "phag",
    "avttre",
    "a1tt3e",
    "snttbg",
    "shpx\u200b", // invisible tail is stripped first
    "shpx-snpr",
    "cravf",
    "frk",
    "phz",
    "obbof",
  ])("filters %j", (word) => {
    const name = bad(word);
    expect(containsOffensiveWord(name)).toBe(true);
    expect(checkName(name)).toMatchObject({ ok: false, code: "name_filtered" });
  });

  it("filters fullwidth and mathematical letters", () => {
    expect(containsOffensiveWord(fullwidth(bad("shpx")))).toBe(true);
    expect(containsOffensiveWord(mathBold(bad("shpx")))).toBe(true);
    expect(fullwidth(bad("shpx"))).not.toMatch(/[a-z]/);
  });

  it("filters Cyrillic look-alikes", () => {
    const word = bad("shpx").replace("c", "\u0441"); // Cyrillic es
    expect(word).not.toBe(bad("shpx"));
    expect(containsOffensiveWord(word)).toBe(true);
  });

  it("filters accented spellings", () => {
    expect(containsOffensiveWord(bad("fuvg").replace("i", "\u00ee"))).toBe(true);
  });

  it.each([
    "Scunthorpe",
    "Essex",
    "Sussex",
    "Middlesex",
    "classic",
    "Classic",
    "assassin",
    "Assassin Bass",
    "Passion",
    "Harassment",
    "Cassidy",
    "Dickens",
    "Hancock",
    "Peacock",
    "Cockburn",
    "Arsenal",
    "Pakistan",
    "Japan",
    "analysis",
    "Titanic",
    "Cumberland",
    "Cumming",
    "Penistone",
    "Therapist",
    "Grape",
    "Scrap",
    "Spice",
    "Raccoon",
    "Cocoon",
    "Nazir",
    "Fukushima",
    "Shaggy",
    "Josh Itani",
    "Montenegro",
    "Sextant",
    "Room 455",
    "Ishita",
    "Matsushita",
    "Shittu",
    "Dikshit",
    "Kshitij",
    "Shiitake",
    "Snigger",
    "Cocker Spaniel",
    "Pornthip",
    "Kike",
    "Lee Fuk Wing",
    "Team 717",
    "Matilda",
    "Ashton",
    "Hitchcock",
    "Sam Smith",
  ])("lets %j through", (name) => {
    expect(containsOffensiveWord(name)).toBe(false);
    expect(checkName(name).ok).toBe(true);
  });
});

describe("random names", () => {
  it("every adjective + animal pair passes the filter and fits", () => {
    for (const adjective of NAME_ADJECTIVES) {
      for (const animal of NAME_ANIMALS) {
        const name = `${adjective} ${animal}`;
        expect(checkName(name), name).toEqual({ ok: true, name });
      }
    }
  });

  it("is deterministic for a given rng and covers the lists", () => {
    expect(randomName(() => 0)).toBe(`${NAME_ADJECTIVES[0]} ${NAME_ANIMALS[0]}`);
    expect(randomName(() => 0.999999)).toBe(`${NAME_ADJECTIVES.at(-1)} ${NAME_ANIMALS.at(-1)}`);
    // Out-of-range or broken rngs still give a name.
    expect(checkName(randomName(() => 1)).ok).toBe(true);
    expect(checkName(randomName(() => Number.NaN)).ok).toBe(true);
    expect(checkName(randomName(() => -3)).ok).toBe(true);
  });

  it("avoids names already taken, and numbers them when it must", () => {
    const first = randomName(() => 0);
    expect(randomName(() => 0, new Set([first.toUpperCase()]))).toBe(`${first} 2`);
    expect(randomName(() => 0, new Set([first, `${first} 2`]))).toBe(`${first} 3`);
    let i = 0;
    const sequence = [0, 0, 0.5, 0.5]; // first draw clashes, second does not
    const second = randomName(() => sequence[i++ % sequence.length]!, new Set([first]));
    expect(second).not.toBe(first);
    expect(checkName(second).ok).toBe(true);
  });
});

describe("properties", () => {
  const nasty = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc
      .array(
        fc.constantFrom("<", ">", "\u0000", "\u202e", "\u200b", "\n", " ", "a", "\u0301", "😀", "\ud800"),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join("")),
  );

  it("an accepted name never contains markup, control or invisible characters, and fits", () => {
    fc.assert(
      fc.property(nasty, (input) => {
        const result = checkName(input);
        if (!result.ok) return;
        const name = result.name;
        expect(name).not.toMatch(/[<>]/);
        expect(name).not.toMatch(/\p{C}/u);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s{2}|[^\S ]/u);
        expect([...name].length).toBeGreaterThanOrEqual(1);
        expect([...name].length).toBeLessThanOrEqual(NAME_MAX_CHARS);
      }),
      { numRuns: 2000 },
    );
  });

  it("cleaning is idempotent", () => {
    fc.assert(
      fc.property(nasty, (input) => {
        const result = checkName(input);
        if (result.ok) expect(checkName(result.name)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => checkName(input)).not.toThrow();
      }),
    );
  });
});
