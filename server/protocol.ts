// The wire protocol between browsers and the server: the one place that names every event, its
// payload and its errors. The server parses every client payload with these schemas before
// reading it; the UI and the tests import the same definitions. No node imports: app/ bundles it.
//
// A connection, start to finish:
//   1. `io(url, { path: "/socket.io", auth: Handshake, ...RECONNECT_OPTIONS })`. The handshake says who
//      this is: a student (`player`, with the seat token once joined), the teacher (`host`, with the
//      host secret: the same link works on a second device) or the projector (`screen`, no secret).
//      A refused handshake fails `connect_error` with `err.data: HandshakeError`.
//   2. The server sends `deck` once, then the audience's `view` (and, to a seated student, `me`).
//   3. A student without a token emits `join` and keeps the token from the ack (localStorage, per
//      room code); every later connection sends it in `auth.token`.
//   4. Every action is a `command` with an ack. After each applied step, every audience gets a fresh
//      `view`, and each student whose private part changed gets `me`.
//   5. When the connection drops (lid, wifi, reload, server restart) the client reconnects by itself
//      with the same auth and gets the same seat, hand and team; the seat shows "away" only after a
//      short grace. `disconnect` with reason "io server disconnect" is deliberate (see `notice`):
//      do not reconnect then.
import { z } from "zod";
import type { Deck } from "../content/schema";
import type { RefusalCode } from "../game/events";
import type { HostView, ScreenView, SeatView, TeamView } from "../game/views";
import { SettingsPatchSchema } from "../game/settings";

/** Bump when a change would break an older page; the server tells a stale page to reload. */
export const PROTOCOL_VERSION = 2;

/** Largest frame a client may send (Socket.IO's maxHttpBufferSize); a bigger one closes that socket. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Each socket's event budget: a burst of `capacity`, then `refillPerSecond` sustained. */
export const RATE_LIMIT = { capacity: 20, refillPerSecond: 10 } as const;

/** Socket.IO path on the server's one port. */
export const SOCKET_PATH = "/socket.io";

/**
 * Client reconnection settings, shared by the UI (app/_lib/protocol.ts keeps a checked copy) and the
 * restart tests so what is measured is what pupils get: first retry after ~0.5 s, then up to 2 s
 * apart, jittered so thirty laptops do not reconnect in lockstep after a server restart.
 */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionAttempts: Number.POSITIVE_INFINITY,
  reconnectionDelay: 500,
  reconnectionDelayMax: 2_000,
  randomizationFactor: 0.5,
} as const;

/** Mirrors server/secrets.ts (which explains the choice); kept here because app/ cannot import node code. */
export const JOIN_CODE_ALPHABET = "CDFGHJKMNPQRTVWXY34679";
export const JoinCodeSchema = z
  .string()
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`), "A join code is 6 letters and digits."));

/** A random id the browser keeps (localStorage), for bans and join-code guessing limits. Not a secret. */
const Device = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * How a connection wants its shared views: `full` (the default) sends the whole view after every
 * step; `patch` sends only the top-level fields that changed since the previous `view` this
 * connection got (`ViewPayload.patch`), a tenth of the bytes in a big class (the seat list, the
 * rubric and the round rarely change; the draft and the counts do). The app asks for `patch`.
 */
const ViewsMode = z.enum(["full", "patch"]);

/** The socket handshake (`io(url, { auth })`). */
export const HandshakeSchema = z.discriminatedUnion("role", [
  z.object({
    role: z.literal("player"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    /** The seat token issued at join; absent before joining. */
    token: z.string().min(10).max(100).optional(),
    device: Device,
    views: ViewsMode.optional(),
  }),
  z.object({
    role: z.literal("host"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    secret: z.string().min(10).max(100),
    device: Device,
    views: ViewsMode.optional(),
  }),
  z.object({
    role: z.literal("screen"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    device: Device.optional(),
    views: ViewsMode.optional(),
  }),
]);
export type Handshake = z.infer<typeof HandshakeSchema>;
export type Role = Handshake["role"];

const Slot = z.enum(["point", "evidence1", "evidence2", "explanation", "link", "counter"]);
const ParagraphSlot = z.enum(["point", "evidence1", "evidence2", "explanation", "link"]);
const Team = z.enum(["failure", "success"]);
const Level = z.enum(["easy", "medium", "hard"]);
const Id = z.string().min(1).max(64);
/** Keys an object must never be given from the wire, even inside a record. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const CriterionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,23}$/)
  .refine((k) => !FORBIDDEN_KEYS.has(k), "is not a criterion");
const Marks = z.record(CriterionId, z.number().int().min(0).max(30));

/** Client action id: retries of the same action (after a lost ack) are applied once. */
const ActionId = z.string().min(1).max(64).optional();

/**
 * Everything a client may ask of a room (event name `command`, ack: `Ack`). The server adds who
 * (from the socket's handshake, never from the payload) and when. Objects are strict: an unknown
 * field is a `bad_request`, not ignored.
 */
export const CommandSchema = z.discriminatedUnion("type", [
  // students
  /** Quit the game for good (the seat is kept in the report; the token stops working). */
  z.object({ type: z.literal("leave"), id: ActionId }).strict(),
  /** The private verdict vote before round 1 and after the last: 1 "not at all accurate" … 5. */
  z.object({ type: z.literal("verdictVote"), id: ActionId, value: z.number().int().min(1).max(5) }).strict(),
  /** Put a card from your own hand on your team's draft (Build: paragraph slots; Rebut: counter + target). */
  z
    .object({
      type: z.literal("propose"),
      id: ActionId,
      slot: Slot,
      copy: Id,
      target: ParagraphSlot.nullish(),
    })
    .strict(),
  /** Your own sentence for a slot instead of a card. */
  z
    .object({
      type: z.literal("write"),
      id: ActionId,
      slot: Slot,
      text: z.string().min(1).max(400),
      target: ParagraphSlot.nullish(),
    })
    .strict(),
  /** Take your card (or sentence) back off the draft. */
  z.object({ type: z.literal("withdraw"), id: ActionId, proposal: Id }).strict(),
  /** Your one vote for a slot goes to this proposal of your own team. */
  z.object({ type: z.literal("support"), id: ActionId, proposal: Id }).strict(),
  /** A student renames themself in the lobby; the teacher renames anyone, any time. */
  z.object({ type: z.literal("rename"), id: ActionId, seat: Id, name: z.string().min(1).max(64) }).strict(),
  // the teacher (HOST_COMMANDS)
  z.object({ type: z.literal("addBot"), id: ActionId, team: Team.nullable(), level: Level }).strict(),
  z
    .object({
      type: z.literal("fillBots"),
      id: ActionId,
      level: Level,
      perTeam: z.number().int().min(1).max(20),
    })
    .strict(),
  z.object({ type: z.literal("move"), id: ActionId, seat: Id, team: Team }).strict(),
  /** The student may join again with the code. */
  z.object({ type: z.literal("remove"), id: ActionId, seat: Id }).strict(),
  /** The student's browser may not join this room again. */
  z.object({ type: z.literal("ban"), id: ActionId, seat: Id }).strict(),
  z.object({ type: z.literal("lock"), id: ActionId }).strict(),
  z.object({ type: z.literal("unlock"), id: ActionId }).strict(),
  z.object({ type: z.literal("configure"), id: ActionId, settings: SettingsPatchSchema }).strict(),
  z.object({ type: z.literal("start"), id: ActionId }).strict(),
  z
    .object({
      type: z.literal("score"),
      id: ActionId,
      marks: z.object({ failure: Marks, success: Marks }).strict(),
    })
    .strict(),
  z.object({ type: z.literal("pause"), id: ActionId }).strict(),
  z.object({ type: z.literal("resume"), id: ActionId }).strict(),
  z
    .object({ type: z.literal("addTime"), id: ActionId, ms: z.number().int().min(1000).max(300_000) })
    .strict(),
  z.object({ type: z.literal("skip"), id: ActionId }).strict(),
]);
export type ClientCommand = z.infer<typeof CommandSchema>;
export type ClientCommandType = ClientCommand["type"];

/** Commands only the host may send (the rules check again; this lets the server answer early).
 *  In a homework room the one student holds these too. */
export const HOST_COMMANDS: ReadonlySet<ClientCommandType> = new Set<ClientCommandType>([
  "addBot",
  "fillBots",
  "move",
  "remove",
  "ban",
  "lock",
  "unlock",
  "configure",
  "start",
  "score",
  "pause",
  "resume",
  "addTime",
  "skip",
]);

/**
 * True when a payload holds a `__proto__`, `constructor` or `prototype` key at any depth. Zod drops
 * some of these silently; the server refuses them outright instead, so a payload is either exactly
 * what the schema says or rejected. Iterative: a 16 KB frame can nest thousands of levels deep.
 */
export function hasForbiddenKey(payload: unknown): boolean {
  const stack: unknown[] = [payload];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** Parses a `command` payload: the schema, and no forbidden key anywhere. */
export function parseCommand(
  payload: unknown,
): { ok: true; command: ClientCommand } | { ok: false; message: string } {
  if (hasForbiddenKey(payload)) return { ok: false, message: "Bad command: forbidden key." };
  const parsed = CommandSchema.safeParse(payload);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `Bad command${issue ? `: ${issue.path.join(".") || "payload"} ${issue.message}` : ""}.`,
  };
}

/** Joining a room as a student (event name `join`, ack: `JoinAck`), after connecting with role "player". */
export const JoinSchema = z.object({ name: z.string().min(1).max(64) }).strict();

/** The events a client may emit. Anything else is answered `bad_request` (when it has an ack). */
export const CLIENT_EVENTS = ["join", "command"] as const;
export type ClientEventName = (typeof CLIENT_EVENTS)[number];

/** Transport-level error codes (the rules' own refusals are `RefusalCode`, listed in ERRORS). */
export type TransportErrorCode =
  | "bad_request"
  | "stale_client"
  | "no_room"
  | "bad_secret"
  | "bad_token"
  | "bad_origin"
  | "rate_limited"
  | "slow_down"
  | "not_joined"
  | "already_joined"
  | "server_error";

export type ErrorCode = RefusalCode | TransportErrorCode;

/**
 * Every error code, and when a client meets it. Where: H = handshake (`connect_error`, err.data),
 * A = ack of `join`/`command`, N = `notice`. Typed as a complete record so a new code cannot be
 * added without saying when it happens.
 */
export const ERRORS: Readonly<Record<ErrorCode, string>> = {
  // transport
  bad_request:
    "H/A: the payload failed its schema (wrong type, missing or extra field, a forbidden key such as " +
    "__proto__), the event name is unknown, or the event carried extra arguments. Nothing was applied.",
  stale_client:
    "H: the page speaks an older PROTOCOL_VERSION (or sent none). Reload the page; nothing else helps.",
  no_room: "H: no live room has that join code (never existed, finished and cleared, or mistyped).",
  bad_secret: "H: the host secret does not match this room. Counts as a failed code attempt.",
  bad_token:
    "H: the seat token is unknown, expired (TOKEN_TTL_MS), or its seat was removed or left. Forget the " +
    "token and connect without one to join again.",
  bad_origin:
    "HTTP 403 on POST /api/*: the request came from a page on another site. (At the socket handshake " +
    "a foreign Origin is refused before Socket.IO runs, so the client sees a plain connect_error.)",
  rate_limited:
    "A/N: this socket sent more events than its budget (a burst of 20, then 10 a second). The event " +
    "was not applied; retry after a moment. A `notice` says so at most every few seconds.",
  slow_down:
    "H: too many wrong join codes from this browser (or network) recently; the message says how " +
    "long to wait. Failed attempts only: a class joining at once is never slowed.",
  not_joined:
    "A: a student command from a socket without a seat (join first), or a card command from the host.",
  already_joined: "A: `join` from a socket that already holds a seat.",
  server_error: "A: the server failed unexpectedly; it was logged and the room carries on. Try again.",
  // the rules (game/events.ts RefusalCode): the room is unchanged
  not_allowed:
    "A: only the teacher may do that (host commands from a student or the projector), the projector " +
    "sent a command, or a student renamed someone else.",
  wrong_phase: "A: the command does not fit the current phase (e.g. propose outside Build/Rebut).",
  paused: "A: the teacher has paused the game; student actions wait.",
  locked: "A: `join` while the teacher has locked the room.",
  banned: "H/A/N: this browser was banned from the room by the teacher.",
  room_full: "A: `join` or a bot when the room already has MAX_SEATS seats.",
  unknown_seat: "A: the command names a seat that is not (or no longer) in the room.",
  seat_inactive: "A: the acting seat has left or was removed.",
  not_in_hand: "A: `propose` with a card that is not in the student's own hand.",
  wrong_slot: "A: the card's kind does not fit that slot, or the slot is not open in this phase.",
  slot_full: "A: the slot already has the most proposals allowed; vote for one instead.",
  unknown_proposal: "A: `support`/`withdraw` names a proposal that is not on the student's own team's draft.",
  not_yours: "A: `withdraw` of a proposal the student did not make.",
  bad_name: "A: `join`/`rename` with a name that is empty, too long, has markup or is filtered.",
  bad_value:
    "A: a value the rules refuse (a vote outside 1–5, marks over the rubric, a bad counter target…).",
  bad_settings: "A: `configure` with settings that do not fit this deck, or `start` with no theme.",
  too_early: "A: `start` while a team is empty and bots are off.",
  game_over: "A: the game has reached its verdict (or the room closed); nothing more can be played.",
  internal:
    "A: a rule failed unexpectedly while applying the command; the room was put back exactly as it was before it, and the command can be tried again.",
};

export type Ack = { ok: true; version?: number } | { ok: false; code: ErrorCode; message: string };
export type JoinAck =
  | { ok: true; seat: string; token: string }
  | { ok: false; code: ErrorCode; message: string };

/** Why the server sent a `notice`. `removed`, `banned` and `room_closed` are followed by a disconnect. */
export type NoticeCode = "removed" | "banned" | "room_closed" | "rate_limited";
export const NOTICES: Readonly<Record<NoticeCode, string>> = {
  removed: "The teacher took this student out (or they left): the token is forgotten; they may join again.",
  banned: "The teacher banned this student: the browser may not join this room again.",
  room_closed: "The room was closed as idle (an untouched lobby, or a finished game nobody is viewing).",
  rate_limited: "This socket is sending too fast; some events were refused (sent at most every 5 s).",
};

/** A view for one audience, with the server's clock so countdowns need no client clock. */
export interface ViewPayload {
  /** The whole view; with `patch`, only its top-level fields that changed. */
  view: ScreenView | TeamView | HostView;
  /**
   * Present (true) only on connections that asked for `views: "patch"`: merge the fields over the
   * previous view this connection got (`{ ...previous, ...view }`) to get the whole view. The first
   * view of a connection, and the first after its audience changes (seated, moved to the other
   * team), is whole and has no `patch`.
   */
  patch?: true;
  /**
   * Only on `views: "patch"` connections, and only when a view (a whole one, or a patch after a
   * phase change) is bigger than a frame should be (MAX_VIEW_FRAME_BYTES): it comes in several
   * frames of whole fields, the first as it would have come, the rest as patches of the same
   * version; every frame but the last has `more`. Merge them all before showing the view.
   */
  more?: true;
  /** Server epoch ms when the view was built: render `view.clock.endsAt - now` as the time left. */
  now: number;
  /** Once the game is filed: the id for GET /api/games/:id (essay plan) and its report. */
  results: string | null;
}

export interface MePayload {
  me: SeatView | null;
  version: number;
  /** True for the one student of a practice game: they hold the host's controls of their own room. */
  host: boolean;
}

/** Server → client events. */
export interface ServerEvents {
  /** The deck in play, once per connection (cards are public; hands are not). */
  deck: (deck: Deck) => void;
  /** The audience's shared view: screen (projector, and students not yet joined), team or host. */
  view: (payload: ViewPayload) => void;
  /** A student's private part: their hand and votes. Sent before the team view of the same step. */
  me: (payload: MePayload) => void;
  /** Something happened to this connection. */
  notice: (payload: { code: NoticeCode; message: string }) => void;
}

/** Client → server events. Every one must carry an ack callback; one without is dropped. */
export interface ClientEvents {
  join: (payload: unknown, ack: (a: JoinAck) => void) => void;
  command: (payload: unknown, ack: (a: Ack) => void) => void;
}

/** A handshake refusal carries this in `err.data`. */
export interface HandshakeError {
  code: ErrorCode;
  message: string;
}

/**
 * HTTP API (same origin; every error is JSON `{ code, message }`):
 * - POST /api/rooms `CreateRoom` → 201 `{ code, hostSecret }`. Origin-checked; rate-limited per address.
 * - GET /api/info → `{ joinUrls, localOnly, protocol }`: the network addresses students type (never localhost;
 *   none, with `localOnly`, when HOST keeps the server to this computer).
 * - GET /api/games/:id → the finished game's essay plan; /plan.md as Markdown.
 * - GET /api/games/:id/report[.csv] with `Authorization: Bearer <hostSecret>` → the teacher's report.
 * - GET /healthz → `{ ok, uptimeS, rooms }`.
 */
export const CreateRoomSchema = z
  .object({
    deckId: z.string().max(64).optional(),
    mode: z.enum(["class", "homework"]).optional(),
  })
  .strict();
export type CreateRoom = z.infer<typeof CreateRoomSchema>;
