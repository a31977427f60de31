// /host/CODE — the teacher's controls (laptop or phone). The secret comes from this browser's storage,
// or from a host link's #k=SECRET (opened on another device), which is stored and then removed from the URL.
import type { Metadata } from "next";
import { normaliseCode } from "../../_lib/protocol";
import { HostRoom } from "../_parts/host-room";

export const metadata: Metadata = { title: "Host · Debate Deck" };

export default async function HostPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <HostRoom code={normaliseCode(decodeURIComponent(code))} />;
}
