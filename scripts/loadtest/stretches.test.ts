// Busy stretches of a profile: cut at idle samples, each with what it was made of.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { type CpuProfile, kindOf, stretches } from "./stretches";

const frame = (functionName: string, url = "") => ({ functionName, url });

/** root → idle, gc, writev, a project function (and a package function it calls), a package one. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 3, 4, 5, 7] },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("(garbage collector)") },
    { id: 4, callFrame: frame("writev") },
    { id: 5, callFrame: frame("room", "file:///w/server/broadcast.ts"), children: [6] },
    { id: 6, callFrame: frame("emit", "file:///w/node_modules/socket.io/dist/socket.js") },
    { id: 7, callFrame: frame("parse", "file:///w/node_modules/zod/v4/parse.js") },
  ],
  // ms per sample below: busy 2 (gc 1, writev 1), idle, busy 4 (broadcast 3, zod 1), idle, busy 1.
  samples: [3, 4, 2, 5, 6, 5, 7, 2, 2, 3],
  timeDeltas: [1000, 1000, 5000, 1000, 1000, 1000, 1000, 5000, 5000, 1000],
};

it("names a sample by V8's entries, else the nearest project frame, else the package", () => {
  expect(kindOf([frame("(idle)")])).toBe("idle");
  expect(kindOf([frame("(garbage collector)")])).toBe("gc");
  expect(kindOf([frame("writev"), frame("room", "file:///w/server/broadcast.ts")])).toBe("socket write");
  expect(
    kindOf([
      frame("emit", "file:///w/node_modules/socket.io/x.js"),
      frame("room", "file:///w/server/broadcast.ts"),
    ]),
  ).toBe("server/broadcast.ts");
  expect(kindOf([frame("parse", "file:///w/node_modules/zod/v4/parse.js")])).toBe("zod");
  expect(kindOf([frame("write", "node:net")])).toBe("node");
});

it("cuts the samples at idle ones and sorts the stretches, longest first", () => {
  const r = stretches(profile, 5, [2, 4]);
  expect(r.busyMs).toBe(7);
  expect(r.stretches).toBe(3);
  expect(r.atLeast).toEqual([
    { ms: 2, count: 2, totalMs: 6 },
    { ms: 4, count: 1, totalMs: 4 },
  ]);
  expect(r.longest[0]).toEqual({
    ms: 4,
    kinds: [
      ["server/broadcast.ts", 3],
      ["zod", 1],
    ],
  });
  expect(r.longest[1]?.kinds).toEqual([
    ["gc", 1],
    ["socket write", 1],
  ]);
  expect(r.longest[2]).toEqual({ ms: 1, kinds: [["gc", 1]] });
});

it("from the command line: a table, JSON, and a clear refusal of what it cannot read", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stretches-"));
  const file = path.join(dir, "server.cpuprofile");
  writeFileSync(file, JSON.stringify(profile));
  const run = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync("node", ["--import", "tsx", "scripts/loadtest/stretches.ts", ...args], {
          encoding: "utf8",
          stdio: "pipe",
        }),
      };
    } catch (err) {
      const e = err as { status: number; stderr: string };
      return { code: e.status, out: e.stderr };
    }
  };
  expect(run(file).out).toContain("busy 7 ms in 3 stretches");
  expect(JSON.parse(run(file, "--json", "--top", "1").out).longest).toHaveLength(1);
  expect(run(file, "--top", "0")).toMatchObject({ code: 2, out: expect.stringContaining("--top must be") });
  expect(run()).toMatchObject({ code: 2, out: expect.stringContaining("usage:") });
  const bad = path.join(dir, "bad.json");
  writeFileSync(bad, '{"nodes": 1}');
  expect(run(bad)).toMatchObject({ code: 1, out: expect.stringContaining("not a V8 CPU profile") });
  expect(run(path.join(dir, "missing"))).toMatchObject({ code: 1, out: expect.stringContaining("ENOENT") });
}, 30_000);
