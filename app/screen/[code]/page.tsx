// /screen/CODE — the projector: read-only, no secret, readable from the back row.
import type { Metadata } from "next";
import { normaliseCode } from "../../_lib/protocol";
import { ScreenRoom } from "../_parts/screen-room";

export const metadata: Metadata = { title: "Projector · Debate Deck" };

export default async function ScreenPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ScreenRoom code={normaliseCode(decodeURIComponent(code))} />;
}
