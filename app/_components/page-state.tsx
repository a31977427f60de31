// What a page shows before its data is there: loading, or a plain explanation of why it cannot be
// shown with one way on. The same on every page that loads something (decks, homework, results).
import Link from "next/link";

export function PageLoading({ what }: { what: string }) {
  return (
    <main className="p-8">
      <p role="status" className="text-2xl text-muted">
        Loading {what}…
      </p>
    </main>
  );
}

export function PageProblem({
  title,
  message,
  href,
  action,
}: {
  title: string;
  message: string;
  href: string;
  action: string;
}) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-5 px-6 py-10">
      <h1 className="text-4xl font-bold">{title}</h1>
      <p className="text-xl">{message}</p>
      <Link href={href} className="btn btn-quiet self-start">
        {action}
      </Link>
    </main>
  );
}
