// A tiny toast store (no context provider needed): the room hook reports refused commands here and
// <Toasts /> shows them. A refusal is never silent.
import { useSyncExternalStore } from "react";

export interface Toast {
  id: number;
  kind: "error" | "info";
  message: string;
}

let toasts: Toast[] = [];
let next = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function showToast(message: string, kind: Toast["kind"] = "error"): void {
  // The same message twice in a row (a double click) shows once.
  if (toasts.some((t) => t.message === message)) return;
  const toast = { id: next++, kind, message };
  toasts = [...toasts.slice(-2), toast];
  emit();
  setTimeout(() => dismissToast(toast.id), kind === "error" ? 6000 : 4000);
}

const EMPTY: Toast[] = [];

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
    () => EMPTY,
  );
}
