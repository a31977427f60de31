// /homework/new — a teacher sets homework: a link the class plays at home against computer players.
import type { Metadata } from "next";
import { HomeworkForm } from "../_parts/homework-form";

export const metadata: Metadata = { title: "Set homework · Debate Deck" };

export default async function NewHomeworkPage({
  searchParams,
}: {
  searchParams: Promise<{ deck?: string | string[] }>;
}) {
  const { deck } = await searchParams;
  return <HomeworkForm wanted={typeof deck === "string" ? deck.slice(0, 64) : null} />;
}
