import { describe, expect, it } from "vitest";
import { parseSaveBench, runOnce, saveBench } from "./save";

describe("bench:save flags", () => {
  it("takes the defaults and whole numbers in range", () => {
    expect(parseSaveBench([])).toEqual({ rooms: 150, students: 31, actions: 30_000, repeat: 2, json: false });
    expect(
      parseSaveBench(["--rooms", "5", "--students", "8", "--actions", "100", "--repeat", "3", "--json"]),
    ).toEqual({ rooms: 5, students: 8, actions: 100, repeat: 3, json: true });
  });

  it("refuses what it cannot run, naming the flag", () => {
    expect(parseSaveBench(["--rooms", "0"])).toBe('--rooms must be a whole number from 1 to 2000, not "0"');
    expect(parseSaveBench(["--students", "1.5"])).toBe(
      '--students must be a whole number from 2 to 35, not "1.5"',
    );
    expect(parseSaveBench(["--actions"])).toBe('--actions must be a whole number from 1 to 10000000, not ""');
    expect(parseSaveBench(["--repeat", "-1"])).toBe('--repeat must be a whole number from 1 to 20, not "-1"');
    expect(parseSaveBench(["--fast"])).toBe("unknown flag --fast");
    expect(parseSaveBench(["rooms"])).toBe("unknown flag rooms");
  });
});

describe("bench:save runs", () => {
  const small = { rooms: 3, students: 6, actions: 400, repeat: 1 };

  it("applies and acknowledges every action, and only the SQLite run writes", async () => {
    for (const kind of ["sqlite", "none", "unsaved"] as const) {
      const run = await runOnce(kind, small, 1);
      expect(run.store).toBe(kind);
      expect(run.actions).toBe(400);
      expect(run.acked).toBe(400);
      expect(run.processUs).toBeGreaterThan(0);
      expect(run.wallUs).toBeGreaterThan(0);
      if (process.platform === "linux") expect(run.mainUs).not.toBeNull();
      // Steps are logged one part each, but a checkpoint drops the log entries of its batch before
      // they are written: fewer parts than steps when actions come this fast.
      if (kind === "sqlite") expect(run.writtenParts).toBeGreaterThan(100);
      else expect(run.writtenParts).toBe(0);
    }
  });

  it("plays on past the end of a game (a new room for the class)", async () => {
    // Two rooms of a few students: a game is a few hundred moves, so these runs finish several.
    const run = await runOnce("none", { ...small, rooms: 1, students: 2, actions: 2000 }, 7);
    expect(run.acked).toBe(2000);
  });

  it("sums up each kind and what saving costs", async () => {
    const result = await saveBench(small);
    expect(result.runs.map((r) => r.store).sort()).toEqual(["none", "sqlite", "unsaved"]);
    expect(result.saveUs.all.processUs).toBeCloseTo(result.sqlite.processUs - result.unsaved.processUs, 1);
    expect(result.saveUs.store.processUs).toBeCloseTo(result.sqlite.processUs - result.none.processUs, 1);
  });
});
