/**
 * In-memory Store, for tests and for `STORE=memory`. It keeps the same rows the SQLite adapter
 * writes (JSON text, integer timestamps) in Maps, so saving and loading deep-copy through JSON
 * exactly as SQLite does, and both adapters pass one contract suite. Nothing survives the
 * process; there is nothing to batch, so `flush()` does nothing.
 */
import { createLogger, type Logger } from "../log";
import {
  type DeckRow,
  type GameRow,
  type HomeworkRow,
  type RoomRow,
  RowDecoder,
  decoded,
  deckRow,
  deckSummary,
  gameRow,
  homeworkRow,
  listLimit,
  isKey,
  roomRow,
} from "./rows";
import { type Store, StoreError } from "./types";

export interface MemoryStoreOptions {
  log?: Logger;
}

/** Newest first, then by id descending, as the SQLite adapter's ORDER BY does. */
function newestFirst<T extends { id: string }>(at: (row: T) => number) {
  return (a: T, b: T) => at(b) - at(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function openMemoryStore(options: MemoryStoreOptions = {}): Store {
  const log = options.log ?? createLogger({ component: "store" });
  const decode = new RowDecoder(log);
  const rooms = new Map<string, RoomRow>();
  const games = new Map<string, GameRow>();
  const decks = new Map<string, DeckRow>();
  const homework = new Map<string, HomeworkRow>();
  let closed = false;

  const runCallback = (callback: () => void) => {
    try {
      callback();
    } catch (err) {
      log.error("afterWrite callback threw", { err: err as Error });
    }
  };

  function open(method: string): void {
    if (closed) throw new StoreError("store_closed", `store is closed: ${method}() called after close()`);
  }

  return {
    saveRoom(rec) {
      open("saveRoom");
      const row = roomRow(rec);
      rooms.set(row.code, row);
    },
    loadLiveRooms() {
      open("loadLiveRooms");
      const rows = [...rooms.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      return decoded(rows.map((row) => decode.room(row)));
    },
    deleteRoom(code) {
      open("deleteRoom");
      if (isKey(code)) rooms.delete(code);
    },

    saveGame(rec) {
      open("saveGame");
      const row = gameRow(rec);
      games.set(row.id, row);
    },
    finishRoom(code, game) {
      open("finishRoom");
      // Validate before changing anything: that is this adapter's whole transaction.
      const row = gameRow(game);
      games.set(row.id, row);
      if (isKey(code)) rooms.delete(code);
    },
    getGame(id) {
      open("getGame");
      const row = isKey(id) ? games.get(id) : undefined;
      return row && decode.game(row);
    },
    listGames({ limit, homeworkId }) {
      open("listGames");
      const n = listLimit(limit);
      const rows = [...games.values()]
        .filter((row) => homeworkId === undefined || row.homework_id === homeworkId)
        .sort(newestFirst((row) => row.finished_at))
        .slice(0, n);
      return decoded(rows.map((row) => decode.gameSummary(row)));
    },

    saveDeck(rec) {
      open("saveDeck");
      const row = deckRow(rec);
      decks.set(row.id, row);
    },
    getDeck(id) {
      open("getDeck");
      const row = isKey(id) ? decks.get(id) : undefined;
      return row && decode.deck(row);
    },
    listDecks() {
      open("listDecks");
      return [...decks.values()].sort(newestFirst((row) => row.created_at)).map(deckSummary);
    },
    deleteDeck(id) {
      open("deleteDeck");
      if (isKey(id)) decks.delete(id);
    },

    saveHomework(rec) {
      open("saveHomework");
      const row = homeworkRow(rec);
      homework.set(row.id, row);
    },
    getHomework(id) {
      open("getHomework");
      const row = isKey(id) ? homework.get(id) : undefined;
      return row && decode.homework(row);
    },

    afterWrite(callback) {
      open("afterWrite");
      // Nothing is ever pending here; still asynchronous, so callers cannot come to rely on a
      // synchronous call that the SQLite adapter would not make.
      queueMicrotask(() => runCallback(callback));
    },
    writeSoon() {},
    flush() {},
    close() {
      closed = true;
    },
  };
}
