// Crashes with actions in flight, on the real server process (SQLite in a fresh DATA_DIR): an
// acknowledged action survives a SIGKILL, and a retry of it with its client action id — a page that
// lost the ack, or never saw it — is answered from the server's memory of recent ids, which must
// survive the crash too. Then a small `npm run chaos` run: rooms of server-side bots mid-game with
// real students acting and retrying, SIGKILL mid-Build, restart on the same port, and the audit.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runChaos } from "../scripts/chaos/run";
import { type Client, connectClient, createRoom } from "./testing/harness";
import { type ServerProcess, spawnServer } from "./testing/process";

let server: ServerProcess | undefined;
let dataDir = "";
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.stop("SIGKILL");
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = "";
});

describe("client action ids across a SIGKILL", () => {
  it("an acknowledged action retried after the crash is answered, not applied again", async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "debate-deck-replay-"));
    server = await spawnServer({ dataDir });
    const { code, hostSecret } = await createRoom(server.url);
    const host = await connectClient(
      server.url,
      { role: "host", code, secret: hostSecret },
      { reconnect: true },
    );
    clients.push(host);
    const first = await host.command({ type: "lock", id: "act-1" });
    // The room's last step before the crash: nothing after it saves the room again.
    const last = await host.command({ type: "configure", id: "act-2", settings: { buildMs: 45_000 } });
    expect(first).toMatchObject({ ok: true });
    expect(last).toMatchObject({ ok: true });
    const version = host.view?.version;

    const port = server.port;
    await server.stop("SIGKILL");
    server = await spawnServer({ dataDir, port });
    await host.until((c) => c.socket.connected && c.view?.version === version, 15_000);

    // Both retries get their first answers back; the room does not move.
    expect(await host.command({ type: "configure", id: "act-2", settings: { buildMs: 45_000 } })).toEqual(
      last,
    );
    expect(await host.command({ type: "lock", id: "act-1" })).toEqual(first);
    // A new id is a new action, applied.
    expect(await host.command({ type: "lock", id: "act-3" })).toMatchObject({ ok: true });
    expect(await host.command({ type: "unlock", id: "act-4" })).toMatchObject({ ok: true });
    await host.until((c) => c.view?.locked === false);
    expect(host.view?.version).toBe((version ?? 0) + 2);
  }, 40_000);
});

describe("npm run chaos, small (CI)", () => {
  it("SIGKILL mid-Build with students acting: everyone back, nothing lost or doubled, hands and timers kept", async () => {
    const result = await runChaos({
      rooms: 2,
      players: 8,
      humans: 3,
      buildMs: 20_000,
      actBeforeKillMs: 2_000,
    });
    const { problems, ...figures } = result;
    console.info(`[chaos] ${JSON.stringify(figures)}`);
    expect(problems).toEqual([]);
    expect(result.reconnected).toBe(result.clients);
    expect(result.clients).toBe(2 * (3 + 2));
    expect(result.reconnectSeconds.max).toBeLessThanOrEqual(10);
    expect(result.lostActions).toBe(0);
    expect(result.duplicatedActions).toBe(0);
    expect(result.handsIntact).toBe(true);
    expect(result.timerDriftMs).toBeGreaterThanOrEqual(0);
    expect(result.timerDriftMs).toBeLessThan(1_000);
    expect(result.logLeaks).toBe(0);
    // Not a quiet crash: clicks were in flight and resent, and every student replayed an acked one.
    expect(result.actions.inFlightAtKill).toBeGreaterThanOrEqual(6);
    expect(result.actions.resent).toBeGreaterThanOrEqual(6);
    expect(result.actions.replayed).toBe(6);
    expect(result.actions.ackedOk).toBeGreaterThan(30);
  }, 60_000);
});
