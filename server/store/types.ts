/**
 * The persistence interface of the server: what must survive a restart, behind one synchronous
 * interface with two adapters (memory.ts for tests, sqlite.ts for real use) that one contract
 * suite (contract.ts) holds to the same behaviour.
 *
 * What is stored:
 * - live rooms: one opaque JSON snapshot per room code, overwritten after every applied event,
 *   so a restarted server can bring every room back. A snapshot that is a plain object is kept
 *   as parts, one per top-level entry, and only the parts whose JSON changed are rewritten: a
 *   caller that splits a large state into many entries pays for what a step changed, not for
 *   the whole room. An entry may come already encoded (`EncodedJson`);
 * - finished games, kept forever: summary, teacher's report and essay plan. Filing a game and
 *   retiring its live room happen in one transaction (`finishRoom`), so a crash between the two
 *   can neither lose the game nor leave a finished room running;
 * - teachers' decks (imported plans) and homework sets; homework attempts are finished games
 *   whose `homeworkId` is set.
 *
 * Semantics shared by both adapters:
 * - Synchronous, because better-sqlite3 is, and a room's queue is simpler without awaits.
 * - Values go through JSON: what comes back is a fresh copy equal to
 *   JSON.parse(JSON.stringify(saved)). Callers cannot mutate stored data, and a value JSON
 *   cannot represent (a BigInt, a cycle, `undefined` at the top) is refused at save time.
 * - Every `save*` is an upsert by id (or code). Timestamps are integer epoch milliseconds.
 * - Lookups of a missing (or malformed) id return undefined; deleting one does nothing.
 * - A stored row that cannot be read (corrupt JSON) is skipped with a logged warning.
 * - After `close()`, every method except `flush()`/`close()` (which do nothing) throws a
 *   StoreError with code "store_closed".
 * - Room snapshots may be written later than `saveRoom` returns (batched); `afterWrite` says
 *   when they are safe, and `flush()`/`close()` force them out.
 * - Secrets are never stored: only their hashes (`ownerSecretHash`, `teacherSecretHash`).
 */

export interface RoomRecord {
  /** The room's join code. */
  code: string;
  /** JSON-serialisable room state, opaque to the store. Loaded back, an `EncodedJson` entry is the
   *  value it encodes. */
  snapshot: unknown;
  updatedAt: number;
  /** For a snapshot that is an object: the entries that may differ from the room's previous
   *  `saveRoom` (every other entry is as it was then, removed ones included). A hint that lets a
   *  store skip the rest; absent, every entry may have changed. A store may ignore it. */
  changed?: ReadonlySet<string>;
}

/**
 * A value the caller has already turned into JSON (`JSON.stringify(value)`), for a snapshot entry
 * it keeps unchanged across many saves: the store uses the text as it is, and compares it with
 * what it last wrote by identity first. The caller vouches that the text is JSON.
 */
export class EncodedJson {
  constructor(readonly json: string) {}
}

/** The longest key of a snapshot's top-level entry (each entry is a stored part). */
export const MAX_PART_KEY_CHARS = 400;

export interface GameRecord {
  id: string;
  /** The join code the game was played under (codes are reused later; ids are not). */
  code: string;
  finishedAt: number;
  /** Small: what a list of games shows. */
  summary: unknown;
  /** The teacher's report. */
  report: unknown;
  /** The class's essay plan. */
  plan: unknown;
  deckId: string | null;
  homeworkId: string | null;
}

/** What `listGames` returns: a game without its (large) report and plan. */
export type GameSummary = Omit<GameRecord, "report" | "plan">;

export interface DeckRecord {
  id: string;
  title: string;
  deck: unknown;
  /** The plan text the deck was built from, as the teacher pasted it. */
  plan: string;
  createdAt: number;
  ownerSecretHash: string | null;
}

/** What `listDecks` returns: a deck without its cards and plan text. */
export type DeckSummary = Omit<DeckRecord, "deck" | "plan">;

export interface HomeworkRecord {
  id: string;
  title: string;
  deckId: string | null;
  settings: unknown;
  createdAt: number;
  teacherSecretHash: string;
}

export interface ListGamesOptions {
  /** 1 to MAX_LIST_LIMIT. */
  limit: number;
  /** Only attempts at this homework set. */
  homeworkId?: string;
}

export const MAX_LIST_LIMIT = 1000;

export interface Store {
  /** Upsert a live room's snapshot. The SQLite adapter batches these (see sqlite.ts). */
  saveRoom(rec: RoomRecord): void;
  /** Every live room, including snapshots saved but not yet written. Ordered by code. */
  loadLiveRooms(): RoomRecord[];
  deleteRoom(code: string): void;

  saveGame(rec: GameRecord): void;
  /** Save `game` and delete live room `code` atomically: both happen or neither does. */
  finishRoom(code: string, game: GameRecord): void;
  getGame(id: string): GameRecord | undefined;
  /** Newest first (by finishedAt, then id). */
  listGames(options: ListGamesOptions): GameSummary[];

  saveDeck(rec: DeckRecord): void;
  getDeck(id: string): DeckRecord | undefined;
  /** Newest first (by createdAt, then id). */
  listDecks(): DeckSummary[];
  deleteDeck(id: string): void;

  saveHomework(rec: HomeworkRecord): void;
  getHomework(id: string): HomeworkRecord | undefined;

  /**
   * Run `callback` once every room snapshot saved so far is durably written (the SQLite
   * adapter: after the batch that holds them commits; nothing pending: on the next microtask).
   * For acknowledging a client only once its action would survive a SIGKILL — group commit:
   * one batch, many acks. If a batch fails the callbacks wait for its retry; if the store is
   * closed before they can run they are dropped (the process is going away anyway).
   */
  afterWrite(callback: () => void): void;
  /** Start writing everything pending now, without waiting for it: `afterWrite` callbacks run when
   *  it is written (the SQLite adapter commits on its writer thread). Group commit uses this. */
  writeSoon(): void;
  /** Write everything pending now (the SQLite adapter's batched room snapshots), before returning. */
  flush(): void;
  /** Flush, then release the database. Call on SIGTERM. Idempotent. */
  close(): void;
}

export type StoreErrorCode = "store_closed" | "invalid_record";

/** Thrown for caller mistakes the store refuses: use after close, or a record it cannot keep. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
