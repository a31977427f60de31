// /homework/ID/results — the teacher's page: the link for the class, and every attempt with its
// score, result and essay plan. The teacher secret comes from this browser's storage or a #k= link.
import type { Metadata } from "next";
import { HomeworkTeacher } from "../../_parts/homework-teacher";

export const metadata: Metadata = { title: "Homework results · Debate Deck" };

export default async function HomeworkResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HomeworkTeacher id={decodeURIComponent(id).slice(0, 64)} />;
}
