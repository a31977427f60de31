// /practise — homework mode: one student against computer players, marked as they go.
// /practise?deck=ID starts with that deck chosen (from "Practise with this deck").
import type { Metadata } from "next";
import { PractiseForm } from "./_parts/practise-form";

export const metadata: Metadata = { title: "Practise alone · Debate Deck" };

export default async function PractisePage({
  searchParams,
}: {
  searchParams: Promise<{ deck?: string | string[] }>;
}) {
  const { deck } = await searchParams;
  return <PractiseForm wanted={typeof deck === "string" ? deck.slice(0, 64) : null} />;
}
