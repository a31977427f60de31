// WCAG 1.4.4 on the student page: at 200 % zoom (a 1366×768 laptop becomes 683×384 CSS pixels) and
// with the browser's text size doubled, nothing needs sideways scrolling and every control is still
// there. Also: a class game with one student and bots filling the empty places.
import { expect, test } from "./fixtures";
import { castVote, controls, hand, hostGame, joinStudent, SLOW, setPhaseLengths, shoot } from "./helpers";
import { expectNoSideScroll } from "./helpers";

test("the student page works at 200 % zoom and with doubled text", async ({ person }) => {
  test.setTimeout(90_000);
  const { host, code } = await hostGame(person);
  const kai = await joinStudent(person, code, "Kai");
  await setPhaseLengths(host.page, SLOW);
  // The box shows the server's setting: it ticks once the room has taken the change.
  await host.page.getByRole("checkbox", { name: /bots when the game starts/ }).click();
  await expect(host.page.getByRole("checkbox", { name: /bots when the game starts/ })).toBeChecked();
  await host.page.getByRole("button", { name: "Start the game" }).click();
  // The bots fill the other team.
  await expect(controls(host.page).getByText("Opening vote", { exact: true })).toBeVisible();

  const page = kai.page;
  await page.setViewportSize({ width: 683, height: 384 });
  await castVote(page, /Partly/);
  await expect(controls(host.page).getByText("Build", { exact: true })).toBeVisible();
  await expect(hand(page).getByRole("article")).toHaveCount(5);
  await expectNoSideScroll(page);
  await shoot(page, "student-build-zoom200", [{ width: 683, height: 384 }]);
  await hand(page)
    .getByRole("button", { name: /^Play as / })
    .first()
    .click();
  await expect(page.getByText("Proposed by you")).toBeVisible();

  // Text only, doubled (the browser's font-size setting): the layout reflows, nothing overflows.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  await expectNoSideScroll(page);
  await shoot(page, "student-build-text200", [{ width: 1366, height: 768 }]);
  await expect(page.getByRole("timer")).toBeVisible();
});
