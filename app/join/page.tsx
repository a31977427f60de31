// /join?code=ABC123 — where the projector's QR code leads: the code is filled in, the name is next.
import type { Metadata } from "next";
import Link from "next/link";
import { JoinForm } from "../_components/join-form";

export const metadata: Metadata = { title: "Join a game · Debate Deck" };

export default async function JoinPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { code } = await searchParams;
  const initial = typeof code === "string" ? code.slice(0, 12) : "";
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-6 py-10">
      <h1 className="text-4xl font-bold">Join a game</h1>
      <div className="panel p-6">
        <JoinForm initialCode={initial} autoFocusName={initial !== ""} />
      </div>
      <Link href="/" className="self-start underline underline-offset-4">
        Back to the start
      </Link>
    </main>
  );
}
