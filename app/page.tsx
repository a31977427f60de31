// The landing page: four clear ways in. Host and Join are what a class needs; Practise alone and
// Use my own plan arrive in the next release (their pages say so).
import Link from "next/link";
import { seedDeck } from "../content/decks";
import { HostButton } from "./_components/host-button";
import { JoinForm } from "./_components/join-form";

export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-6xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-col gap-2">
        <h1 className="text-5xl font-bold tracking-tight">Debate Deck</h1>
        <p className="max-w-3xl text-xl text-muted">
          A history essay plan becomes a deck of evidence cards. Two teams build paragraphs from their hands,
          rebut each other, and the class leaves with an essay plan.
        </p>
      </header>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="host-title" className="panel flex flex-col gap-4 p-6">
          <h2 id="host-title" className="text-3xl font-bold">
            Teacher
          </h2>
          <p>Start a game for your class. You get a join code and a screen for the projector.</p>
          <HostButton />
          <div className="mt-auto rounded-xl bg-wash p-4">
            <p className="text-sm font-bold uppercase tracking-wide text-muted">The question</p>
            <p className="font-semibold">{seedDeck.question}</p>
          </div>
        </section>
        <section aria-labelledby="join-title" className="panel flex flex-col gap-4 p-6">
          <h2 id="join-title" className="text-3xl font-bold">
            Join a game
          </h2>
          <JoinForm />
        </section>
      </div>
      <nav aria-label="More ways to play" className="grid gap-4 md:grid-cols-2">
        <Link href="/practise" className="panel flex flex-col gap-1 p-5 hover:bg-wash">
          <span className="text-2xl font-bold">Practise alone</span>
          <span className="text-muted">Homework mode: a full game against computer players.</span>
        </Link>
        <Link href="/plans" className="panel flex flex-col gap-1 p-5 hover:bg-wash">
          <span className="text-2xl font-bold">Use my own plan</span>
          <span className="text-muted">Turn your own essay plan into a deck.</span>
        </Link>
      </nav>
    </main>
  );
}
