"use client";
// The deck a plan makes, laid out as the plan is: a paragraph per theme with its cards and the parts
// the plan leaves empty. The teacher who owns it names the deck and the teams, renames themes and
// sets each card's side and theme; everyone else sees it read-only.
import { useId } from "react";
import type { Deck, TeamSide } from "../../../content/schema";
import { KindIcon, SideIcon } from "../../_components/icons";
import { KIND_LABEL, plural, TEAMS } from "../../_lib/words";
import { CardEditor } from "./card-editor";
import { applyEdits, type DeckEdits } from "./edits";
import { GAP_LABEL, planGroups } from "./groups";

const KINDS = ["point", "evidence", "explanation", "counter", "link", "context"] as const;

export function DeckView({
  original,
  edits,
  onEdit,
  titleLabel = "Deck title",
}: {
  original: Deck;
  edits: DeckEdits;
  /** Absent: read-only. */
  onEdit?: (edits: DeckEdits) => void;
  titleLabel?: string;
}) {
  const id = useId();
  const deck = applyEdits(original, edits);
  const groups = planGroups(deck);
  const toCheck = deck.cards.filter((c) => c.review).length;
  const set = onEdit ? (patch: Partial<DeckEdits>) => onEdit({ ...edits, ...patch }) : undefined;
  const themeOf = new Map(original.cards.map((c) => [c.id, c.theme]));
  const titleOf = (theme: string) => deck.themes.find((t) => t.id === theme)?.title ?? theme;

  return (
    <div className="flex flex-col gap-6">
      <p className="text-lg">
        {plural(deck.cards.length, "card")} in {plural(groups.filter((g) => g.theme).length, "paragraph")},
        plus the introduction and conclusion · {plural(deck.gaps.length, "empty part")} for students to write
        ·{" "}
        {toCheck === 0 ? (
          "no cards to check"
        ) : (
          <strong className="text-warn">{plural(toCheck, "card")} to check</strong>
        )}
      </p>
      {set && (
        <div className="grid gap-4 md:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-title`} className="font-bold">
              {titleLabel}
            </label>
            <input
              id={`${id}-title`}
              className="field"
              value={edits.title}
              maxLength={120}
              onChange={(e) => set({ title: e.target.value })}
              aria-describedby={`${id}-title-hint`}
            />
            <p id={`${id}-title-hint`} className="text-sm text-muted">
              Empty: the question is the title.
            </p>
          </div>
          {TEAMS.map((team: TeamSide) => (
            <div key={team} className="flex flex-col gap-1">
              <label htmlFor={`${id}-${team}`} className="flex items-center gap-2 font-bold">
                <SideIcon
                  side={team}
                  className={`size-[1em] ${team === "failure" ? "text-failure" : "text-success"}`}
                />
                {team === "failure" ? "Team for the statement" : "Team against it"}
              </label>
              <input
                id={`${id}-${team}`}
                className="field"
                value={edits.sides[team]}
                maxLength={40}
                onChange={(e) => set({ sides: { ...edits.sides, [team]: e.target.value } })}
              />
            </div>
          ))}
        </div>
      )}
      <ul aria-label="What the shapes mean" className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        {KINDS.map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <KindIcon kind={k} className="size-[1em] text-ink" />
            {KIND_LABEL[k]}
          </li>
        ))}
        {(["failure", "success", "either"] as const).map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <SideIcon
              side={s}
              className={`size-[1em] ${s === "failure" ? "text-failure" : s === "success" ? "text-success" : ""}`}
            />
            {s === "either" ? "Either side" : deck.sides[s]}
          </li>
        ))}
      </ul>
      {groups.map((g) => (
        <section
          key={g.key}
          aria-labelledby={`${id}-${g.key}`}
          className="flex flex-col gap-3 border-t border-line pt-4"
        >
          <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
            <h3 id={`${id}-${g.key}`} className="text-2xl font-bold">
              {g.heading}
              {g.theme && !set && <span className="font-semibold">: {titleOf(g.theme)}</span>}
            </h3>
            {g.theme && set && (
              <div className="flex min-w-64 flex-col">
                <label htmlFor={`${id}-${g.key}-theme`} className="text-sm font-semibold">
                  Theme title for {g.heading.toLowerCase()}
                </label>
                <input
                  id={`${id}-${g.key}-theme`}
                  className="field min-h-9 py-1 text-lg font-semibold"
                  value={edits.themes[g.theme] ?? ""}
                  maxLength={80}
                  onChange={(e) => set({ themes: { ...edits.themes, [g.theme as string]: e.target.value } })}
                />
              </div>
            )}
          </div>
          <ul className="grid items-start gap-3 md:grid-cols-2 2xl:grid-cols-3">
            {g.items.map((item) =>
              item.kind === "gap" ? (
                <li
                  key={`gap-${item.part}`}
                  className="flex flex-col gap-1 rounded-xl border-2 border-dashed border-edge bg-wash p-3"
                >
                  <span className="text-sm font-bold uppercase tracking-wide">{GAP_LABEL[item.part]}</span>
                  <span>The plan leaves this empty: students write their own.</span>
                </li>
              ) : (
                <li key={item.card.id}>
                  <CardEditor
                    card={item.card}
                    deck={deck}
                    toCheck={item.card.review}
                    movedFrom={
                      item.card.theme !== themeOf.get(item.card.id)
                        ? titleOf(themeOf.get(item.card.id) ?? "")
                        : null
                    }
                    onChange={set && ((edit) => set({ cards: { ...edits.cards, [item.card.id]: edit } }))}
                  />
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}
