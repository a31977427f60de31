// Issue 7: homework mode in real browsers. A student goes from the landing page to Practise alone,
// picks a side, a level and no timers, plays a card in every round and presses Next through every
// phase, sees the marker's marks after each round, and ends on their results: the score, the essay
// plan they built and What to revise, with the Markdown download.
import { readFileSync } from "node:fs";
import { expect, LAPTOP, PROJECTOR, test } from "./fixtures";
import { expectNoSideScroll, SMALL_LAPTOP } from "./helpers";
import { playSoloGame, shots } from "./solo";

const STUDENT_SIZES = [PROJECTOR, LAPTOP, SMALL_LAPTOP];

test("a student practises alone from the landing page to their essay plan", async ({ person }) => {
  test.setTimeout(120_000);
  const { page } = await person(LAPTOP);
  await page.goto("/");
  await page.getByRole("link", { name: /^Practise alone/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practise alone" })).toBeVisible();

  // The deck's own side labels; a line on each difficulty and on timers.
  await expect(page.getByLabel("Deck")).toHaveValue("great-leap-industry");
  await page.getByRole("radio", { name: "Partial success" }).check();
  await expect(page.getByRole("radio", { name: "Hard" })).toHaveAccessibleDescription(
    /rebuts your strongest card/,
  );
  await page.getByRole("radio", { name: "Easy" }).check();
  await expect(page.getByRole("radio", { name: "Relaxed" })).toBeChecked();
  await page.getByRole("radio", { name: "Off" }).check();
  await page.getByRole("button", { name: "Random name" }).click();
  await expect(page.getByLabel("Your name")).toHaveValue(/\w+ \w+/);
  await shots(page, "practise", STUDENT_SIZES);
  await page.getByRole("button", { name: "Start practising" }).click();
  await page.waitForURL(/\/play\/[A-Z0-9]{6}$/);

  // The student holds the game's controls; no countdown with timers off; never "the teacher".
  await expect(page.getByRole("region", { name: "Your game controls" })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveCount(0);
  await expect(page.getByRole("banner").getByText("Team Partial success")).toBeVisible();

  const rounds = await playSoloGame(page, async (moment) => {
    await expect(page.getByText(/teacher/i)).toHaveCount(0);
    await expectNoSideScroll(page);
    await shots(page, `practise-${moment}`, STUDENT_SIZES);
  });
  expect(rounds).toBeGreaterThanOrEqual(3);

  await page.getByRole("link", { name: "See your score, your essay plan and what to revise" }).click();
  await page.waitForURL(/\/results\//);
  await expect(page.getByRole("heading", { name: /^Your score: / })).toBeVisible();
  await expect(page.getByText(/\d+ points?/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "The essay plan you built" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Paragraph 1: / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What to revise" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conclusion" })).toBeVisible();
  await shots(page, "practise-results", STUDENT_SIZES);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Markdown" }).click(),
  ]);
  const markdown = readFileSync((await download.path()) as string, "utf8");
  expect(markdown).toContain("Great Leap Forward");
  expect(markdown).toMatch(/Paragraph 1/i);
});
