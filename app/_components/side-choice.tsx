"use client";
// Which side a student argues when practising (alone or as homework), in the deck's own words, each
// with its icon and a line on what arguing it means.
import type { Deck, TeamSide } from "../../content/schema";
import { SIDE_HINT } from "../_lib/practice-words";
import { sideLabel, TEAMS } from "../_lib/words";
import { Choice } from "./choice";
import { SideIcon } from "./icons";

export function SideChoice({
  deck,
  value,
  onChange,
}: {
  deck: Deck | null;
  value: TeamSide | null;
  onChange: (side: TeamSide) => void;
}) {
  return (
    <Choice
      legend="Your side"
      columns={2}
      value={value}
      onChange={onChange}
      options={TEAMS.map((t) => ({
        value: t,
        label: sideLabel(deck, t),
        hint: SIDE_HINT[t],
        icon: (
          <SideIcon side={t} className={`size-[1em] ${t === "failure" ? "text-failure" : "text-success"}`} />
        ),
      }))}
    />
  );
}
