import { describe, expect, it } from "vitest";
import type { VerdictView } from "../../game/views";
import { mindsLine, renamed } from "./words";

const label = (team: string) => (team === "failure" ? "Failure" : "Partial success");
function verdict(over: Partial<VerdictView>): VerdictView {
  return {
    before: [0, 1, 2, 0, 0],
    after: [0, 0, 2, 1, 0],
    moved: { failure: 0, success: 0 },
    mindsWinner: null,
    pointsWinner: "success",
    ...over,
  } as VerdictView;
}

describe("the verdict's line on minds changed", () => {
  it("names the team that moved more minds, or says it was level", () => {
    expect(mindsLine(verdict({ moved: { failure: 0, success: 2 }, mindsWinner: "success" }), label)).toBe(
      "Partial success moved more minds",
    );
    expect(mindsLine(verdict({ moved: { failure: 1, success: 1 } }), label)).toBe(
      "Both teams moved as many minds",
    );
  });

  it("says nobody changed their mind only when there were votes to compare", () => {
    expect(mindsLine(verdict({}), label)).toBe("Nobody changed their mind");
    expect(mindsLine(verdict({ after: [0, 0, 0, 0, 0] }), label)).toBe(
      "No closing votes were cast, so no change of mind was counted",
    );
    expect(mindsLine(verdict({ before: [0, 0, 0, 0, 0] }), label)).toBe(
      "No opening votes were cast, so no change of mind was counted",
    );
  });
});

describe("telling a student their name was numbered", () => {
  it("notices the number the server adds to a name the class already has", () => {
    expect(renamed("Eve", "Eve 2")).toBe(true);
    expect(renamed("  big   Al ", "Big Al 12")).toBe(true);
  });

  it("says nothing when the name is theirs, or after a reload (nothing asked)", () => {
    expect(renamed("Eve", "Eve")).toBe(false);
    expect(renamed("Eve", "Evelyn")).toBe(false);
    expect(renamed("Eve", "Eve 2b")).toBe(false);
    expect(renamed(null, "Eve 2")).toBe(false);
  });
});
