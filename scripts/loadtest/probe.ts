// Preloaded into the server under test by the load runner (`node --import tsx --import
// ./scripts/loadtest/probe.ts server/index.ts`), never by `npm start`: the server's own code is
// untouched and pays nothing when not measured. It samples the event loop's delay
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution) and sends it over the IPC channel the runner
// opened, once a second: { type: "probe", elP99Ms, elMaxMs, rssMb, heapMb, gc }. The runner sends
// { type: "reset" } when measuring starts, so the figures cover the measured window only, and with
// `--cpu-prof DIR` { type: "profile", dir } to profile the measured window (not the connections'
// ramp) until { type: "profileStop" }, which writes DIR/server-<pid>.cpuprofile, and the heap's
// live objects by allocation site (sampled) as DIR/server-<pid>.heapprofile (with LOADTEST_HEAP_ALL=1:
// every allocation of the window, also what was collected since, which is where GC churn comes from).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const send = process.send?.bind(process);
if (send) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Garbage-collection pauses in the window: how many, the longest, and the total.
  const gc = { count: 0, maxMs: 0, totalMs: 0, over10: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      if (e.duration > gc.maxMs) gc.maxMs = e.duration;
      if (e.duration > 10) gc.over10++;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const timer = setInterval(() => {
    const mem = process.memoryUsage();
    send({
      type: "probe",
      elP99Ms: histogram.percentile(99) / 1e6,
      elMaxMs: histogram.max / 1e6,
      rssMb: mem.rss / 2 ** 20,
      heapMb: mem.heapUsed / 2 ** 20,
      gc: { ...gc },
    });
  }, 1000);
  timer.unref();
  let profiling: { session: Session; dir: string } | null = null;
  // LOADTEST_HEAP_ALL=1: the heap profile counts every allocation of the window, also those the
  // garbage collector has since freed (where the young generation's churn comes from).
  // LOADTEST_HEAP_ALL=promoted: also what the major GC freed, but not what a scavenge did: the
  // allocations that lived through a scavenge (what makes scavenges long) or are still alive.
  const sampling =
    process.env.LOADTEST_HEAP_ALL === "1"
      ? { includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }
      : process.env.LOADTEST_HEAP_ALL === "promoted"
        ? { includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false }
        : {};
  // LOADTEST_HEAP_FROM_START=1: sample the heap from the start, so the profile shows everything
  // still alive at the end (the connections' ramp included), not only what the window allocated.
  let early: Session | null = null;
  if (process.env.LOADTEST_HEAP_FROM_START === "1") {
    early = new Session();
    early.connect();
    early.post("HeapProfiler.enable", () => early?.post("HeapProfiler.startSampling", sampling));
  }
  process.on("message", (msg: { type?: string; dir?: string }) => {
    if (msg?.type === "reset") {
      histogram.reset();
      Object.assign(gc, { count: 0, maxMs: 0, totalMs: 0, over10: 0 });
    }
    if (msg?.type === "profile" && msg.dir && !profiling) {
      const session = new Session();
      session.connect();
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      // And what the heap holds at the end, by where it was allocated (sampled, live objects only).
      if (!early)
        session.post("HeapProfiler.enable", () => session.post("HeapProfiler.startSampling", sampling));
      profiling = { session: early ?? session, dir: msg.dir };
      if (early) profiling = { session, dir: msg.dir };
    }
    if (msg?.type === "profileStop" && profiling) {
      const { session, dir } = profiling;
      profiling = null;
      session.post("Profiler.stop", (err, result) => {
        if (!err)
          writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
        (early ?? session).post("HeapProfiler.stopSampling", (err2, heap) => {
          if (!err2)
            writeFileSync(path.join(dir, `server-${process.pid}.heapprofile`), JSON.stringify(heap.profile));
          session.disconnect();
          send({ type: "profiled" });
        });
      });
    }
  });
  // The IPC channel must not keep the server alive, nor its loss take the server down.
  process.channel?.unref();
  process.on("disconnect", () => clearInterval(timer));
}
