// Placeholder until homework mode ships: honest about what is not here yet.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Practise alone · Debate Deck" };

export default function PractisePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-5 px-6 py-10">
      <h1 className="text-4xl font-bold">Practise alone</h1>
      <p className="text-xl">
        Homework mode — a full game on your own against computer players, with automatic marking and feedback
        — is coming in the next release.
      </p>
      <p>For now, ask your teacher to host a class game.</p>
      <Link href="/" className="btn btn-quiet self-start">
        Back to the start
      </Link>
    </main>
  );
}
