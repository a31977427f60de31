import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./index";
import { SQLITE_FILE_NAME, type SqliteStore } from "./sqlite";

describe("openStore(env)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("STORE=memory gives the in-memory adapter and touches no disk", () => {
    const store = openStore({ STORE: "memory", DATA_DIR: "/nonexistent/should-not-be-created" });
    expect("stats" in store).toBe(false);
    expect(existsSync("/nonexistent/should-not-be-created")).toBe(false);
    store.close();
  });

  it("defaults to SQLite in DATA_DIR", () => {
    const dir = mkdtempSync(join(tmpdir(), "debate-deck-env-"));
    dirs.push(dir);
    const store = openStore({ DATA_DIR: join(dir, "data"), STORE_BATCH_MS: "10" }) as SqliteStore;
    expect(store.path).toBe(join(dir, "data", SQLITE_FILE_NAME));
    expect(existsSync(store.path)).toBe(true);
    store.close();
  });

  it("refuses an unknown STORE or a nonsense batch delay", () => {
    expect(() => openStore({ STORE: "postgres" })).toThrow(/STORE must be "sqlite" or "memory"/);
    expect(() => openStore({ STORE: "sqlite", DATA_DIR: "/tmp/x", STORE_BATCH_MS: "soon" })).toThrow(
      /STORE_BATCH_MS/,
    );
    expect(() => openStore({ STORE: "sqlite", DATA_DIR: "/tmp/x", STORE_WRITER: "disk" })).toThrow(
      /STORE_WRITER must be "thread" or "main", got "disk"/,
    );
  });

  it("STORE_WRITER picks where room batches are committed: the writer thread by default, or the main thread", () => {
    for (const [writer, threadBatches] of [
      [undefined, 1],
      ["main", 0],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), "debate-deck-env-"));
      dirs.push(dir);
      const store = openStore({ DATA_DIR: dir, STORE_WRITER: writer }) as SqliteStore;
      store.saveRoom({ code: "CDF346", snapshot: { v: 1 }, updatedAt: 1 });
      store.writeSoon();
      store.flush(); // waits for the batch in flight
      expect(store.stats(), String(writer)).toMatchObject({ batches: 1, threadBatches });
      store.close();
    }
  });
});
