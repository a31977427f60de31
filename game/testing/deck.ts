// A small, hand-made deck for the engine's tests: two paragraph themes with full PEEL chains on
// the failure side, counters and a thinner success side, like a real plan.
import type { Card, Deck } from "../../content/schema";

function card(c: Partial<Card> & Pick<Card, "id" | "kind" | "side" | "theme" | "text">): Card {
  return { source: c.text, supports: [], rebuts: [], paragraph: 1, part: "point", review: false, ...c };
}

export const testDeck: Deck = {
  question: "How accurate is it to say that the Test Plan was a failure?",
  sides: { failure: "Failure", success: "Partial success" },
  themes: [
    { id: "output", title: "Output", paragraph: 1 },
    { id: "experts", title: "Experts", paragraph: 2 },
    { id: "prestige", title: "Prestige", paragraph: 3 },
    { id: "context", title: "Context", paragraph: null },
  ],
  cards: [
    card({ id: "p1-point", kind: "point", side: "failure", theme: "output", text: "Output fell." }),
    card({ id: "p1-evidence-1", kind: "evidence", side: "failure", theme: "output", text: "By 1962 output was half of 1958.", supports: ["p1-point"] }),
    card({ id: "p1-evidence-2", kind: "evidence", side: "success", theme: "output", text: "Coal and steel rose at first.", rebuts: ["p1-point"] }),
    card({ id: "p1-explanation", kind: "explanation", side: "failure", theme: "output", text: "No skills, no transport.", supports: ["p1-point"] }),
    card({ id: "p1-counter", kind: "counter", side: "success", theme: "output", text: "Figures were impressive from a low base.", rebuts: ["p1-point"] }),
    card({ id: "p1-link", kind: "link", side: "failure", theme: "output", text: "So no modern economy.", supports: ["p1-point"], rebuts: ["p1-counter"] }),
    card({ id: "p2-point", kind: "point", side: "failure", theme: "experts", text: "Experts were sidelined.", paragraph: 2 }),
    card({ id: "p2-evidence-1", kind: "evidence", side: "failure", theme: "experts", text: "Soviet experts left in 1960.", supports: ["p2-point"], paragraph: 2 }),
    card({ id: "p2-explanation", kind: "explanation", side: "failure", theme: "experts", text: "Industry needs planning.", supports: ["p2-point"], paragraph: 2 }),
    card({ id: "p2-link", kind: "link", side: "failure", theme: "experts", text: "So industry could not build on the first plan.", supports: ["p2-point"], paragraph: 2 }),
    card({ id: "p3-point", kind: "point", side: "success", theme: "prestige", text: "Projects brought prestige.", paragraph: 3 }),
    card({ id: "p3-evidence-1", kind: "evidence", side: "success", theme: "prestige", text: "Tiananmen Square built in two years.", supports: ["p3-point"], paragraph: 3 }),
    card({ id: "p3-evidence-2", kind: "evidence", side: "success", theme: "prestige", text: "Atomic bomb in 1964.", supports: ["p3-point"], paragraph: 3 }),
    card({ id: "p3-explanation", kind: "explanation", side: "success", theme: "prestige", text: "Symbols of industrial prowess.", supports: ["p3-point"], paragraph: 3 }),
    card({ id: "p3-counter", kind: "counter", side: "failure", theme: "prestige", text: "Vanity projects.", rebuts: ["p3-point"], paragraph: 3 }),
    card({ id: "intro-scene", kind: "context", side: "either", theme: "context", text: "Mao launched the plan in 1958.", paragraph: null, part: "scene" }),
    card({ id: "concl-summarise", kind: "context", side: "either", theme: "context", text: "Production fell sharply.", paragraph: null, part: "summarise" }),
  ],
  gaps: [{ paragraph: 3, part: "link" }],
};
