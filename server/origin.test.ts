import { describe, expect, it } from "vitest";
import { checkOrigin } from "./origin";

describe("checkOrigin", () => {
  it.each([
    [undefined, "localhost:3000", [], true],
    ["http://localhost:3000", "localhost:3000", [], true],
    ["http://192.168.1.20:3000", "192.168.1.20:3000", [], true],
    ["http://evil.example", "localhost:3000", [], false],
    ["http://localhost:3001", "localhost:3000", [], false],
    ["https://school.example", "10.0.0.2:3000", ["https://school.example"], true],
    ["not a url", "localhost:3000", [], false],
    ["null", "localhost:3000", [], false],
  ] as const)("origin %s for host %s", (origin, host, allowed, ok) => {
    expect(checkOrigin(origin, host, allowed) === null).toBe(ok);
  });
});
