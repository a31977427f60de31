"use client";
// "Your name" with a Random name button: what practice and homework ask before a game starts.
import { useId } from "react";
import { randomName } from "../../game/names";

export function NameField({
  value,
  onChange,
  hint = "Shown in your game and to your teacher. No real surname needed.",
}: {
  value: string;
  onChange: (name: string) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-lg font-bold">
        Your name
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          className="field min-w-0 flex-1 text-xl"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="nickname"
          maxLength={24}
          aria-describedby={`${id}-hint`}
        />
        <button type="button" className="btn btn-quiet" onClick={() => onChange(randomName(Math.random))}>
          Random name
        </button>
      </div>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
    </div>
  );
}
