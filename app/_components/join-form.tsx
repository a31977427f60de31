"use client";
// Join a game: the code (forgiving: lower case, spaces and dashes are fine) and a name, with a
// "Random name" button. The joining itself happens on /play/CODE, which shows a refused name's reason.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { randomName } from "../../game/names";
import { isJoinCode, normaliseCode } from "../_lib/protocol";
import { pendingName } from "../_lib/storage";

export function JoinForm({
  initialCode = "",
  autoFocusName = false,
}: {
  initialCode?: string;
  autoFocusName?: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const clean = normaliseCode(code);
    if (!isJoinCode(clean)) {
      setError("A join code is 6 letters and numbers, like KFC 479. Check the code on the board.");
      return;
    }
    if (!name.trim()) {
      setError("Type a name, or press Random name.");
      return;
    }
    pendingName.set(clean, name.trim());
    router.push(`/play/${clean}`);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-code`} className="font-semibold">
          Join code
        </label>
        <input
          id={`${id}-code`}
          className="field text-2xl font-bold uppercase tracking-[0.2em]"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          aria-describedby={`${id}-code-hint`}
        />
        <p id={`${id}-code-hint`} className="text-sm text-muted">
          6 letters and numbers, shown on the board.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-name`} className="font-semibold">
          Your name
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-name`}
            className="field min-w-0 flex-1 text-xl"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="nickname"
            maxLength={24}
            // biome-ignore lint/a11y/noAutofocus: the QR link fills the code, so the name is the next thing to type
            autoFocus={autoFocusName}
          />
          <button type="button" className="btn btn-quiet" onClick={() => setName(randomName(Math.random))}>
            Random name
          </button>
        </div>
        <p className="text-sm text-muted">Shown to the class. No real surnames needed.</p>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="font-semibold text-failure">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary text-xl">
        Join
      </button>
    </form>
  );
}
