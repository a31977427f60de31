// Classroom realities: a student reloads mid-Build and carries on in the same seat, team and hand,
// and finishes the game; a student who arrives late joins the smaller team with a hand.
import { expect, test } from "./fixtures";
import {
  castVote,
  controls,
  hand,
  hostGame,
  joinStudent,
  next,
  playFirstCard,
  SLOW,
  setPhaseLengths,
  setRounds,
} from "./helpers";

test("a student reloading mid-Build lands back in the same seat and finishes the game", async ({
  person,
}) => {
  test.setTimeout(120_000);
  const { host, code } = await hostGame(person);
  const ana = await joinStudent(person, code, "Ana");
  const bo = await joinStudent(person, code, "Bo");
  await setRounds(host.page, 3);
  await setPhaseLengths(host.page, SLOW);
  await host.page.getByRole("button", { name: "Start the game" }).click();
  await castVote(ana.page, /Partly/);
  await castVote(bo.page, /Mostly/);
  await expect(controls(host.page).getByText("Build", { exact: true })).toBeVisible();

  const page = ana.page;
  const team = await page
    .getByRole("banner")
    .getByText(/^Team /)
    .textContent();
  const slot = await playFirstCard(page);
  await expect(hand(page).getByRole("article")).toHaveCount(4);
  const held = await hand(page)
    .getByRole("article")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

  await page.reload();
  // Same team, same hand, and the proposal still carries this student's vote.
  await expect(page.getByRole("banner").getByText(/^Team /)).toHaveText(team as string);
  await expect(hand(page).getByRole("article")).toHaveCount(4);
  expect(
    await hand(page)
      .getByRole("article")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))),
  ).toEqual(held);
  const mine = page.getByRole("region", { name: new RegExp(`^${slot}`) });
  await expect(mine.getByText("Proposed by you")).toBeVisible();
  await expect(mine.getByRole("button", { name: "Your vote" })).toHaveAttribute("aria-pressed", "true");
  // And play goes on (into another slot: a second card in the same slot would swap with the first).
  const another = hand(page)
    .getByRole("button", { name: /^Play as / })
    .filter({ hasNotText: slot });
  if ((await another.count()) > 0) {
    await another.first().click();
    await expect(hand(page).getByRole("article")).toHaveCount(3);
  }

  for (let round = 1; round <= 3; round++) {
    await next(host.page, "Reveal");
    await next(host.page, "Rebut");
    await next(host.page, "Judging");
    await next(host.page, "Result");
    await next(host.page, round < 3 ? "Build" : "Closing vote");
  }
  await castVote(bo.page, /Mostly/);
  await castVote(page, /Completely/);
  await expect(page.getByRole("heading", { name: /wins|draw/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the class's essay plan" })).toBeVisible();
});

test("a late joiner lands in the smaller team with a hand", async ({ person }) => {
  test.setTimeout(90_000);
  const { host, code } = await hostGame(person);
  for (const name of ["Cy", "Di", "Ed"]) await joinStudent(person, code, name);
  const counts = {
    Failure: await host.page.getByRole("region", { name: "Failure team" }).getByRole("listitem").count(),
    "Partial success": await host.page
      .getByRole("region", { name: "Partial success team" })
      .getByRole("listitem")
      .count(),
  };
  const smaller = counts.Failure < counts["Partial success"] ? "Failure" : "Partial success";
  await setPhaseLengths(host.page, SLOW);
  await host.page.getByRole("button", { name: "Start the game" }).click();
  await next(host.page, "Build");

  const late = await joinStudent(person, code, "Flo");
  await expect(late.page.getByRole("banner").getByText(`Team ${smaller}`)).toBeVisible();
  await expect(late.page.getByRole("heading", { name: /^Your team's paragraph/ })).toBeVisible();
  await expect(hand(late.page).getByRole("article")).toHaveCount(5);
  await playFirstCard(late.page);
  await expect(late.page.getByText("Proposed by you")).toBeVisible();
  await host.page.getByRole("button", { name: "Show the class list" }).click();
  await expect(host.page.getByRole("region", { name: `${smaller} team` }).getByText("Flo")).toBeVisible();
});
