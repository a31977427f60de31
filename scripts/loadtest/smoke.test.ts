// CI's load smoke: ten classes of 31 on the real server process (SQLite, its own process), load from
// a separate process, whole games start to verdict and on into the next room, about 20 s measured.
// It fails when something breaks — an error, a dropped socket, a view that never came, a game that
// did not finish — never on timings (CI machines are too noisy for that; `npm run loadtest` measures).
import os from "node:os";
import { io } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../server/protocol";
import { createRoom, paceFor } from "./driver";
import { LOAD_NICE, runLoad } from "./runner";
import { startTarget, type Target } from "./target";

const ROOMS = 10;
const STUDENTS = 31;
const GAME_SECONDS = 12;

let target: Target | undefined;

beforeAll(async () => {
  target = await startTarget("game");
}, 40_000);

afterAll(async () => {
  await target?.stop();
}, 20_000);

it(`${ROOMS} rooms of ${STUDENTS} play whole games with nothing lost`, async () => {
  const { result } = await runLoad({
    kind: "game",
    target: target as Target,
    rooms: ROOMS,
    students: STUDENTS,
    seconds: 18,
    workers: 1,
    pace: paceFor(GAME_SECONDS, 1),
    stagger: 3,
  });
  const summary = JSON.stringify(result);
  expect(result.errors, summary).toEqual({});
  expect(result.delivered, summary).toBe(1);
  expect(result.actions, summary).toBeGreaterThan(ROOMS * 10);
  // Every class reached a verdict at least once (and so started a new game in a new room).
  expect(result.games, summary).toBeGreaterThanOrEqual(ROOMS);
  for (const type of ["verdictVote", "propose", "support", "skip", "score"])
    expect(result.byType[type] ?? 0, `${type} in ${summary}`).toBeGreaterThan(0);
  // The load process ran below the server's priority (the server is this process's child, at ours).
  expect(result.loadNice, summary).toBe(Math.min(19, os.getPriority() + LOAD_NICE));
}, 90_000);

it("the server declines per-message deflate even when a client offers it (as browsers do)", async () => {
  const { code } = await createRoom((target as Target).url);
  const socket = io((target as Target).url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    // Offer the extension, with any threshold: the server must not take it.
    perMessageDeflate: { threshold: 0 },
    auth: { protocol: PROTOCOL_VERSION, role: "screen", code },
  } as Parameters<typeof io>[1]);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const ws = (socket.io.engine.transport as unknown as { ws: { extensions: string } }).ws;
  expect(ws.extensions).toBe("");
  socket.close();
});
