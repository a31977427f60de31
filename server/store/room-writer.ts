// The game thread's handle on the writer thread (room-writer-thread.ts). Committing room snapshots
// (and the WAL checkpoints that commits trigger) took about 6 % of the game thread with 350 busy
// rooms (CPU profile), in batches of up to tens of milliseconds; on a thread of its own that work
// overlaps with the game's. Batches go out one after another and are answered in order. `wait()` blocks until
// every batch sent has been answered, for the few callers that must have everything on disk now
// (closing, deleting or finishing a room, loading rooms).
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { packRooms, type WireRoom } from "./room-sql";
import type { WriterBatch, WriterData, WriterReply } from "./room-writer-thread";

/** How a batch ended: the parts it wrote, or why it failed (nothing of it was written). */
export type Landed = { ok: true; parts: number } | { ok: false; error: Error };

/** Longest wait for one answer before the thread is taken for dead. */
const WAIT_LIMIT_MS = 30_000;

export class RoomWriter {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly answered: Int32Array;
  private readonly sent = new Map<number, (landed: Landed) => void>();
  private nextId = 1;
  /** Why the thread can take no more batches (it stopped, or was closed). */
  private stopped: Error | null = null;
  private readonly onStop: (err: Error) => void;

  constructor(path: string, onStop: (err: Error) => void) {
    const signal = new SharedArrayBuffer(8);
    this.answered = new Int32Array(signal);
    const channel = new MessageChannel();
    this.replies = channel.port1;
    const data: WriterData = { path, signal, replies: channel.port2 };
    this.worker = new Worker(new URL("./room-writer-boot.mjs", import.meta.url), {
      workerData: data,
      transferList: [channel.port2],
      // None of this process's flags: its preloads (`--import …`) are not for this thread.
      execArgv: [],
    });
    this.replies.on("message", (reply: WriterReply) => this.answer(reply));
    this.onStop = onStop;
    this.worker.on("error", (err) => this.stop(err));
    this.worker.on("exit", (code) => this.stop(new Error(`the writer thread stopped (exit code ${code})`)));
    // Neither keeps the process alive: shutdown goes through the store's close().
    this.worker.unref();
    this.replies.unref();
  }

  /** Can it take batches? (If not, the store writes on its own connection.) */
  get alive(): boolean {
    return this.stopped === null;
  }

  /** Sends a batch to commit; `landed` is called when it is answered (or the thread stops). */
  send(rooms: WireRoom[], landed: (result: Landed) => void): void {
    if (this.stopped) {
      landed({ ok: false, error: this.stopped });
      return;
    }
    const id = this.nextId++;
    this.sent.set(id, landed);
    this.worker.postMessage({ id, rooms: packRooms(rooms) } satisfies WriterBatch);
  }

  /** Blocks until every batch sent has been answered; their `landed` callbacks run in here. */
  wait(): void {
    let waitedMs = 0;
    while (this.sent.size > 0 && !this.stopped) {
      const seen = Atomics.load(this.answered, 0);
      if (Atomics.load(this.answered, 1) === 1) {
        this.stop(new Error("the writer thread failed to start"));
        break;
      }
      const message = receiveMessageOnPort(this.replies);
      if (message) {
        waitedMs = 0;
        this.answer(message.message as WriterReply);
        continue;
      }
      const started = Date.now();
      Atomics.wait(this.answered, 0, seen, 100);
      waitedMs += Date.now() - started;
      if (waitedMs > WAIT_LIMIT_MS) {
        this.stop(new Error(`the writer thread did not answer for ${WAIT_LIMIT_MS / 1000} s`));
        void this.worker.terminate();
      }
    }
  }

  /** Waits for what was sent, then closes the thread's connection and lets it end. */
  close(): void {
    this.wait();
    if (this.stopped) return;
    const id = this.nextId++;
    this.sent.set(id, () => {});
    this.worker.postMessage({ id, rooms: packRooms([]), close: true } satisfies WriterBatch);
    this.wait();
    this.stopped = new Error("the writer thread is closed");
  }

  /** The thread can take no more batches: what was sent fails (and is written again elsewhere). */
  private stop(err: Error): void {
    if (this.stopped) return;
    this.stopped = err;
    this.failAll(err);
    this.onStop(err);
  }

  private answer(reply: WriterReply): void {
    const landed = this.sent.get(reply.id);
    if (!landed) return;
    this.sent.delete(reply.id);
    landed(reply.ok ? { ok: true, parts: reply.parts } : { ok: false, error: new Error(reply.message) });
  }

  private failAll(error: Error): void {
    const waiting = [...this.sent.values()];
    this.sent.clear();
    for (const landed of waiting) landed({ ok: false, error });
  }
}
