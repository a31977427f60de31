// The wire protocol between browsers and the server: the one place that names every event, its
// payload and its errors. The server parses every client payload with these schemas before
// reading it; the UI and the tests import the same definitions. No node imports: app/ bundles it.
import { z } from "zod";
import type { Deck } from "../content/schema";
import type { RefusalCode } from "../game/events";
import type { HostView, ScreenView, SeatView, TeamView } from "../game/views";
import { SettingsPatchSchema } from "../game/settings";

/** Bump when a change would break an older page; the server tells a stale page to reload. */
export const PROTOCOL_VERSION = 1;

/** Largest frame a client may send (Socket.IO's maxHttpBufferSize). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Mirrors server/secrets.ts (which explains the choice); kept here because app/ cannot import node code. */
export const JOIN_CODE_ALPHABET = "CDFGHJKMNPQRTVWXY34679";
export const JoinCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`), "A join code is 6 letters and digits."));

/** The socket handshake (`io(url, { auth })`). */
export const HandshakeSchema = z.discriminatedUnion("role", [
  z.object({
    role: z.literal("player"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    /** The seat token issued at join; absent before joining. */
    token: z.string().min(10).max(100).optional(),
    /** A random id the browser keeps, for bans and join-code guessing limits. */
    device: z.string().min(8).max(64),
  }),
  z.object({
    role: z.literal("host"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    secret: z.string().min(10).max(100),
    device: z.string().min(8).max(64),
  }),
  z.object({
    role: z.literal("screen"),
    protocol: z.number().int(),
    code: JoinCodeSchema,
    device: z.string().min(8).max(64).optional(),
  }),
]);
export type Handshake = z.infer<typeof HandshakeSchema>;

const Slot = z.enum(["point", "evidence1", "evidence2", "explanation", "link", "counter"]);
const ParagraphSlot = z.enum(["point", "evidence1", "evidence2", "explanation", "link"]);
const Team = z.enum(["failure", "success"]);
const Level = z.enum(["easy", "medium", "hard"]);
const Id = z.string().min(1).max(64);
const Marks = z.record(z.string().max(24), z.number().int().min(0).max(30));

/** Client action id: retries of the same action are applied once. */
const ActionId = z.string().min(1).max(64).optional();

/** Everything a client may ask of a room (event name `command`). The server adds who and when. */
export const CommandSchema = z.discriminatedUnion("type", [
  // students
  z.object({ type: z.literal("leave"), id: ActionId }).strict(),
  z.object({ type: z.literal("verdictVote"), id: ActionId, value: z.number().int().min(1).max(5) }).strict(),
  z
    .object({
      type: z.literal("propose"),
      id: ActionId,
      slot: Slot,
      copy: Id,
      target: ParagraphSlot.nullish(),
    })
    .strict(),
  z
    .object({
      type: z.literal("write"),
      id: ActionId,
      slot: Slot,
      text: z.string().min(1).max(400),
      target: ParagraphSlot.nullish(),
    })
    .strict(),
  z.object({ type: z.literal("withdraw"), id: ActionId, proposal: Id }).strict(),
  z.object({ type: z.literal("support"), id: ActionId, proposal: Id }).strict(),
  z.object({ type: z.literal("rename"), id: ActionId, seat: Id, name: z.string().min(1).max(64) }).strict(),
  // the teacher
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
  z.object({ type: z.literal("remove"), id: ActionId, seat: Id }).strict(),
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

/** Commands only the host may send (the rules check again; this lets the server answer early). */
export const HOST_COMMANDS: ReadonlySet<ClientCommand["type"]> = new Set([
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

/** Joining a room as a student (event name `join`), after connecting with role "player". */
export const JoinSchema = z.object({ name: z.string().min(1).max(64) }).strict();

export type ErrorCode =
  | RefusalCode
  | "bad_request"
  | "stale_client"
  | "no_room"
  | "bad_secret"
  | "bad_token"
  | "rate_limited"
  | "slow_down"
  | "not_joined"
  | "already_joined"
  | "server_error";

export type Ack = { ok: true; version?: number } | { ok: false; code: ErrorCode; message: string };
export type JoinAck =
  | { ok: true; seat: string; token: string }
  | { ok: false; code: ErrorCode; message: string };

/** Server → client events. */
export interface ServerEvents {
  /** The deck in play, once per connection (cards are public; hands are not). */
  deck: (deck: Deck) => void;
  /** The audience's shared view: screen, team or host. `now` is the server clock, for countdowns. */
  view: (payload: { view: ScreenView | TeamView | HostView; now: number }) => void;
  /** A student's private part: their hand and votes. */
  me: (payload: { me: SeatView | null; version: number }) => void;
  /** Something happened to this connection: removed, banned, room closed… */
  notice: (payload: { code: ErrorCode | "removed" | "banned" | "room_closed"; message: string }) => void;
}

/** Client → server events. Every one is acknowledged. */
export interface ClientEvents {
  join: (payload: unknown, ack: (a: JoinAck) => void) => void;
  command: (payload: unknown, ack: (a: Ack) => void) => void;
}

/** A handshake refusal carries this in `err.data`. */
export interface HandshakeError {
  code: ErrorCode;
  message: string;
}

/** HTTP API (same origin): POST /api/rooms { deckId?, mode? } → { code, hostSecret }. */
export const CreateRoomSchema = z
  .object({
    deckId: z.string().max(64).optional(),
    mode: z.enum(["class", "homework"]).optional(),
  })
  .strict();
