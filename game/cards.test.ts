// Dealing: hands hold only cards of the themes the game plays.
import { describe, expect, it } from "vitest";
import { seedDeck } from "../content/decks";
import { cardIndex, dealtCards, roundThemes, teamCards } from "./cards";
import { defaultSettings } from "./settings";
import { HOST, join, newRoom } from "./testing/harness";

describe("dealing", () => {
  it("deals no card of a theme the teacher left out, from the first hand to the last refill", () => {
    const all = roundThemes(seedDeck);
    expect(all.length).toBeGreaterThan(3);
    const themes = defaultSettings(seedDeck).themes.slice(0, 3);
    const left = all.filter((t) => !themes.includes(t));
    const room = newRoom({ deck: seedDeck });
    for (let i = 0; i < 8; i++) expect(join(room, `s${i}`).ok).toBe(true);
    expect(room.dispatch({ type: "configure", settings: { themes } }, HOST).ok).toBe(true);
    expect(room.dispatch({ type: "start" }, HOST).ok).toBe(true);
    const byId = cardIndex(seedDeck);
    const themeOf = (copy: string) => byId.get(room.context.copies[copy] ?? "")?.theme;
    let hands = 0;
    for (let step = 0; step < 200 && room.phase !== "verdict"; step++) {
      const ctx = room.context;
      for (const seat of Object.values(ctx.seats)) {
        hands += seat.hand.length;
        for (const copy of seat.hand) expect(left).not.toContain(themeOf(copy));
      }
      for (const side of ["failure", "success"] as const)
        for (const copy of ctx.teams[side].drawPile) expect(left).not.toContain(themeOf(copy));
      room.dispatch({ type: "skip" }, HOST);
    }
    expect(room.phase).toBe("verdict");
    expect(hands).toBeGreaterThan(0);
    room.stop();
  });

  it("falls back to every card of the team when none is on a played theme", () => {
    const room = newRoom({ deck: seedDeck });
    const ctx = { ...room.context, settings: { ...room.context.settings, themes: ["no-such-theme"] } };
    expect(dealtCards(ctx, "failure")).toEqual(teamCards(seedDeck, "failure"));
    room.stop();
  });
});
