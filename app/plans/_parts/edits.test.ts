import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../../content/importer";
import type { Deck } from "../../../content/schema";
import { CorrectionsSchema } from "../../../server/api-decks";
import { applyEdits, correctionsOf, editsFrom, problemsOf } from "./edits";

function deckOf(file: string): Deck {
  const parsed = parsePlan(
    readFileSync(new URL(`../../../content/fixtures/${file}`, import.meta.url), "utf8"),
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.deck;
}

const original = deckOf("versailles-labelled.txt");

describe("a teacher's corrections", () => {
  it("are empty when nothing changed", () => {
    expect(correctionsOf(original, editsFrom(original))).toEqual({});
  });

  it("carry only what differs, in the server's shape", () => {
    const edits = editsFrom(original);
    edits.sides.failure = "  Too harsh on Germany ";
    edits.themes.territory = "Land";
    edits.cards["p1-point"] = { side: "failure", theme: "reparations", checked: false };
    const c = correctionsOf(original, edits);
    expect(c).toEqual({
      sides: { failure: "Too harsh on Germany" },
      themes: { territory: "Land" },
      cards: { "p1-point": { side: "failure", theme: "reparations" } },
    });
    expect(CorrectionsSchema.safeParse(c).success).toBe(true);
    const shown = applyEdits(original, edits);
    expect(shown.cards.find((x) => x.id === "p1-point")).toMatchObject({
      side: "failure",
      theme: "reparations",
    });
    expect(shown.themes.find((t) => t.id === "territory")?.title).toBe("Land");
  });

  it("send a checked card unchanged so its review flag clears, and read it back from a saved deck", () => {
    const flagged: Deck = {
      ...original,
      cards: original.cards.map((c) => (c.id === "p3-point" ? { ...c, review: true } : c)),
    };
    const edits = editsFrom(flagged);
    expect(edits.cards["p3-point"]?.checked).toBe(false);
    edits.cards["p3-point"] = {
      ...(edits.cards["p3-point"] as { side: "success"; theme: string; checked: boolean }),
      checked: true,
    };
    expect(correctionsOf(flagged, edits)).toEqual({ cards: { "p3-point": { side: "success" } } });
    // Saved: the stored deck has the flag cleared; editing again keeps it checked.
    const saved = applyEdits(flagged, edits);
    const again = editsFrom(flagged, saved, "Versailles");
    expect(again.cards["p3-point"]?.checked).toBe(true);
    expect(again.title).toBe("Versailles");
    expect(correctionsOf(flagged, again)).toEqual({ cards: { "p3-point": { side: "success" } } });
  });

  it("name what stops a save", () => {
    const edits = editsFrom(original);
    edits.sides.success = " ";
    edits.themes.reparations = "";
    expect(problemsOf(edits, original)).toHaveLength(2);
    expect(correctionsOf(original, edits)).toEqual({});
  });
});
