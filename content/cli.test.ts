// The deck CLI as a teacher or a script runs it: a real `node --import tsx content/cli.ts` process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DeckSchema } from "./schema";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEED = "content/plans/great-leap-industry.txt";
const scratch = mkdtempSync(join(tmpdir(), "deck-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function deck(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "content/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratchFile(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe("npm run deck", () => {
  it("prints a readable summary of a plan", () => {
    const { code, stdout, stderr } = deck(SEED);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Question {2}How accurate is it to say that the Great Leap Forward/);
    expect(stdout).toContain("Sides     failure = Failure · success = Partial success");
    expect(stdout).toContain("Paragraph 1 · Output  [output]");
    expect(stdout).toMatch(
      /\[point failure\] +The output of industrially produced goods fell significantly during the GLF\. {2}\(p1-point\)/,
    );
    expect(stdout).toMatch(/\[counter success\] +However, it can still be argued/);
    expect(stdout).toContain("Gaps      paragraph 2 However · paragraph 5 Link");
    expect(stdout).toContain("Review    none");
    expect(stdout).toMatch(/Cards {5}47 · either 3 · failure 32 · success 12/);
    expect(stdout).toContain("paragraph 1: parts are not labelled");
  });

  it("prints the deck as JSON with --json", () => {
    const { code, stdout } = deck(SEED, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(DeckSchema.safeParse(json).success).toBe(true);
    expect(Object.keys(json)).toEqual(["question", "sides", "themes", "cards", "gaps"]);
    expect(Object.keys(json.cards[0])).toEqual([
      "id",
      "kind",
      "side",
      "theme",
      "text",
      "source",
      "supports",
      "rebuts",
      "paragraph",
      "part",
      "review",
    ]);
    expect(json.gaps).toEqual([
      { paragraph: 2, part: "however" },
      { paragraph: 5, part: "link" },
    ]);
  });

  it("regenerates the shipped deck with --review", () => {
    const { code, stdout } = deck(SEED, "--review", "great-leap-industry", "--json");
    expect(code).toBe(0);
    const shipped = deck(SEED, "--json", "--review", "great-leap-industry");
    expect(JSON.parse(stdout)).toEqual(JSON.parse(shipped.stdout));
    expect(JSON.parse(stdout).cards).toHaveLength(52);
  });

  it("reads a Windows-1252 file", () => {
    const file = scratchFile(
      "cp1252.txt",
      Buffer.from("QUESTION: Was it a failure?\r\nPARAGRAPH 1\r\nPoint: Mao\x92s plan failed.\r\n", "latin1"),
    );
    const { code, stdout } = deck(file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).cards[0].source).toBe("Mao's plan failed.");
  });

  it("refuses a broken plan with 'line N:' on stderr and exit code 1", () => {
    const file = scratchFile(
      "broken.txt",
      "QUESTION: a?\n\nPARAGRAPH 1\nPoint: x\n\nPARAGRAPH 1\nPoint: y\n",
    );
    const { code, stdout, stderr } = deck(file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "line 6: PARAGRAPH 1 appears twice (first on line 3): expected each paragraph number once (renumber the paragraphs)\n",
    );
    expect(deck(file, "--json").code).toBe(1);
  });

  it("refuses a file over 1 MB without reading it", () => {
    const file = scratchFile("big.txt", Buffer.alloc(5_000_000, "a"));
    const { code, stderr } = deck(file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^line 1: the file is 5\.0 MB; a plan must be under 1 MB/);
  });

  it.each([
    ["no FILE", [], /no FILE given/],
    ["an unknown flag", [SEED, "--yaml"], /unknown option --yaml/],
    ["a missing file", ["content/plans/nope.txt"], /cannot read content\/plans\/nope\.txt: no such file/],
    ["a directory", ["content"], /content is a directory/],
    ["two files", [SEED, SEED], /one FILE only/],
    ["an unknown review", [SEED, "--review", "nope"], /--review needs a deck id/],
  ])("exits 2 with usage for %s", (_what, args, message) => {
    const { code, stdout, stderr } = deck(...(args as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain("usage: npm run deck -- FILE [--json] [--review ID]");
  });

  it("shows help", () => {
    const { code, stdout } = deck("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage:/);
  });
});
