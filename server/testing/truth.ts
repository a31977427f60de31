// The server's ground truth over a whole game, for audits: a Store wrapper that reads every room
// snapshot the registry saves (one per applied step) and remembers every copy, whose hand held it,
// every proposal and its team, and every hashed secret. Tests compare what clients were sent (and
// what was logged) against it.
import type { TeamSide } from "../../content/schema";
import type { GameContext } from "../../game/types";
import { readSnapshot, throughJson } from "../room-record";
import type { Store } from "../store/types";

export interface Truth {
  /** Every copy id minted in any room. */
  copies: Set<string>;
  /** Seat → every copy that was ever in its hand. */
  hands: Map<string, Set<string>>;
  /** Proposal id → the team whose draft it was on. */
  proposals: Map<string, TeamSide>;
  seats: Set<string>;
  /** Hashed device keys, token hashes and host-secret hashes: never to be sent or logged. */
  hashes: Set<string>;
  steps: number;
}

export function recordTruth(inner: Store): { store: Store; truth: Truth } {
  const truth: Truth = {
    copies: new Set(),
    hands: new Map(),
    proposals: new Map(),
    seats: new Set(),
    hashes: new Set(),
    steps: 0,
  };
  const observe = (snapshot: unknown) => {
    const rec = readSnapshot(throughJson(snapshot as Record<string, unknown>));
    const ctx = rec.machine.context as unknown as GameContext;
    truth.steps++;
    for (const copy of Object.keys(ctx.copies)) truth.copies.add(copy);
    for (const seat of Object.values(ctx.seats)) {
      truth.seats.add(seat.id);
      if (seat.key) truth.hashes.add(seat.key);
      const held = truth.hands.get(seat.id) ?? new Set<string>();
      truth.hands.set(seat.id, held);
      for (const copy of seat.hand) held.add(copy);
    }
    for (const team of ["failure", "success"] as const)
      for (const p of ctx.teams[team].proposals) truth.proposals.set(p.id, team);
    truth.hashes.add(rec.auth.hostSecretHash);
    for (const hash of Object.keys(rec.auth.tokens)) truth.hashes.add(hash);
  };
  const store: Store = {
    ...inner,
    saveRoom(rec) {
      observe(rec.snapshot);
      inner.saveRoom(rec);
    },
  };
  return { store, truth };
}
