// A classroom for chaos and soak runs: a room created over the API, the teacher and the projector
// connected, some real students joined, the rest of the seats filled with the server's own bots.
import { type Participant as P, Participant, sleep } from "./participant";

export interface Classroom {
  code: string;
  hostSecret: string;
  host: P;
  screen: P;
  students: P[];
  all: P[];
}

export interface ClassroomOptions {
  url: string;
  /** Seats in the room: real students plus bots. */
  players: number;
  /** Real students (socket.io clients); the other seats are bots. */
  humans: number;
  /** A short unique tag for names and action ids. */
  tag: string;
  settings: Record<string, unknown>;
  record?: boolean;
  onFrame?: (who: P, event: string, payload: unknown) => void;
}

/** POST /api/rooms, waiting out the per-address creation limit (429) if a run creates many. */
export async function createRoom(url: string): Promise<{ code: string; hostSecret: string }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    if (res.status === 201) return (await res.json()) as { code: string; hostSecret: string };
    if (res.status !== 429 || attempt > 120)
      throw new Error(`create room: ${res.status} ${await res.text()}`);
    await sleep(2_100);
  }
}

export async function openClassroom(o: ClassroomOptions): Promise<Classroom> {
  const { code, hostSecret } = await createRoom(o.url);
  const make = (role: "host" | "screen" | "player", name: string): P => {
    const p: P = new Participant({
      url: o.url,
      role,
      code,
      secret: role === "host" ? hostSecret : undefined,
      name,
      record: o.record,
      onFrame: o.onFrame ? (event, payload) => o.onFrame?.(p, event, payload) : undefined,
    });
    return p;
  };
  const host = make("host", `${o.tag}-host`);
  const screen = make("screen", `${o.tag}-screen`);
  await Promise.all([host.start(), screen.start()]);
  const students: P[] = [];
  for (let i = 0; i < o.humans; i++) students.push(make("player", `${o.tag}-s${i + 1}`));
  // Joins in small groups, as a class does, so a big run does not arrive as one burst.
  for (let i = 0; i < students.length; i += 8) {
    await Promise.all(
      students.slice(i, i + 8).map(async (s, j) => {
        await s.start();
        await s.join(`Pupil ${o.tag} ${i + j + 1}`);
      }),
    );
  }
  const ok = async (cmd: Record<string, unknown>) => {
    const ack = await host.command(cmd);
    if (!ack.ok) throw new Error(`${o.tag}: ${String(cmd.type)} refused: ${ack.code} ${ack.message}`);
  };
  const themes = host.view?.settings?.themes ?? [];
  await ok({ type: "configure", settings: { themes: themes.slice(0, 3), ...o.settings } });
  const bots = o.players - o.humans;
  if (bots > 0) {
    await ok({ type: "fillBots", level: "medium", perTeam: Math.floor(o.players / 2) });
    if (o.players % 2 === 1) await ok({ type: "addBot", team: null, level: "medium" });
  }
  await host.until((h) => (h.view?.seats.length ?? 0) >= o.players);
  return { code, hostSecret, host, screen, students, all: [host, screen, ...students] };
}
