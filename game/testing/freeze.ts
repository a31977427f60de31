// Deep-freezes a published snapshot for tests: the engine never changes one (edit.ts), so any write
// into it, by a rule or by settle() re-sharing, throws instead of slipping by unnoticed. The walk
// stops at what is frozen already: the parts a step shares with the snapshot before it.
export function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
