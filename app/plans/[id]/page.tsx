// /plans/DECKID — one deck: host, practise or set it; the teacher who made it corrects or deletes it.
import type { Metadata } from "next";
import { DeckPage } from "../_parts/deck-page";

export const metadata: Metadata = { title: "Deck · Debate Deck" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const { id } = await params;
  const { saved } = await searchParams;
  return <DeckPage id={decodeURIComponent(id).slice(0, 64)} saved={saved === "1"} />;
}
