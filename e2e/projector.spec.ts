// The projector with a full class: 36 names (bots standing in for students) all show in the lobby,
// at both projector sizes, without scrolling or clipping.
import { expect, PROJECTOR, test } from "./fixtures";
import { hostGame, PROJECTOR_720, shoot } from "./helpers";

test("a full class fits the projector's lobby", async ({ person }) => {
  const { host, code } = await hostGame(person);
  await host.page.getByRole("button", { name: "Add a bot" }).click();
  await expect(host.page.getByText("1 bot", { exact: false })).toBeVisible();
  // "Fill with bots" tops both teams up to the larger team's size, at least 2 — ask repeatedly.
  for (let i = 0; i < 40 && (await host.page.getByRole("button", { name: /^Manage / }).count()) < 36; i++)
    await host.page.getByRole("button", { name: "Add a bot" }).click();
  await expect(host.page.getByRole("button", { name: /^Manage / })).toHaveCount(36);

  const screen = await person(PROJECTOR);
  await screen.page.goto(`/screen/${code}`);
  for (const team of ["Failure team", "Partial success team"])
    await expect(screen.page.getByRole("region", { name: team }).getByRole("listitem")).toHaveCount(18);
  for (const size of [PROJECTOR, PROJECTOR_720]) {
    await shoot(screen.page, "screen-lobby-full", [size]);
    await screen.page.setViewportSize(size);
    await screen.page.waitForTimeout(200);
    // Every name is inside the window.
    const last = screen.page
      .getByRole("region", { name: "Partial success team" })
      .getByRole("listitem")
      .last();
    const box = await last.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(size.height);
  }
});
