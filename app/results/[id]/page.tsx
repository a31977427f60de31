// /results/GAMEID — the class's essay plan (print, Markdown) and, for the teacher who hosted, the
// report (CSV). Read from the API, so it works after the game and after a server restart.
import type { Metadata } from "next";
import { Results } from "../_parts/results";

export const metadata: Metadata = { title: "Essay plan · Debate Deck" };

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Results id={decodeURIComponent(id)} />;
}
