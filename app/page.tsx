// The landing page: every way in. Host and Join are what a class needs; Practise alone is homework
// mode for a student; Set homework and Use my own plan are for teachers.
import Link from "next/link";
import { seedDeck } from "../content/decks";
import { JoinForm } from "./_components/join-form";
import { TeacherPanel } from "./_components/teacher-panel";

const MORE = [
  {
    href: "/practise",
    title: "Practise alone",
    text: "Homework mode: a full game against computer players, marked as you go.",
  },
  {
    href: "/homework/new",
    title: "Set homework",
    text: "For teachers: a link your class plays at home. You see their scores and essay plans.",
  },
  {
    href: "/plans",
    title: "Use my own plan",
    text: "For teachers: turn your own essay plan into a deck, then host or set it.",
  },
] as const;

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
          <TeacherPanel seedQuestion={seedDeck.question} />
        </section>
        <section aria-labelledby="join-title" className="panel flex flex-col gap-4 p-6">
          <h2 id="join-title" className="text-3xl font-bold">
            Join a game
          </h2>
          <JoinForm />
        </section>
      </div>
      <nav aria-label="More ways to play" className="grid gap-4 md:grid-cols-3">
        {MORE.map((m) => (
          <Link key={m.href} href={m.href} className="panel flex flex-col gap-1 p-5 hover:bg-wash">
            <span className="text-2xl font-bold">{m.title}</span>
            <span className="text-muted">{m.text}</span>
          </Link>
        ))}
      </nav>
    </main>
  );
}
