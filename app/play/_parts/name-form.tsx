"use client";
// The name step when this browser has no seat in the game yet (or lost it). The server filters names:
// a refused one shows the server's reason.
import { useId, useState } from "react";
import { randomName } from "../../../game/names";

export function NameForm({
  code,
  initialName = "",
  note,
  error,
  busy,
  onJoin,
}: {
  code: string;
  initialName?: string;
  note?: string | null;
  error?: string | null;
  busy: boolean;
  onJoin: (name: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-6 py-10">
      <h1 className="text-4xl font-bold">
        Join game <span className="tracking-widest">{code}</span>
      </h1>
      {note && <p className="rounded-xl bg-wash p-3">{note}</p>}
      <form
        className="panel flex flex-col gap-3 p-6"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onJoin(name.trim());
        }}
      >
        <label htmlFor={`${id}-name`} className="font-semibold">
          Your name
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-name`}
            className="field min-w-0 flex-1 text-xl"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={24}
            autoComplete="nickname"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="button" className="btn btn-quiet" onClick={() => setName(randomName(Math.random))}>
            Random name
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="font-semibold text-failure">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary text-xl" disabled={busy || !name.trim()}>
          {busy ? "Joining…" : "Join"}
        </button>
      </form>
    </main>
  );
}
