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

test("with timers on, the practising student pauses, resumes and adds time", async ({ person, request }) => {
  const res = await request.post("/api/practice", {
    data: { side: "failure", level: "medium", timers: "relaxed", name: "Timed Tess" },
  });
  const { code, token } = (await res.json()) as { code: string; token: string };
  const { page } = await person(LAPTOP);
  await page.addInitScript(([c, t]) => localStorage.setItem(`dd:seat:${c}`, t as string), [code, token]);
  await page.goto(`/play/${code}`);
  const controls = page.getByRole("region", { name: "Your game controls" });
  const timer = page.getByRole("timer");
  await expect(timer).toHaveAccessibleName(/^\d+:\d\d left$/);
  await controls.getByRole("button", { name: "Pause" }).click();
  await expect(timer).toHaveAccessibleName(/^Paused, \d+:\d\d left$/);
  const seconds = async () => {
    const [, m, s] = /(\d+):(\d\d)/.exec((await timer.getAttribute("aria-label")) ?? "") ?? [];
    return Number(m) * 60 + Number(s);
  };
  const before = await seconds();
  await controls.getByRole("button", { name: "+30 s" }).click();
  await expect.poll(seconds).toBeGreaterThanOrEqual(before + 29);
  await controls.getByRole("button", { name: "Resume" }).click();
  await expect(timer).toHaveAccessibleName(/^\d+:\d\d left$/);
  await controls.getByRole("button", { name: "Next: Build" }).click();
  await expect(controls.getByRole("button", { name: "Next: Reveal" })).toBeVisible();
});
