// Steps for a game a student runs alone against computer players (practice or homework, timers off):
// the student's own Next button moves every phase on. Found by role and accessible name.
import type { Page } from "@playwright/test";
import { expect, type Viewport } from "./fixtures";
import { castVote, hand, playFirstCard, shoot } from "./helpers";

/** Screenshots every new screen at these sizes when E2E_SHOTS=1 (slow); at the test's own size otherwise. */
export async function shots(page: Page, name: string, sizes: Viewport[]) {
  const all = process.env.E2E_SHOTS === "1";
  await shoot(page, name, all ? sizes : [page.viewportSize() ?? sizes[0]!]);
}

/** The other team's computer players have proposed something (teammates may back the student's
 *  proposal rather than make their own, and may hold no counter). */
const PLAYED = /the other team has made [1-9]/;

/** Presses "Next: <to>" and waits until the game is there (the button then names the phase after). */
async function next(page: Page, to: string) {
  await page.getByRole("button", { name: `Next: ${to}` }).click();
  await expect(page.getByRole("button", { name: `Next: ${to}` })).toBeHidden();
}

/**
 * Plays a whole solo game from the opening vote to the verdict: a card proposed in every Build, then
 * Next through Reveal, Rebut, Judging and Result. Calls `look` at the first round's Build, Rebut and
 * Result and at the verdict, for screenshots. Returns the number of rounds played.
 */
export async function playSoloGame(page: Page, look?: (moment: string) => Promise<void>): Promise<number> {
  await castVote(page, /Partly accurate/);
  let rounds = 0;
  for (;;) {
    // Build: the student's card goes into the team's draft.
    await expect(page.getByRole("heading", { name: /^Your team's paragraph:/ })).toBeVisible();
    await expect(hand(page).getByRole("article").first()).toBeVisible();
    const slot = await playFirstCard(page);
    await expect(
      page.getByRole("region", { name: new RegExp(`^${slot}`) }).getByText("Proposed by you"),
    ).toBeVisible();
    rounds++;
    // Round 1 gives the computer players their few seconds, so its screens show a real debate;
    // later rounds move on at once (their paragraphs may then be thin: the student holds Next).
    const patient = rounds === 1;
    if (patient) {
      await expect(page.getByText(PLAYED)).toBeVisible({ timeout: 15_000 });
      await look?.("build");
    }
    await next(page, "Reveal");
    await next(page, "Rebut");
    if (patient) {
      await expect(page.getByText(PLAYED)).toBeVisible({ timeout: 15_000 });
      await look?.("rebut");
    }
    // The marker scores at once: Judging passes straight to the Result.
    await next(page, "Result");
    // The marker's marks and reasons for the student's team.
    await expect(page.getByRole("heading", { name: /^Your team's marks: \d+ \/ \d+$/ })).toBeVisible();
    if (rounds === 1) await look?.("result");
    const last = page.getByRole("button", { name: "Next: Closing vote" });
    if (await last.isVisible()) {
      await last.click();
      break;
    }
    await next(page, "Build");
  }
  // The closing vote: the only voter's vote ends it at once.
  await page.getByRole("radio", { name: /Mostly accurate/ }).check();
  await page.getByRole("button", { name: "Cast my vote" }).click();
  await expect(page.getByRole("heading", { name: /^(You won|The computer won|A draw)/ })).toBeVisible();
  await look?.("verdict");
  return rounds;
}
