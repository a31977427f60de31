// Starts the writer thread (room-writer.ts). Its module is TypeScript, as the server's, but a worker
// does not inherit the `--import tsx` of `npm start` (nor vitest's loader): this loads it through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./room-writer-thread.ts", import.meta.url);
