// Placeholder until the plan importer's pages ship: honest about what is not here yet.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Use my own plan · Debate Deck" };

export default function PlansPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-5 px-6 py-10">
      <h1 className="text-4xl font-bold">Use my own plan</h1>
      <p className="text-xl">
        Pasting or uploading your own essay plan, checking the deck it makes card by card, and hosting a game
        with it is coming in the next release.
      </p>
      <p>For now, games use the Great Leap Forward in industry plan.</p>
      <Link href="/" className="btn btn-quiet self-start">
        Back to the start
      </Link>
    </main>
  );
}
