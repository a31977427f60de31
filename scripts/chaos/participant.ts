// One person in a chaos or soak run, over a real socket.io connection that reconnects by itself as a
// browser does (RECONNECT_OPTIONS, the seat token in the auth): a student, the teacher or the
// projector. Every command carries a client action id; a command whose ack has not come back when
// the connection drops is sent again, with the same id, once the socket is back (what the UI must
// do after a lost ack). It keeps the latest view and private part only (a soak holds thousands of
// these), plus a record of every action and its final ack for the lost/duplicated audit.
import { io, type Socket } from "socket.io-client";
import type { Card, Deck } from "../../content/schema";
import { cardIndex, fitsSlot } from "../../game/cards";
import type { SlotId } from "../../game/types";
import type { HostView, ScreenView, SeatView, TeamView } from "../../game/views";
import {
  type Ack,
  type JoinAck,
  PROTOCOL_VERSION,
  RECONNECT_OPTIONS,
  SOCKET_PATH,
  type ViewPayload,
} from "../../server/protocol";

export type Role = "host" | "screen" | "player";

/** Any audience's view: the projector's fields, plus the teacher's or a team's where sent. */
export type AnyView = ScreenView &
  Partial<Pick<HostView, "settings" | "suggestion">> &
  Partial<Pick<TeamView, "team" | "draft">>;

/** One command this participant sent, with every answer it got for it. */
export interface ActionRecord {
  id: string;
  type: string;
  command: Record<string, unknown>;
  sentAt: number;
  /** How many times it was emitted (1 + retries after reconnects). */
  sends: number;
  /** Every ack that came back (a retry of an applied action gets the first answer again). */
  acks: Ack[];
  /** When the first ack came back (ms, local clock). */
  ackedAt: number | null;
  /** Sent (first time) while the server was down or before it was killed and not yet answered. */
  inFlightAtKill: boolean;
}

let deviceCounter = 0;

export interface ParticipantOptions {
  url: string;
  role: Role;
  code: string;
  secret?: string;
  /** A prefix for action ids and the device id; unique per participant. */
  name: string;
  /** Called with every frame received (event, payload): the leak audit records through this. */
  onFrame?: (event: string, payload: unknown) => void;
  /** Keep a record of every action (default true; a soak turns it off to hold memory flat). */
  record?: boolean;
}

export class Participant {
  readonly socket: Socket;
  view: AnyView | null = null;
  me: SeatView | null = null;
  /** Server clock of the latest view (ms). */
  now = 0;
  deck: Map<string, Card> | null = null;
  seat: string | null = null;
  token: string | null = null;
  readonly actions: ActionRecord[] = [];
  /** Times (ms, local clock) when a fresh view arrived after each (re)connect. */
  readonly syncedAt: number[] = [];
  connects = 0;
  private seq = 0;
  private readonly pending = new Map<string, { record: ActionRecord; resolve: (a: Ack) => void }>();
  private waiters: (() => void)[] = [];
  private awaitingSync = false;

  constructor(readonly opts: ParticipantOptions) {
    const device = `${opts.name.replace(/[^A-Za-z0-9_-]/g, "-")}-${process.pid}-${++deviceCounter}`.slice(
      0,
      64,
    );
    const auth: Record<string, unknown> = {
      protocol: PROTOCOL_VERSION,
      role: opts.role,
      code: opts.code,
      device,
    };
    if (opts.secret) auth.secret = opts.secret;
    this.socket = io(opts.url, {
      path: SOCKET_PATH,
      transports: ["websocket"],
      forceNew: true,
      autoConnect: false,
      ...RECONNECT_OPTIONS,
      auth,
    });
    this.socket.on("connect", () => {
      this.connects++;
      this.awaitingSync = true;
      // Whatever was sent before the drop and never answered goes again, with the same id.
      for (const { record } of this.pending.values()) this.emit(record);
      this.wake();
    });
    this.socket.on("disconnect", () => this.wake());
    this.socket.on("connect_error", () => this.wake());
    this.socket.onAny((event: string, payload: unknown) => {
      this.opts.onFrame?.(event, payload);
      if (event === "deck") this.deck = cardIndex(payload as Deck);
      else if (event === "me") this.me = (payload as { me: SeatView | null }).me;
      else if (event === "view") {
        const p = payload as ViewPayload;
        this.view = p.view as AnyView;
        this.now = p.now;
        if (this.awaitingSync) {
          this.awaitingSync = false;
          this.syncedAt.push(Date.now());
        }
      }
      this.wake();
    });
  }

  get auth(): Record<string, unknown> {
    return this.socket.auth as Record<string, unknown>;
  }

  /** Connects (first time) and resolves once the first view arrived. */
  async start(timeoutMs = 15_000): Promise<void> {
    const failed = new Promise<never>((_, reject) =>
      this.socket.once("connect_error", (err: Error & { data?: { code?: string } }) =>
        reject(new Error(`${this.opts.name}: ${err.data?.code ?? err.message}`)),
      ),
    );
    this.socket.connect();
    await Promise.race([this.until((p) => p.view !== null, timeoutMs), failed]);
  }

  /** Joins as a student; the token goes into the auth, so every reconnect takes the same seat. */
  async join(name: string): Promise<void> {
    const ack = (await this.socket.timeout(15_000).emitWithAck("join", { name })) as JoinAck;
    if (!ack.ok) throw new Error(`${this.opts.name}: join refused: ${ack.code} ${ack.message}`);
    this.seat = ack.seat;
    this.token = ack.token;
    this.auth.token = ack.token;
    await this.until((p) => p.me !== null);
  }

  /** Sends a command with a fresh action id; resolves with the first ack, however many sends it takes. */
  command(command: Record<string, unknown>): Promise<Ack> {
    const id = `${this.opts.name}-${++this.seq}`.slice(0, 64);
    const record: ActionRecord = {
      id,
      type: String(command.type),
      command,
      sentAt: Date.now(),
      sends: 0,
      acks: [],
      ackedAt: null,
      inFlightAtKill: false,
    };
    if (this.opts.record !== false) this.actions.push(record);
    return new Promise<Ack>((resolve) => {
      this.pending.set(id, { record, resolve });
      if (this.socket.connected) this.emit(record);
      // Not connected: sent by the connect handler, like a page that waits for its socket.
    });
  }

  /** Sends an action again with its original id (a page that lost the ack and retries). */
  replay(record: ActionRecord): Promise<Ack> {
    return new Promise<Ack>((resolve) => {
      this.socket.emit("command", { ...record.command, id: record.id }, (ack: Ack) => {
        record.acks.push(ack);
        resolve(ack);
      });
    });
  }

  private emit(record: ActionRecord): void {
    record.sends++;
    // No ack timeout: a lost ack is detected by the disconnect, and answered by the resend.
    this.socket.emit("command", { ...record.command, id: record.id }, (ack: Ack) => {
      record.ackedAt ??= Date.now();
      record.acks.push(ack);
      const waiting = this.pending.get(record.id);
      if (!waiting) return;
      this.pending.delete(record.id);
      waiting.resolve(ack);
    });
  }

  /** Actions sent and not yet answered. */
  get unanswered(): number {
    return this.pending.size;
  }

  /** Marks every unanswered action as caught by a kill (for the report). */
  markInFlight(): void {
    for (const { record } of this.pending.values()) record.inFlightAtKill = true;
  }

  until(pred: (p: Participant) => boolean, timeoutMs = 10_000): Promise<void> {
    if (pred(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.opts.name}: timed out (phase ${this.view?.phase})`)),
        timeoutMs,
      );
      const check = () => {
        if (pred(this)) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  close(): void {
    this.socket.disconnect();
    this.wake();
  }
}

export const PARAGRAPH = ["point", "evidence1", "evidence2", "explanation", "link"] as const;

/** The first card of the hand that fits one of the open slots (the rules' own fit). */
export function playableCard(
  p: Participant,
  slots: readonly string[],
): { copy: string; slot: string } | null {
  for (const { copy, card } of p.me?.hand ?? []) {
    const c = p.deck?.get(card);
    if (!c) continue;
    const slot = slots.find((s) => fitsSlot(c, s as SlotId));
    if (slot) return { copy, slot };
  }
  return null;
}

/** The host's marks: the auto-judge's suggestion, as a teacher confirming it would send. */
export function suggestedMarks(view: Pick<Partial<HostView>, "suggestion"> | null): {
  failure: Record<string, number>;
  success: Record<string, number>;
} {
  const of = (team: "failure" | "success") =>
    Object.fromEntries((view?.suggestion?.[team].marks ?? []).map((m) => [m.criterion, m.marks]));
  return { failure: of("failure"), success: of("success") };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
