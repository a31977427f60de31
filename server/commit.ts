// Group commit for acknowledgements. An ack promises the action survives a crash, so it waits for
// the store to have written the step (store.afterWrite). Left alone, the SQLite adapter writes its
// batch every 50 ms, and a lone click would wait that long; instead, when someone is waiting, the
// batch is written at the end of the current event-loop turn: every action of that turn shares one
// transaction, and an ack comes back in about a millisecond. Steps nobody waits for (timers,
// presence) still ride the store's own batch. SQLite in WAL mode with synchronous=NORMAL does not
// fsync on commit, so a small transaction per busy turn costs little.
import type { Logger } from "./log";
import type { Store } from "./store/types";

export class Committer {
  private scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  /** Runs `callback` once everything applied so far is on disk. Throws only if the store is closed. */
  after(callback: () => void): void {
    this.store.afterWrite(callback);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      try {
        this.store.writeSoon();
      } catch (err) {
        // The snapshots stay pending and the store retries on its own timer; the acks wait for it.
        this.log.error("commit failed; the store will retry", { err: err as Error });
      }
    });
  }
}
