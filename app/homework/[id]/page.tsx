// /homework/ID — the link a teacher gives the class: a student names themselves (and picks a side
// when the homework lets them) and plays a whole game against computer players.
import type { Metadata } from "next";
import { HomeworkStart } from "../_parts/homework-start";

export const metadata: Metadata = { title: "Homework · Debate Deck" };

export default async function HomeworkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HomeworkStart id={decodeURIComponent(id).slice(0, 64)} />;
}
