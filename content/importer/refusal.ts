// How the importer says no. Every stage throws a PlanRefusal naming the 1-based line and what was
// expected; `parsePlan` catches only this class and turns it into `{ ok: false, error }`, so a
// refusal never leaves a half-built deck behind and any other exception stays visible as a bug.

export interface PlanError {
  /** 1-based line of the plan the problem is on (1 for whole-file problems). */
  line: number;
  /** What is wrong and what was expected, in words a teacher can act on. */
  message: string;
}

export class PlanRefusal extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = "PlanRefusal";
    this.line = Math.max(1, Math.floor(line));
  }
}
