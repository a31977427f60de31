// Issue 2's walking skeleton, in real browsers: a teacher hosts, four students join by code and
// appear in the lobby within a second, teams balance, everyone plays a short game (three rounds, the
// fewest a game has) with the host moving on, the projector reveals both paragraphs, the teacher
// scores with the auto-judge's suggestion filled in, and the verdict shows the result.
import deck from "../content/decks/great-leap-industry.json" with { type: "json" };
import { expect, PROJECTOR, test } from "./fixtures";
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

const CARD_TEXTS = new Set(deck.cards.map((c) => c.text));

test("a teacher and four students play a whole short game", async ({ person }) => {
  test.setTimeout(180_000);
  const { host, code } = await hostGame(person);
  const screen = await person(PROJECTOR);
  await screen.page.goto(`/screen/${code}`);
  await expect(screen.page.getByText("Waiting for students…").first()).toBeVisible();

  const names = ["Ada", "Ben", "Cas", "Dev"];
  const students = [];
  for (const name of names) {
    students.push(await joinStudent(person, code, name));
    // The teacher sees each student arrive within a second.
    await expect(host.page.getByRole("listitem").filter({ hasText: name })).toBeVisible({ timeout: 1000 });
  }
  await expect(screen.page.getByText("Dev", { exact: true })).toBeVisible();
  // Balanced automatically: two and two.
  for (const team of ["Failure team", "Partial success team"]) {
    await expect(host.page.getByRole("region", { name: team }).getByRole("listitem")).toHaveCount(2);
  }

  await setRounds(host.page, 3);
  await setPhaseLengths(host.page, SLOW);
  await host.page.getByRole("button", { name: "Start the game" }).click();

  // The opening vote: when everyone has voted, Build begins.
  for (const s of students) await castVote(s.page, /Partly accurate/);
  await expect(controls(host.page).getByText("Build", { exact: true })).toBeVisible();

  for (const s of students) {
    // A hand of real cards from the essay plan.
    const cards = hand(s.page).getByRole("article");
    await expect(cards).toHaveCount(5);
    const labels = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    for (const label of labels) expect(CARD_TEXTS.has(label.replace(/^\w+ card: /, "")), label).toBe(true);
    await expect(s.page.getByRole("timer")).toHaveAccessibleName(/\d+:\d\d left/);
    await playFirstCard(s.page);
  }
  // A teammate's proposal gets a vote.
  const voter = students[0]!.page;
  const vote = voter.getByRole("button", { name: "Vote", exact: true }).first();
  if (await vote.count()) {
    await vote.click();
    await expect(voter.getByRole("button", { name: "Your vote" }).first()).toBeVisible();
  }
  // The projector shows progress, never content.
  await expect(screen.page.getByRole("region", { name: "Failure progress" })).toContainText(/proposal/);

  for (let round = 1; round <= 3; round++) {
    if (round > 1)
      await expect(controls(host.page).getByText(`Round ${round} of 3`, { exact: false })).toBeVisible();
    await next(host.page, "Reveal");
    // Both paragraphs, side by side on the projector.
    await expect(screen.page.getByRole("region", { name: "Failure paragraph" })).toBeVisible();
    await expect(screen.page.getByRole("region", { name: "Partial success paragraph" })).toBeVisible();
    await next(host.page, "Rebut");
    await next(host.page, "Judging");
    await expect(screen.page.getByText("The teacher is scoring")).toBeVisible();
    // The auto-judge's marks are pre-filled, with reasons.
    const form = host.page.getByRole("form", { name: "Score this round" });
    await expect(form.getByText(/^Suggested \d+:/).first()).toBeVisible();
    await expect(form.getByRole("radio", { checked: true })).toHaveCount(8);
    if (round === 1)
      await form
        .getByRole("radiogroup", { name: /^Structure for Failure/ })
        .getByRole("radio", { name: "1 mark" })
        .check();
    if (round === 2) {
      // A mark changed and then Next instead of Confirm: the changed mark is kept, not lost.
      const structure = form.getByRole("radiogroup", {
        name: /^Structure for Partial success/,
      });
      const zero = structure.getByRole("radio", { name: "0 marks" });
      const mark = (await zero.isChecked()) ? "1" : "0";
      await structure.getByRole("radio", { name: mark === "1" ? "1 mark" : "0 marks" }).check();
      await next(host.page, "Result");
      const row = screen.page
        .getByRole("region", { name: "Partial success scores" })
        .getByRole("row", { name: /Structure/ });
      await expect(row).toContainText(`${mark} / 1`);
    } else await form.getByRole("button", { name: "Confirm scores" }).click();
    await expect(controls(host.page).getByText("Result", { exact: true })).toBeVisible();
    await expect(screen.page.getByRole("region", { name: "Failure scores" })).toBeVisible();
    await next(host.page, round < 3 ? "Build" : "Closing vote");
  }

  for (const s of students) await castVote(s.page, /Mostly accurate/);
  await expect(controls(host.page).getByText("Verdict", { exact: true })).toBeVisible();
  await expect(
    screen.page.getByText(/wins on points|A draw|wins on rounds|won the last round/),
  ).toBeVisible();
  await expect(screen.page.getByRole("figure")).toContainText("How accurate is the statement?");
  await expect(students[1]!.page.getByText(/\bpoints?\b/).first()).toBeVisible();
  await expect(host.page.getByRole("link", { name: /Open the results/ })).toBeVisible();
});
