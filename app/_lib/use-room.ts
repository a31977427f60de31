"use client";
// One room connection: the socket's life (handshake by role, reconnection, refused handshakes), the
// latest deck, view and private part, and `send`/`join` with acks. Pages render what it holds and
// send intents through it; it decides no rule.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { Deck } from "../../content/schema";
import type { HostView, ScreenView, SeatView, TeamView } from "../../game/views";
import type { Ack, ClientCommand, JoinAck, MePayload, ViewPayload } from "../../server/protocol";
import { PROTOCOL_VERSION, RECONNECT_OPTIONS } from "./protocol";
import { deviceId, randomId, seatToken } from "./storage";
import { showToast } from "./toasts";
import { ViewAssembly, type ViewFrame } from "./view-assembly";

export type Role = "player" | "host" | "screen";
export type AnyView = ScreenView | TeamView | HostView;

/** Something that stops this page from playing until the person acts (reload, join again…). */
export interface RoomProblem {
  code: string;
  message: string;
}

export type Connection = "connecting" | "open" | "reconnecting" | "stopped";

export interface RoomState {
  connection: Connection;
  problem: RoomProblem | null;
  deck: Deck | null;
  view: AnyView | null;
  me: SeatView | null;
  /** This student runs their own room (practice or homework): they hold Next, Pause and +30 s. */
  owner: boolean;
  /** The finished game's id (results page), from the verdict on. */
  results: string | null;
  /** Server clock minus this browser's clock, for countdowns. */
  offset: number;
  /** The stored seat token was refused: the student must join again. */
  seatLost: string | null;
  /** The name this student asked for when they joined from this page (the class may already have
   *  it: the server then adds a number). Null after a reload or reconnect. */
  askedName: string | null;
}

/** A command without its action id: `send` adds one. */
export type Intent = ClientCommand extends infer C
  ? C extends { id?: string }
    ? Omit<C, "id">
    : never
  : never;

const ACK_TIMEOUT_MS = 8000;
const FATAL = new Set(["no_room", "stale_client", "banned", "bad_secret", "bad_request"]);

export interface RoomOptions {
  role: Role;
  code: string;
  /** The host's secret (role "host"). */
  secret?: string | null;
  /** false: do not connect (yet). */
  enabled?: boolean;
}

export function useRoom({ role, code, secret, enabled = true }: RoomOptions) {
  const [state, setState] = useState<RoomState>({
    connection: "connecting",
    problem: null,
    deck: null,
    view: null,
    me: null,
    owner: false,
    results: null,
    offset: 0,
    seatLost: null,
    askedName: null,
  });
  const [pending, setPending] = useState(0);
  const socketRef = useRef<Socket | null>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the restart trigger
  useEffect(() => {
    if (!enabled) return;
    const patch = (p: Partial<RoomState>) => setState((s) => ({ ...s, ...p }));
    const socket = io({
      path: "/socket.io",
      ...RECONNECT_OPTIONS,
      // Evaluated on every (re)connection, so a token stored after joining is sent next time.
      auth: (cb) => {
        // views: "patch": after the first whole view, only the fields that changed (a tenth of the bytes).
        const base = { protocol: PROTOCOL_VERSION, code, device: deviceId(), views: "patch" as const };
        if (role === "host") cb({ ...base, role, secret: secret ?? "" });
        else if (role === "screen") cb({ ...base, role });
        else {
          const token = seatToken.get(code);
          cb(token ? { ...base, role, token } : { ...base, role });
        }
      },
    });
    socketRef.current = socket;
    patch({ connection: "connecting", problem: null });

    socket.on("connect", () => patch({ connection: "open" }));
    let stopped = false;
    socket.on("disconnect", (reason) => {
      if (stopped) return patch({ connection: "stopped" });
      patch({ connection: "reconnecting" });
      // The server closing (a restart) ends the socket without retrying: come back on our own.
      if (reason === "io server disconnect") setTimeout(() => !stopped && socket.connect(), 1000);
    });
    socket.on("connect_error", (err: Error & { data?: RoomProblem }) => {
      const data = err.data;
      if (!data) {
        // Network trouble: socket.io keeps retrying on its own.
        patch({ connection: "reconnecting" });
        return;
      }
      if (data.code === "bad_token") {
        seatToken.set(code, null);
        patch({ seatLost: data.message, me: null });
        socket.connect();
      } else if (data.code === "slow_down") {
        patch({ connection: "reconnecting" });
        showToast(data.message);
        setTimeout(() => socket.connect(), 5000);
      } else if (FATAL.has(data.code)) {
        stopped = true;
        patch({ connection: "stopped", problem: data });
      } else {
        patch({ connection: "reconnecting" });
        setTimeout(() => socket.connect(), 2000);
      }
    });
    socket.on("deck", (deck: Deck) => patch({ deck }));
    // The view this connection holds: patches (views: "patch") are laid over it, and a big view in
    // several frames is shown once all have arrived.
    const views = new ViewAssembly<AnyView>();
    socket.on("disconnect", () => views.reset()); // a new connection starts from a whole view
    socket.on("view", (p: ViewPayload) => {
      const taken = views.take(p as ViewFrame<AnyView>);
      if (!taken) {
        // A patch only ever follows a whole view on the same connection; without one, start again.
        socket.disconnect().connect();
        return;
      }
      if (taken.complete) patch({ view: taken.view, results: p.results ?? null, offset: p.now - Date.now() });
    });
    let seated = false;
    socket.on("me", (p: MePayload) => {
      if (p.me) seated = true;
      else if (seated) {
        // The seat is gone. (Removed or banned in the lobby, the server deletes the seat and sends
        // `me: null` rather than a notice.)
        stopped = true;
        seatToken.set(code, null);
        socket.disconnect();
        return patch({
          me: null,
          connection: "stopped",
          problem: {
            code: "removed",
            message: "The teacher has taken you out of the game. You can join again with the code.",
          },
        });
      }
      patch({ me: p.me, owner: p.host === true });
    });
    socket.on("notice", (n: RoomProblem) => {
      if (n.code === "removed" || n.code === "banned" || n.code === "room_closed") {
        stopped = true;
        seatToken.set(code, null);
        patch({ problem: n, me: null, connection: "stopped" });
      } else showToast(n.message);
    });

    return () => {
      stopped = true;
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [role, code, secret, enabled, generation]);

  /** Sends a command; a refusal shows its message (unless `quiet`: the caller shows it where it
   *  belongs). Retries once (same action id) when no answer comes. */
  const send = useCallback(async (intent: Intent, opts: { quiet?: boolean } = {}): Promise<Ack> => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, code: "server_error", message: "Not connected." };
    const command = { ...intent, id: randomId() };
    setPending((n) => n + 1);
    try {
      let ack: Ack | null = null;
      // Unanswered (a server restart, a wifi drop): socket.io holds the emit until it reconnects;
      // try again with the same action id, which the server applies once. Three tries cover a
      // restart or a drop of up to ~24 s before the student is told.
      for (let attempt = 0; attempt < 3 && !ack; attempt++) {
        try {
          ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("command", command)) as Ack;
        } catch {
          // no answer in time: the loop tries again
        }
      }
      const result: Ack = ack ?? {
        ok: false,
        code: "server_error",
        message: "No answer from the game. Check the connection and try again.",
      };
      if (!result.ok && !opts.quiet) showToast(result.message);
      return result;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  /** Joins as a student; keeps the seat token for reconnects. The caller shows a refusal. */
  const join = useCallback(
    async (name: string): Promise<JoinAck> => {
      const socket = socketRef.current;
      if (!socket) return { ok: false, code: "server_error", message: "Not connected." };
      try {
        const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("join", { name })) as JoinAck;
        if (ack.ok) {
          seatToken.set(code, ack.token);
          setState((s) => ({ ...s, seatLost: null, askedName: name }));
        }
        return ack;
      } catch {
        return { ok: false, code: "server_error", message: "No answer from the game. Try again." };
      }
    },
    [code],
  );

  /** Starts over after a removal: a fresh connection without a seat. */
  const restart = useCallback(() => {
    seatToken.set(code, null);
    setState((s) => ({ ...s, problem: null, me: null, view: null, seatLost: null }));
    setGeneration((g) => g + 1);
  }, [code]);

  return { ...state, pending: pending > 0, send, join, restart };
}

export type Room = ReturnType<typeof useRoom>;
