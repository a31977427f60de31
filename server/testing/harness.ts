// Integration-test helpers: a real server on an ephemeral port (sockets and API, no Next build),
// and real socket.io clients for hosts, students and projector screens.
import { io as connect, type Socket } from "socket.io-client";
import type { ScreenView, SeatView } from "../../game/views";
import { type RunningServer, startServer } from "../http";
import type { Ack, JoinAck } from "../protocol";
import { ViewAssembly, type ViewFrame } from "../../app/_lib/view-assembly";
import { PROTOCOL_VERSION, RECONNECT_OPTIONS } from "../protocol";
import { createRealtime, type Realtime, type RealtimeOptions } from "../realtime";
import { openMemoryStore } from "../store/memory";
import type { Store } from "../store/types";

export interface TestServer {
  server: RunningServer;
  realtime: Realtime;
  store: Store;
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(opts: Partial<RealtimeOptions> = {}): Promise<TestServer> {
  const store = opts.store ?? openMemoryStore();
  let realtime: Realtime | undefined;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    withNext: false,
    dataDir: process.env.TMPDIR ?? "/tmp",
    onIo: (io, ctx) => {
      // The janitor's interval stays off: tests call janitor.sweep(now) with the clock they want.
      realtime = createRealtime(io, { sweepEveryMs: 0, ...opts, store });
      ctx.setApi(realtime.api);
      ctx.onShutdown(() => realtime?.close());
    },
  });
  return {
    server,
    realtime: realtime as Realtime,
    store,
    url: server.url,
    close: () => server.close(),
  };
}

export async function createRoom(
  url: string,
  body: object = {},
): Promise<{ code: string; hostSecret: string }> {
  const res = await fetch(`${url}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create room: ${res.status} ${await res.text()}`);
  return (await res.json()) as { code: string; hostSecret: string };
}

/** A connected client that keeps the latest view and private part it was sent. */
export class Client {
  view: (ScreenView & Record<string, unknown>) | null = null;
  /** Views put back together from their frames, as the app does. */
  private readonly views = new ViewAssembly<ScreenView & Record<string, unknown>>();
  me: SeatView | null = null;
  now = 0;
  results: string | null = null;
  readonly frames: { event: string; payload: unknown }[] = [];
  readonly notices: { code: string; message: string }[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: Socket) {
    const wake = () => {
      for (const w of this.waiters.splice(0)) w();
    };
    socket.on("connect", wake);
    socket.on("disconnect", wake);
    socket.onAny((event: string, payload: unknown) => {
      this.frames.push({ event, payload });
      if (event === "view") {
        const p = payload as {
          view: ScreenView;
          now: number;
          results: string | null;
          patch?: true;
          more?: true;
        };
        const taken = this.views.take(p as unknown as ViewFrame<ScreenView & Record<string, unknown>>);
        // (A patch with no view to lay it over never comes: tests that look for one read `frames`.)
        if (taken?.complete) {
          this.view = taken.view;
          this.now = p.now;
          this.results = p.results;
        }
      } else if (event === "me") this.me = (payload as { me: SeatView | null }).me;
      else if (event === "notice") this.notices.push(payload as { code: string; message: string });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Resolves when `pred` holds for what this client has been sent. */
  until(pred: (c: Client) => boolean, timeoutMs = 4000): Promise<void> {
    if (pred(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; phase=${this.view?.phase}`)), timeoutMs);
      const check = () => {
        if (pred(this)) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  command(cmd: object): Promise<Ack> {
    return this.socket.timeout(4000).emitWithAck("command", cmd) as Promise<Ack>;
  }

  join(name: string): Promise<JoinAck> {
    return this.socket.timeout(4000).emitWithAck("join", { name }) as Promise<JoinAck>;
  }

  close(): void {
    this.socket.disconnect();
  }
}

let devices = 0;

/** A fresh browser id, as the UI keeps one in localStorage. */
export function newDevice(): string {
  return `device-${process.pid}-${++devices}`;
}

export interface ConnectOptions {
  /** Reconnect by itself as a browser does (RECONNECT_OPTIONS); default off. */
  reconnect?: boolean;
  /** Extra HTTP headers on the handshake (e.g. a foreign Origin). */
  headers?: Record<string, string>;
}

export function connectClient(
  url: string,
  auth: Record<string, unknown>,
  options: ConnectOptions = {},
): Promise<Client> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    ...(options.reconnect ? RECONNECT_OPTIONS : { reconnection: false }),
    forceNew: true,
    extraHeaders: options.headers,
    auth: { protocol: PROTOCOL_VERSION, device: newDevice(), ...auth },
  });
  const client = new Client(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(client));
    socket.once("connect_error", (err: Error & { data?: unknown }) =>
      reject(Object.assign(err, { data: err.data })),
    );
  });
}

export interface Joined {
  client: Client;
  seat: string;
  token: string;
  device: string;
}

export async function joinAs(
  url: string,
  code: string,
  name: string,
  options: ConnectOptions = {},
): Promise<Joined> {
  const device = newDevice();
  const client = await connectClient(url, { role: "player", code, device }, options);
  const ack = await client.join(name);
  if (!ack.ok) throw new Error(`join failed: ${ack.code} ${ack.message}`);
  await client.until((c) => c.me !== null);
  // A reconnecting browser sends the token it kept; so does this client from now on.
  (client.socket.auth as Record<string, unknown>).token = ack.token;
  return { client, seat: ack.seat, token: ack.token, device };
}
