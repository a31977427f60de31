// The countdown reads the server's deadline against the server's clock, and speaks rarely.
import { describe, expect, it } from "vitest";
import { announcement, formatClock, remainingMs } from "./timer";

describe("timer", () => {
  it("counts down to the server's deadline, corrected by the server clock offset", () => {
    const clock = { endsAt: 100_000, pausedRemainingMs: null, paused: false };
    // This browser's clock is 5 s behind the server's: offset = server - browser = +5000.
    expect(remainingMs(clock, 5000, 60_000)).toBe(35_000);
    expect(remainingMs(clock, 0, 120_000)).toBe(0);
  });

  it("shows what was left while paused, and nothing when untimed", () => {
    expect(remainingMs({ endsAt: null, pausedRemainingMs: 42_000, paused: true }, 0, 0)).toBe(42_000);
    expect(remainingMs({ endsAt: null, pausedRemainingMs: null, paused: false }, 0, 0)).toBeNull();
  });

  it("formats minutes and seconds, rounding up", () => {
    expect(formatClock(120_000)).toBe("2:00");
    expect(formatClock(61_001)).toBe("1:02");
    expect(formatClock(9_100)).toBe("0:10");
    expect(formatClock(0)).toBe("0:00");
  });

  it("speaks at each whole minute and once at 10 seconds, never every second", () => {
    const said = [];
    for (let ms = 180_000; ms > 0; ms -= 1000) {
      const line = announcement(ms);
      if (line) said.push(line);
    }
    expect(said).toEqual(["3 minutes left", "2 minutes left", "1 minute left", "10 seconds left"]);
  });
});
