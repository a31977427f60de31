// /play/CODE — a student's laptop for the whole game.
import type { Metadata } from "next";
import { normaliseCode } from "../../_lib/protocol";
import { PlayRoom } from "../_parts/play-room";

export const metadata: Metadata = { title: "Play · Debate Deck" };

export default async function PlayPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <PlayRoom code={normaliseCode(decodeURIComponent(code))} />;
}
