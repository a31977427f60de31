// One load process (forked by runner.ts, never the server's): runs its share of the rooms and
// reports what it measured. Messages from the runner, in order:
//   { type: "setup", plan }  seat every room (→ { type: "ready", seated, failed })
//   { type: "go" }           rooms start playing (staggered)
//   { type: "measure", on }  count actions emitted from now on / stop counting (with a profileDir,
//                            profile the window too: → { type: "profiled" } once written)
//   { type: "stop" }         finish the games, settle every timed action (→ { type: "tally", tally }), exit
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { BareRoom, type BareShape, GameRoom, type LoadContext, type Pace, type RoomBase } from "./driver";
import { bump, emptyTally } from "./measure";

export interface WorkerPlan {
  kind: "game" | "bare";
  url: string;
  /** Room numbers (global across workers) this process runs. */
  rooms: number[];
  students: number;
  pace?: Pace;
  /** How the game server's clients take their views (server/protocol.ts ViewsMode). */
  views?: "full" | "patch";
  shape?: BareShape;
  seed: number;
  /** Seconds over which rooms start their first game. */
  stagger: number;
  /** Create rooms from 127.0.0.x source addresses (the API limits new rooms per address). */
  spreadAddresses: boolean;
  /** Write this process's CPU profile of the measured window here (load-<kind>-<pid>.cpuprofile). */
  profileDir?: string;
}

const send = (msg: unknown) => process.send?.(msg);

let measuring = false;
let running = true;
let go: () => void = () => {};
const started = new Promise<void>((resolve) => {
  go = resolve;
});
const tally = emptyTally();
let rooms: RoomBase[] = [];
let profileAs: Pick<WorkerPlan, "kind" | "profileDir"> | null = null;
let profiler: Session | null = null;
let runs: Promise<void>[] = [];

function context(plan: WorkerPlan, index: number): LoadContext {
  return {
    url: plan.url,
    tally,
    measuring: () => measuring,
    running: () => running,
    started,
    // 127.0.0.2 … 127.0.0.251: loopback, one address per room, like classes on their own networks.
    localAddress: plan.spreadAddresses
      ? `127.0.${1 + Math.floor(index / 250)}.${2 + (index % 250)}`
      : undefined,
    log: (line) => send({ type: "log", line }),
  };
}

/** Starts or stops (writing it) the measured window's CPU profile, when the plan asks for one. */
function profile(on: boolean): void {
  const dir = profileAs?.profileDir;
  if (!dir) return;
  if (on && !profiler) {
    const session = new Session();
    session.connect();
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    profiler = session;
  } else if (!on && profiler) {
    const session = profiler;
    profiler = null;
    session.post("Profiler.stop", (err, result) => {
      if (!err)
        writeFileSync(
          path.join(dir, `load-${profileAs?.kind}-${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      session.disconnect();
      send({ type: "profiled" });
    });
  }
}

async function setup(plan: WorkerPlan): Promise<void> {
  profileAs = plan;
  rooms = plan.rooms.map((index) =>
    plan.kind === "game"
      ? new GameRoom(context(plan, index), index, {
          students: plan.students,
          pace: plan.pace as Pace,
          views: plan.views,
          seed: plan.seed * 1_000 + index,
        })
      : new BareRoom(context(plan, index), index, {
          students: plan.students,
          shape: plan.shape as BareShape,
          seed: plan.seed * 1_000 + index,
        }),
  );
  let seated = 0;
  let failed = 0;
  // A few rooms at a time: a whole district arriving in the same second is not the test.
  let next = 0;
  const lane = async () => {
    while (next < rooms.length) {
      const room = rooms[next++] as RoomBase;
      try {
        await room.seat();
        seated++;
      } catch (err) {
        failed++;
        bump(tally.errors, "seat_failed");
        send({ type: "log", line: `room ${room.index}: ${(err as Error).message}` });
        for (const m of room.members) m.close();
        room.members = [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, rooms.length) }, lane));
  runs = rooms.map((room) => room.run(plan.stagger));
  send({ type: "ready", seated, failed });
}

/** Tells the runner once every room has skipped through to its starting point (or given up). */
async function reportAtStart(): Promise<void> {
  const at = (room: RoomBase) => room.atStart || room.members.length === 0;
  while (running && !rooms.every(at)) await new Promise((resolve) => setTimeout(resolve, 100));
  send({ type: "atStart" });
}

async function stop(): Promise<void> {
  measuring = false;
  running = false;
  go();
  const all = Promise.all(runs);
  const timeout = new Promise((resolve) => setTimeout(resolve, 60_000));
  await Promise.race([all, timeout]);
  send({ type: "tally", tally });
  for (const room of rooms) room.close();
  setTimeout(() => process.exit(0), 200);
}

process.on("message", (msg: { type: string; plan?: WorkerPlan; on?: boolean }) => {
  switch (msg.type) {
    case "setup":
      void setup(msg.plan as WorkerPlan).catch((err: Error) => send({ type: "fatal", message: err.message }));
      break;
    case "go":
      go();
      void reportAtStart();
      break;
    case "measure":
      measuring = msg.on === true;
      profile(measuring);
      break;
    case "stop":
      void stop();
      break;
  }
});
process.on("disconnect", () => process.exit(0));
