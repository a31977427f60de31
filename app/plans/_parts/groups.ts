// The deck laid out as the plan is: Introduction, each paragraph (its theme), Conclusion, with the
// plan's empty parts (gaps) in their places among the cards. Cards stay where the plan put them
// even when the teacher moves one to another theme, so nothing jumps about while editing.
import type { Card, Deck, ParagraphPart } from "../../../content/schema";

export type GroupItem = { kind: "card"; card: Card } | { kind: "gap"; part: ParagraphPart };

export interface PlanGroup {
  key: string;
  heading: string;
  /** The paragraph's theme (renamable); null for Introduction and Conclusion. */
  theme: string | null;
  items: GroupItem[];
}

const PART_ORDER = ["point", "evidence", "explanation", "however", "link"] as const;
const INTRO = new Set(["scene", "attack", "outline"]);

export const GAP_LABEL: Record<ParagraphPart, string> = {
  point: "Point",
  evidence: "Evidence",
  explanation: "Explanation",
  however: "However (the counter)",
  link: "Link",
};

function partIndex(item: GroupItem): number {
  const part = item.kind === "card" ? item.card.part : item.part;
  const i = (PART_ORDER as readonly string[]).indexOf(part);
  return i < 0 ? PART_ORDER.length : i;
}

export function planGroups(deck: Deck): PlanGroup[] {
  const intro = deck.cards.filter((c) => c.paragraph === null && INTRO.has(c.part));
  const conclusion = deck.cards.filter((c) => c.paragraph === null && !INTRO.has(c.part));
  const paragraphs = deck.themes
    .filter((t) => t.paragraph !== null)
    .map((t): PlanGroup => {
      const n = t.paragraph as number;
      const items: GroupItem[] = [
        ...deck.cards.filter((c) => c.paragraph === n).map((card) => ({ kind: "card" as const, card })),
        ...deck.gaps.filter((g) => g.paragraph === n).map((g) => ({ kind: "gap" as const, part: g.part })),
      ];
      // Stable: cards of one part keep the plan's order.
      const sorted = items
        .map((item, i) => ({ item, i }))
        .sort((a, b) => partIndex(a.item) - partIndex(b.item) || a.i - b.i);
      return { key: `p${n}`, heading: `Paragraph ${n}`, theme: t.id, items: sorted.map((x) => x.item) };
    });
  const asItems = (cards: Card[]) => cards.map((card) => ({ kind: "card" as const, card }));
  return [
    ...(intro.length ? [{ key: "intro", heading: "Introduction", theme: null, items: asItems(intro) }] : []),
    ...paragraphs,
    ...(conclusion.length
      ? [{ key: "concl", heading: "Conclusion", theme: null, items: asItems(conclusion) }]
      : []),
  ];
}
