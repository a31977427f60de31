"use client";
// The bar under a deck being checked, kept in view: what still stops a save, and the save button.
export function SaveBar({
  problems,
  note,
  busy,
  label,
  error,
  onSave,
}: {
  problems: string[];
  note?: string | null;
  busy: boolean;
  label: string;
  error: string | null;
  onSave: () => void;
}) {
  return (
    <div className="sticky bottom-0 z-10 -mx-2 flex flex-wrap items-center gap-3 rounded-t-2xl border border-line bg-paper px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.08)]">
      <div className="min-w-0 flex-1 basis-80">
        {problems.length > 0 ? (
          <ul className="font-semibold text-failure">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{note ?? "Check each card's side and theme, then save."}</p>
        )}
        {error && (
          <p role="alert" className="font-semibold text-failure">
            {error}
          </p>
        )}
      </div>
      <button
        type="button"
        className="btn btn-primary px-6 text-lg"
        disabled={busy || problems.length > 0}
        onClick={onSave}
      >
        {busy ? "Saving…" : label}
      </button>
    </div>
  );
}
