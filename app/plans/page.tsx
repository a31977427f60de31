// /plans — Use my own plan: the decks on this server, and a new deck from a pasted or uploaded plan.
import type { Metadata } from "next";
import { PlansPage } from "./_parts/plans-page";

export const metadata: Metadata = { title: "Use my own plan · Debate Deck" };

export default function Page() {
  return <PlansPage />;
}
