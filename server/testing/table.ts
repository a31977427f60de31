// A classroom for integration tests: one room with its host, projector screen and students, all
// real socket.io clients of a TestServer, and the steps every test needs to get a game going.
import type { Card } from "../../content/schema";
import { fitsSlot } from "../../game/cards";
import type { SlotId } from "../../game/types";
import type { LiveRoom } from "../rooms";
import { type Client, type ConnectOptions, connectClient, createRoom, type Joined, joinAs } from "./harness";

export interface Table {
  url: string;
  code: string;
  hostSecret: string;
  host: Client;
  screen: Client;
  students: Joined[];
  /** Every client opened for this table, for cleanup. */
  clients: Client[];
}

export async function openTable(
  url: string,
  opts: { students: number; names?: string[]; connect?: ConnectOptions; body?: object },
): Promise<Table> {
  const { code, hostSecret } = await createRoom(url, opts.body);
  const clients: Client[] = [];
  const host = await connectClient(url, { role: "host", code, secret: hostSecret }, opts.connect);
  clients.push(host);
  const screen = await connectClient(url, { role: "screen", code }, opts.connect);
  clients.push(screen);
  const students: Joined[] = [];
  for (let i = 0; i < opts.students; i++) {
    const joined = await joinAs(url, code, opts.names?.[i] ?? `Pupil ${i + 1}`, opts.connect);
    clients.push(joined.client);
    students.push(joined);
  }
  await host.until((c) => c.view?.seats.length === opts.students);
  return { url, code, hostSecret, host, screen, students, clients };
}

export function closeTable(table: Table | undefined): void {
  for (const c of table?.clients ?? []) c.close();
}

/** Three rounds on the first theme, a long Build unless told otherwise; start; everyone votes. */
export async function playToBuild(table: Table, settings: Record<string, unknown> = {}): Promise<void> {
  const theme = (table.host.view as { settings: { themes: string[] } } | null)?.settings.themes[0];
  await must(
    table.host.command({ type: "configure", settings: { themes: [theme, theme, theme], ...settings } }),
  );
  await must(table.host.command({ type: "start" }));
  for (const s of table.students) await must(s.client.command({ type: "verdictVote", value: 3 }));
  await table.host.until((c) => c.view?.phase === "build");
  for (const s of table.students)
    await s.client.until((c) => c.view?.phase === "build" && (c.me?.hand.length ?? 0) > 0);
}

/** Throws unless the ack is ok: for the steps a test relies on rather than checks. */
export async function must(ack: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<void> {
  const a = await ack;
  if (!a.ok) throw new Error(`expected ok, got ${a.code}: ${a.message}`);
}

/** The first card of a student's hand that fits one of `slots`, with the slot. */
export function playable(
  student: Client,
  deck: Map<string, Card>,
  slots: readonly SlotId[],
): { copy: string; slot: SlotId } | null {
  for (const { copy, card } of student.me?.hand ?? []) {
    const c = deck.get(card);
    const slot = c && slots.find((s) => fitsSlot(c, s));
    if (slot) return { copy, slot };
  }
  return null;
}

/** The room's truth, in-process: what the server holds, for comparing with what clients were sent. */
export function truth(rooms: { get(code: string): LiveRoom | undefined }, code: string): LiveRoom {
  const live = rooms.get(code);
  if (!live) throw new Error(`no live room ${code}`);
  return live;
}

/** Each student proposes the first card of their hand that fits an open slot. */
export async function proposeFromHands(
  table: Table,
  deck: Map<string, Card>,
  slots: readonly SlotId[],
): Promise<number> {
  let proposed = 0;
  for (const s of table.students) {
    const play = playable(s.client, deck, slots);
    if (!play) continue;
    const ack = await s.client.command({ type: "propose", ...play });
    if (ack.ok) proposed++;
  }
  return proposed;
}

/** From Build to the next round's Build (or the closing vote): skip, skip, skip, score, skip. */
export async function finishRound(
  table: Table,
  marks: { failure: Record<string, number>; success: Record<string, number> },
): Promise<void> {
  const round = table.host.view?.round;
  for (const phase of ["build", "reveal", "rebut"]) {
    await table.host.until((c) => c.view?.phase === phase);
    await must(table.host.command({ type: "skip" }));
  }
  await table.host.until((c) => c.view?.phase === "judge");
  await must(table.host.command({ type: "score", marks }));
  await table.host.until((c) => c.view?.phase === "result");
  await must(table.host.command({ type: "skip" }));
  await table.host.until((c) => c.view?.round !== round || c.view?.phase === "voteAfter");
}
