// Unit and integration tests: `*.test.ts(x)` next to the code they test. e2e/ belongs to Playwright.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{content,game,server,app}/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Socket integration tests start a real server on an ephemeral port and connect real clients.
    testTimeout: 10_000,
    hookTimeout: 10_000,
    teardownTimeout: 10_000,
    pool: "forks",
    passWithNoTests: true,
  },
});
