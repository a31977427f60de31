// Whether a student is here: a seat whose last socket dropped is marked away only after a short
// grace (a reload or a wifi blip should not flash "away" on the projector), and present again the
// moment any socket of that seat is back. Away never deletes anything: the seat keeps its team,
// hand and points, and the rules stop waiting for it (a vote ends when every present student has
// voted; with nobody present it waits for its clock or the teacher's Next).
import type { Broadcaster } from "./broadcast";
import type { LiveRoom } from "./rooms";

/** A student whose connection drops is marked away after this, not at the first blip. */
export const AWAY_GRACE_MS = 4_000;
/** After a server restart every browser has to find the server again: a retry lands up to
 *  RECONNECT_OPTIONS.reconnectionDelayMax (jittered by half) after the server is up, then its
 *  handshake. Students not back within this are marked away (and a vote stops waiting for them). */
export const RESTORE_GRACE_MS = 15_000;

export class Presence {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly broadcaster: Broadcaster,
    private readonly graceMs: number = AWAY_GRACE_MS,
  ) {}

  /** A socket of this seat has (re)connected. */
  arrived(live: LiveRoom, seat: string): void {
    this.cancel(live, seat);
    if (live.room.context.seats[seat]?.status === "away")
      live.dispatch({ type: "presence", seat, present: true }, { role: "system" }, null);
  }

  /** A socket of this seat went away; if it was the last one, the seat is away after the grace
   *  (by default the usual one; a restored room's students get RESTORE_GRACE_MS). */
  departed(live: LiveRoom, seat: string, graceMs: number = this.graceMs): void {
    if (this.broadcaster.seatConnected(live.code, seat)) return;
    this.cancel(live, seat);
    const key = `${live.code}:${seat}`;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (this.broadcaster.seatConnected(live.code, seat)) return;
      if (live.room.context.seats[seat]?.status === "present")
        live.dispatch({ type: "presence", seat, present: false }, { role: "system" }, null);
    }, graceMs);
    // A pending "away" must not keep a stopping process alive.
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Forgets the timers of one room (retired) or of all (shutdown). */
  clear(code?: string): void {
    for (const [key, timer] of this.timers) {
      if (code !== undefined && !key.startsWith(`${code}:`)) continue;
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }

  private cancel(live: LiveRoom, seat: string): void {
    const key = `${live.code}:${seat}`;
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
