"use client";
// The phase countdown. Only the server decides when time is up; this shows endsAt against the
// server's clock (offset = server now − browser now). Calm: no sound; a colour change in the last
// 15 s. Screen readers hear it at each whole minute and once at 10 s, never every second.
import { useEffect, useState } from "react";
import type { ClockView } from "../../game/views";

export function remainingMs(clock: ClockView, offset: number, at = Date.now()): number | null {
  if (clock.paused) return clock.pausedRemainingMs;
  if (clock.endsAt === null) return null;
  return Math.max(0, clock.endsAt - (at + offset));
}

export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** What the screen reader hears now, if anything: each whole minute, and once at 10 s. */
export function announcement(ms: number): string | null {
  const s = Math.ceil(ms / 1000);
  if (s === 10) return "10 seconds left";
  if (s > 0 && s % 60 === 0) return `${s / 60} minute${s === 60 ? "" : "s"} left`;
  return null;
}

export function Timer({
  clock,
  offset,
  size = "md",
  announce = false,
}: {
  clock: ClockView;
  offset: number;
  size?: "sm" | "md" | "xl";
  /** The one timer on the page that speaks to screen readers. */
  announce?: boolean;
}) {
  const [now, setNow] = useState(() => Date.now());
  const [said, setSaid] = useState("");
  const running = !clock.paused && clock.endsAt !== null;

  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);

  const ms = remainingMs(clock, offset, now);
  useEffect(() => {
    if (!announce || ms === null || !running) return;
    const line = announcement(ms);
    if (line && line !== said) setSaid(line);
  }, [announce, ms, running, said]);

  const urgent = running && ms !== null && ms <= 15_000;
  const sizes = {
    sm: "text-xl px-3 py-1 min-w-[5.5ch]",
    md: "text-3xl px-4 py-1.5 min-w-[5.5ch]",
    xl: "text-[7rem] leading-none px-8 py-4 min-w-[5ch]",
  } as const;
  const label =
    ms === null ? "No timer" : clock.paused ? `Paused, ${formatClock(ms)} left` : `${formatClock(ms)} left`;
  return (
    <div className="inline-flex flex-col items-center">
      <div
        role="timer"
        aria-label={label}
        className={`rounded-2xl text-center font-bold tabular-nums transition-colors ${sizes[size]} ${
          urgent ? "bg-warn text-white" : clock.paused ? "bg-wash text-muted" : "bg-wash text-ink"
        }`}
      >
        {ms === null ? "—" : formatClock(ms)}
      </div>
      {clock.paused && (
        <span
          className={`mt-1 font-bold uppercase tracking-wide text-muted ${size === "xl" ? "text-3xl" : "text-sm"}`}
        >
          Paused
        </span>
      )}
      {announce && (
        <p className="sr-only" aria-live="polite">
          {said}
        </p>
      )}
    </div>
  );
}
