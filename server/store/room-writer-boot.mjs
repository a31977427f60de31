// Starts the writer thread (room-writer.ts). Its module is TypeScript, as the server's, but a worker
// does not inherit the `--import tsx` of `npm start` (nor vitest's loader): this loads it through tsx.
// If it cannot start, it says so in the shared signal (slot 1) before failing: a game thread blocked
// in RoomWriter.wait() cannot receive the worker's error event.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

try {
  await tsImport("./room-writer-thread.ts", import.meta.url);
} catch (err) {
  const signal = new Int32Array(workerData.signal);
  Atomics.store(signal, 1, 1);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
  throw err;
}
