"use client";
// A set of radio choices drawn as large labelled boxes, each with a line saying what it means
// (side, difficulty, timers). A real radio group: arrow keys move, the legend names it.
import { type ReactNode, useId } from "react";

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
  icon?: ReactNode;
}

export function Choice<V extends string>({
  legend,
  options,
  value,
  onChange,
  columns = 3,
}: {
  legend: string;
  options: readonly ChoiceOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  columns?: 2 | 3;
}) {
  const id = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 text-lg font-bold">{legend}</legend>
      <div className={`grid gap-2 ${columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
        {options.map((o) => (
          <label
            key={o.value}
            className={`flex cursor-pointer gap-3 rounded-xl border-2 px-3 py-2.5 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus ${
              value === o.value ? "border-ink bg-wash" : "border-line hover:border-edge"
            }`}
          >
            <input
              type="radio"
              name={id}
              className="mt-1 size-5 shrink-0 accent-ink"
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-labelledby={`${id}-${o.value}-label`}
              aria-describedby={o.hint ? `${id}-${o.value}` : undefined}
            />
            <span className="flex min-w-0 flex-col">
              <span id={`${id}-${o.value}-label`} className="flex items-center gap-2 font-bold">
                {o.icon}
                {o.label}
              </span>
              {o.hint && (
                <span id={`${id}-${o.value}`} className="text-base leading-snug text-muted">
                  {o.hint}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
