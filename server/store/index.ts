/**
 * Picks the Store from the environment:
 *   STORE=memory   in-memory adapter (tests; nothing survives the process)
 *   otherwise      SQLite in DATA_DIR (default ./data, relative to the working directory)
 * STORE_BATCH_MS optionally sets how long room snapshots wait to be batched (default 50).
 * STORE_WRITER=main commits those batches on the main thread instead of the writer thread
 *   (default "thread"; for comparing, or a platform without worker threads).
 */
import { createLogger, type Logger } from "../log";
import { openMemoryStore } from "./memory";
import { DEFAULT_BATCH_MS, openSqliteStore } from "./sqlite";
import type { Store } from "./types";

export * from "./types";
export { openMemoryStore } from "./memory";
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from "./sqlite";

export const DEFAULT_DATA_DIR = "./data";

export function openStore(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { log?: Logger } = {},
): Store {
  const log = options.log ?? createLogger({ component: "store" });
  const kind = (env.STORE ?? "sqlite").trim().toLowerCase();
  switch (kind) {
    case "memory":
      log.warn("using the in-memory store: nothing will survive a restart", { store: "memory" });
      return openMemoryStore({ log });
    case "":
    case "sqlite": {
      const dir = env.DATA_DIR?.trim() || DEFAULT_DATA_DIR;
      const batchMs = env.STORE_BATCH_MS === undefined ? DEFAULT_BATCH_MS : Number(env.STORE_BATCH_MS);
      if (!(Number.isFinite(batchMs) && batchMs >= 0 && batchMs <= 10_000)) {
        throw new Error(
          `STORE_BATCH_MS must be a number of milliseconds from 0 to 10000, got "${env.STORE_BATCH_MS}"`,
        );
      }
      const writer = (env.STORE_WRITER ?? "thread").trim().toLowerCase() || "thread";
      if (writer !== "thread" && writer !== "main")
        throw new Error(`STORE_WRITER must be "thread" or "main", got "${env.STORE_WRITER}"`);
      const store = openSqliteStore({ dir, batchMs, log, writerThread: writer === "thread" });
      log.info("store opened", { store: "sqlite", path: store.path, batchMs, writer });
      return store;
    }
    default:
      throw new Error(`STORE must be "sqlite" or "memory", got "${env.STORE}"`);
  }
}
