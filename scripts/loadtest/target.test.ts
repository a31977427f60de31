// Reading a process's CPU and memory from /proc, split by user and system time and by main thread.
import { expect, it } from "vitest";
import { readProc, Sampler } from "./target";

const linux = process.platform === "linux";

it.runIf(linux)("reads this process: user plus system is the whole, the main thread part of it", () => {
  const until = Date.now() + 150;
  while (Date.now() < until); // some CPU on the main thread
  const s = readProc(process.pid);
  expect(s).not.toBeNull();
  if (!s) return;
  expect(s.userS + s.sysS).toBeCloseTo(s.cpuS, 6);
  expect(s.userS).toBeGreaterThan(0);
  expect(s.mainS).not.toBeNull();
  expect(s.mainS as number).toBeGreaterThan(0);
  expect(s.mainS as number).toBeLessThanOrEqual(s.cpuS + 1e-9);
  expect(s.rssMb).toBeGreaterThan(10);
  expect(readProc(2 ** 22 + 12_345)).toBeNull(); // no such process
});

it.runIf(linux)("a window's CPU split adds up to its CPU", async () => {
  const sampler = new Sampler(process.pid);
  sampler.start();
  const until = Date.now() + 300;
  while (Date.now() < until);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const w = sampler.stop();
  expect(w.cpuPct).not.toBeNull();
  expect(w.cpu).not.toBeNull();
  if (!w.cpu || w.cpuPct === null) return;
  expect(w.cpu.userPct + w.cpu.sysPct).toBeCloseTo(w.cpuPct, 6);
  expect(w.cpu.mainThreadPct).not.toBeNull();
  // Up to a clock tick (10 ms) apart: the main thread and the process are read one after the other.
  expect(w.cpu.mainThreadPct as number).toBeLessThanOrEqual(w.cpuPct + 8);
});
