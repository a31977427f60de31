// Preloaded into the server under test by the load runner (`node --import tsx --import
// ./scripts/loadtest/probe.ts server/index.ts`), never by `npm start`: the server's own code is
// untouched and pays nothing when not measured. It samples the event loop's delay
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution) and sends it over the IPC channel the runner
// opened, once a second: { type: "probe", elP99Ms, elMaxMs, rssMb, heapMb }. The runner sends
// { type: "reset" } when measuring starts, so the figures cover the measured window only, and with
// `--cpu-prof DIR` { type: "profile", dir } to profile the measured window (not the connections'
// ramp) until { type: "profileStop" }, which writes DIR/server-<pid>.cpuprofile.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const send = process.send?.bind(process);
if (send) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    const mem = process.memoryUsage();
    send({
      type: "probe",
      elP99Ms: histogram.percentile(99) / 1e6,
      elMaxMs: histogram.max / 1e6,
      rssMb: mem.rss / 2 ** 20,
      heapMb: mem.heapUsed / 2 ** 20,
    });
  }, 1000);
  timer.unref();
  let profiling: { session: Session; dir: string } | null = null;
  process.on("message", (msg: { type?: string; dir?: string }) => {
    if (msg?.type === "reset") histogram.reset();
    if (msg?.type === "profile" && msg.dir && !profiling) {
      const session = new Session();
      session.connect();
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      profiling = { session, dir: msg.dir };
    }
    if (msg?.type === "profileStop" && profiling) {
      const { session, dir } = profiling;
      profiling = null;
      session.post("Profiler.stop", (err, result) => {
        if (!err)
          writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
        session.disconnect();
        send({ type: "profiled" });
      });
    }
  });
  // The IPC channel must not keep the server alive, nor its loss take the server down.
  process.channel?.unref();
  process.on("disconnect", () => clearInterval(timer));
}
