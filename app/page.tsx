// TEMPORARY landing placeholder from the platform work, so the smoke test has a page.
// The UI engineer replaces this file with the real landing (Host a game / Join).
export default function Home() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-6 p-8">
      <h1 className="text-5xl font-bold tracking-tight">Debate Deck</h1>
      <p className="text-muted">
        How accurate is it to say that the Great Leap Forward in Industry (1958–62) was a failure?
      </p>
      <p className="flex gap-3">
        <span className="rounded-md bg-failure px-3 py-1 font-semibold text-white">Failure</span>
        <span className="rounded-md bg-success px-3 py-1 font-semibold text-white">Partial success</span>
      </p>
    </main>
  );
}
