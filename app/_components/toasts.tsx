"use client";
// Shows refused commands and notices. role=alert for errors so they are read out at once.
import { dismissToast, useToasts } from "../_lib/toasts";

export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 print:hidden">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === "error" ? "alert" : "status"}
          className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-xl px-4 py-3 text-base font-medium shadow-lg ${
            t.kind === "error" ? "bg-ink text-white" : "bg-success text-white"
          }`}
        >
          <span>{t.message}</span>
          <button
            type="button"
            onClick={() => dismissToast(t.id)}
            className="rounded px-1 font-bold underline-offset-2 hover:underline"
            aria-label="Dismiss message"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
