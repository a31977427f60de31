// The projector with a full class: 36 names (bots standing in for students) all show in the lobby,
// at both projector sizes, without scrolling or clipping.
import { expect, PROJECTOR, test } from "./fixtures";
import { hostGame, PROJECTOR_720, shoot } from "./helpers";

test("a full class fits the projector's lobby", async ({ person }) => {
  const { host, code } = await hostGame(person);
  await host.page.getByRole("button", { name: "Add a bot" }).click();
  await expect(host.page.getByText("1 bot", { exact: false })).toBeVisible();
  // One bot per click; wait for each to arrive before the next, or a slow update means one too many.
  const seats = host.page.getByRole("button", { name: /^Manage / });
  for (let n = await seats.count(); n < 36; n++) {
    await host.page.getByRole("button", { name: "Add a bot" }).click();
    await expect(seats).toHaveCount(n + 1);
  }

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
