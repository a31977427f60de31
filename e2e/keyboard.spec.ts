// One student plays a whole round with the keyboard alone: join, the private vote, proposing a card,
// writing their own sentence, choosing what to rebut and playing a counter. Every step is reached
// with Tab and used with Enter, Space or the arrow keys, and the focused control shows a focus ring.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { castVote, controls, hand, hostGame, joinStudent, next, SLOW, setPhaseLengths } from "./helpers";

/** Presses Tab until `target` has focus (as a keyboard user would), then checks the focus ring. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((el) => {
        // A native radio shows its ring on the label that wraps it.
        const ringed = el.matches("input[type=radio]") ? (el.closest("label") ?? el) : el;
        const s = getComputedStyle(ringed);
        return s.outlineStyle !== "none" && s.outlineWidth !== "0px" ? s.outlineStyle : "none";
      });
      expect(outline, "a visible focus ring").not.toBe("none");
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("a student plays one round with the keyboard only", async ({ person }) => {
  test.setTimeout(120_000);
  const { host, code } = await hostGame(person);

  const kit = await person();
  const page = kit.page;
  await page.goto(`/join?code=${code}`);
  // The name field has focus (the code came from the link).
  await expect(page.getByLabel("Your name")).toBeFocused();
  await page.keyboard.type("Kit");
  await page.keyboard.press("Enter");
  await expect(page.getByText("You're in, Kit!")).toBeVisible();
  const other = await joinStudent(person, code, "Lee");

  await setPhaseLengths(host.page, SLOW);
  await host.page.getByRole("button", { name: "Start the game" }).click();

  // The private vote: Tab to the choices, arrows to choose, Enter to cast.
  await tabTo(page, page.getByRole("radio", { name: /Not at all accurate/ }));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /Partly accurate/ })).toBeChecked();
  // Chosen is not cast: the student is told, until they cast it.
  await expect(page.getByRole("status").filter({ hasText: "Not cast yet" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Cast my vote" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Vote cast" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your vote: Partly accurate" })).toBeVisible();
  await castVote(other.page, /Mostly/);
  await expect(controls(host.page).getByText("Build", { exact: true })).toBeVisible();

  // Build: play a card; focus follows it to its slot in the draft.
  const play = hand(page)
    .getByRole("button", { name: /^Play as / })
    .first();
  const slot = ((await play.textContent()) ?? "").replace(/^Play as /, "");
  await tabTo(page, play);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: new RegExp(`^${slot}`) })).toBeFocused();
  await expect(hand(page).getByRole("article")).toHaveCount(4);

  // Write your own Link.
  await tabTo(page, page.getByRole("button", { name: "Write your own Link" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Your own Link sentence")).toBeFocused();
  await page.keyboard.type("So the Great Leap Forward failed industry.");
  await tabTo(page, page.getByRole("button", { name: "Propose sentence" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^Link/ })).toBeFocused();
  await expect(page.getByText("So the Great Leap Forward failed industry.")).toBeVisible();

  await next(host.page, "Reveal");
  await next(host.page, "Rebut");

  // Rebut: choose which card to answer, then a counter — a card if one fits, else own words.
  await expect(page.getByRole("group", { name: /Which card of/ })).toBeVisible();
  const targets = page.getByRole("radio", { name: /^Their / });
  if ((await targets.count()) > 0) {
    await tabTo(page, targets.first());
    const counter = hand(page).getByRole("button", { name: "Play as Counter" }).first();
    if ((await counter.count()) > 0) {
      await tabTo(page, counter);
      await page.keyboard.press("Enter");
    } else {
      await tabTo(page, page.getByRole("button", { name: "Write your own Counter" }));
      await page.keyboard.press("Enter");
      await page.keyboard.type("But output collapsed after 1960.");
      await tabTo(page, page.getByRole("button", { name: "Propose sentence" }));
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("heading", { name: /^Counter/ })).toBeFocused();
    await expect(page.getByRole("region", { name: /^Counter/ }).getByText("Proposed by you")).toBeVisible();
  }

  await next(host.page, "Judging");
  await host.page.getByRole("button", { name: "Confirm scores" }).click();
  await expect(page.getByRole("heading", { name: "Round 1 scores" })).toBeVisible();
});
