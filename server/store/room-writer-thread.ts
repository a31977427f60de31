// The writer thread's body (started by room-writer.ts): its own connection to the store's file,
// committing the batches of room snapshots it is sent, in order, one transaction each, and
// answering each on the reply port. After each answer it bumps a shared counter, so a game thread
// that must wait for a batch (closing, deleting a room) can sleep on it instead of spinning.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { batchWriter, type PackedRooms, tune, unpackRooms } from "./room-sql";

export interface WriterData {
  path: string;
  /** Int32 [0]: answers sent so far; [1]: 1 once the thread failed to start (set by the boot file). */
  signal: SharedArrayBuffer;
  replies: MessagePort;
}

/** A batch to commit, or (`close`) the last message: close the connection and end. */
export interface WriterBatch {
  id: number;
  rooms: PackedRooms;
  close?: true;
}

export type WriterReply =
  | { id: number; ok: true; parts: number }
  | { id: number; ok: false; message: string };

const { path, signal, replies } = workerData as WriterData;
const answered = new Int32Array(signal);
const db = new Database(path);
tune(db);
const write = batchWriter(db);

parentPort?.on("message", (batch: WriterBatch) => {
  let reply: WriterReply;
  try {
    if (batch.close) {
      db.close();
      parentPort?.close();
    }
    reply = { id: batch.id, ok: true, parts: batch.close ? 0 : write(unpackRooms(batch.rooms)) };
  } catch (err) {
    reply = { id: batch.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  replies.postMessage(reply);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
});
