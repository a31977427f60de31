// Issue 6: a whole class game in real browsers — the host on a laptop, the projector screen, and six
// students on laptops and small Chromebooks — through every phase to the results and their downloads
// (Markdown essay plan, CSV report). Screenshots of every screen at projector and laptop sizes go to
// e2e/screenshots/ (look at them after a run).
import { readFileSync } from "node:fs";
import { expect, LAPTOP, PROJECTOR, test } from "./fixtures";
import {
  CHROMEBOOK,
  castVote,
  controls,
  expectNoSideScroll,
  hand,
  hostGame,
  joinStudent,
  next,
  PROJECTOR_720,
  playFirstCard,
  SLOW,
  SMALL_LAPTOP,
  setPhaseLengths,
  setRounds,
  shoot,
} from "./helpers";

const PHONE = { width: 390, height: 844 };

test("a full class game: host, projector and six students, every phase, results downloads", async ({
  person,
}) => {
  test.setTimeout(300_000);
  const { host, code } = await hostGame(person);
  const screen = await person(PROJECTOR);
  await screen.page.goto(`/screen/${code}`);

  const names = ["Amir", "Bea", "Chen", "Dara", "Eli", "Fay"];
  const sizes = [LAPTOP, CHROMEBOOK, SMALL_LAPTOP, LAPTOP, CHROMEBOOK, SMALL_LAPTOP];
  const first = await person(LAPTOP);
  await first.page.goto(`/join?code=${code.toLowerCase()}`);
  await first.page.getByRole("button", { name: "Random name" }).click();
  await expect(first.page.getByLabel("Your name")).toHaveValue(/\w+ \w+/);
  await shoot(first.page, "join", [LAPTOP, SMALL_LAPTOP]);
  await first.context.close();

  const students = [];
  for (const [i, name] of names.entries()) students.push(await joinStudent(person, code, name, sizes[i]));
  for (const name of names) await expect(screen.page.getByText(name, { exact: true })).toBeVisible();
  await expect(host.page.getByRole("region", { name: "Failure team" }).getByRole("listitem")).toHaveCount(3);

  await setRounds(host.page, 3);
  await setPhaseLengths(host.page, SLOW);
  await shoot(screen.page, "screen-lobby", [PROJECTOR, PROJECTOR_720]);
  await shoot(host.page, "host-lobby", [LAPTOP, PROJECTOR, PHONE]);
  await shoot(students[0]!.page, "student-lobby", [LAPTOP, SMALL_LAPTOP]);
  await expectNoSideScroll(screen.page);

  await host.page.getByRole("button", { name: "Start the game" }).click();

  // Opening vote: the projector counts votes, never shows them.
  await castVote(students[0]!.page, /Not at all accurate/);
  await expect(screen.page.getByRole("status").filter({ hasText: "1 of 6 votes" })).toBeVisible();
  await shoot(screen.page, "screen-vote", [PROJECTOR, PROJECTOR_720]);
  await shoot(students[1]!.page, "student-vote", [LAPTOP, SMALL_LAPTOP]);
  // Chosen but not cast yet: the card says so (castVote below chooses again and casts).
  await students[1]!.page.getByRole("radio", { name: /Slightly/ }).check();
  await expect(students[1]!.page.getByRole("status").filter({ hasText: "Not cast yet" })).toBeVisible();
  await shoot(students[1]!.page, "student-vote-chosen", [LAPTOP, PROJECTOR]);
  const before = [/Slightly/, /Partly/, /Partly/, /Mostly/, /Completely/];
  for (const [i, s] of students.slice(1).entries()) await castVote(s.page, before[i]!);
  await expect(controls(host.page).getByText("Build", { exact: true })).toBeVisible();

  // Build: everyone proposes; some vote for a teammate's card; one writes their own Link.
  for (const s of students) await playFirstCard(s.page);
  const writer = students[2]!.page;
  await writer.getByRole("button", { name: "Write your own Link" }).click();
  // A refused wording is said beside the sentence, and the form stays open to mend it.
  await writer.getByLabel("Your own Link sentence").fill("So the plan was total shit.");
  await writer.getByRole("button", { name: "Propose sentence" }).click();
  await expect(writer.getByRole("alert").filter({ hasText: /classroom-friendly/ })).toBeVisible();
  await expect(writer.getByLabel("Your own Link sentence")).toHaveValue("So the plan was total shit.");
  await shoot(writer, "student-own-refused", [LAPTOP]);
  await writer
    .getByLabel("Your own Link sentence")
    .fill("So the plan's industrial record was mostly failure.");
  await expect(writer.getByRole("alert").filter({ hasText: /classroom-friendly/ })).toHaveCount(0);
  await writer.getByRole("button", { name: "Propose sentence" }).click();
  // The form closes once the server has the proposal (the view showing it may come a moment before).
  await expect(writer.getByLabel("Your own Link sentence")).toBeHidden();
  await expect(writer.getByText("So the plan's industrial record was mostly failure.")).toBeVisible();
  for (const s of students.slice(3)) {
    const vote = s.page.getByRole("button", { name: "Vote", exact: true }).first();
    if (await vote.count()) await vote.click();
  }
  for (const [i, s] of students.entries()) {
    await expect(hand(s.page).getByRole("article")).toHaveCount(4);
    await expectNoSideScroll(s.page);
    if (i < 3) await shoot(s.page, `student-build-${i}`, [sizes[i]!]);
  }
  await shoot(students[0]!.page, "student-build", [LAPTOP, PROJECTOR]);
  await shoot(screen.page, "screen-build", [PROJECTOR, PROJECTOR_720]);
  await shoot(host.page, "host-build", [LAPTOP, PHONE]);
  // The projector never shows a card's text during Build.
  const aCard = await hand(students[0]!.page).getByRole("article").first().getAttribute("aria-label");
  expect(await screen.page.content()).not.toContain(aCard?.replace(/^\w+ card: /, "").slice(0, 40));

  for (let round = 1; round <= 3; round++) {
    await next(host.page, "Reveal");
    await expect(screen.page.getByRole("region", { name: "Failure paragraph" })).toBeVisible();
    if (round === 1) {
      await screen.page.waitForTimeout(3000); // the cards have dealt in
      await shoot(screen.page, "screen-reveal", [PROJECTOR, PROJECTOR_720]);
      await shoot(students[1]!.page, "student-reveal", [LAPTOP, SMALL_LAPTOP]);
    }
    await next(host.page, "Rebut");
    if (round === 1) {
      // Each student answers a card of the other team's paragraph.
      for (const s of students) {
        const play = hand(s.page).getByRole("button", { name: "Play as Counter" }).first();
        if (await play.count()) await play.click();
      }
      await shoot(students[0]!.page, "student-rebut", [LAPTOP, SMALL_LAPTOP]);
      await shoot(screen.page, "screen-rebut", [PROJECTOR, PROJECTOR_720]);
    }
    await next(host.page, "Judging");
    const form = host.page.getByRole("form", { name: "Score this round" });
    await expect(form.getByRole("radio", { checked: true })).toHaveCount(8);
    if (round === 1) {
      await shoot(host.page, "host-judge", [LAPTOP, PROJECTOR, PHONE]);
      await shoot(screen.page, "screen-judge", [PROJECTOR, PROJECTOR_720]);
    }
    await form.getByRole("button", { name: "Confirm scores" }).click();
    await expect(controls(host.page).getByText("Result", { exact: true })).toBeVisible();
    if (round === 1) {
      await shoot(screen.page, "screen-result", [PROJECTOR, PROJECTOR_720]);
      await shoot(students[0]!.page, "student-result", [LAPTOP, SMALL_LAPTOP]);
      await shoot(host.page, "host-result", [LAPTOP]);
    }
    await next(host.page, round < 3 ? "Build" : "Closing vote");
  }

  const after = [/Mostly/, /Mostly/, /Partly/, /Completely/, /Completely/, /Slightly/];
  for (const [i, s] of students.entries()) await castVote(s.page, after[i]!);
  await expect(controls(host.page).getByText("Verdict", { exact: true })).toBeVisible();
  await expect(screen.page.getByRole("heading", { name: /wins|draw/ })).toBeVisible();
  await shoot(screen.page, "screen-verdict", [PROJECTOR, PROJECTOR_720]);
  await shoot(host.page, "host-verdict", [LAPTOP]);
  await shoot(students[0]!.page, "student-verdict", [LAPTOP, SMALL_LAPTOP]);
  // The chart: before and after counts per answer.
  const chart = screen.page.getByRole("figure");
  await expect(chart.getByRole("row", { name: /Partly accurate/ })).toContainText("2 before");

  // The results: the essay plan, its Markdown, and (teacher only) the CSV report.
  await host.page.getByRole("link", { name: /Open the results/ }).click();
  await expect(host.page.getByRole("heading", { level: 1 })).toContainText("Great Leap Forward");
  await expect(host.page.getByRole("heading", { name: /^Paragraph 3:/ })).toBeVisible();
  await shoot(host.page, "results", [LAPTOP, PROJECTOR]);
  const [md] = await Promise.all([
    host.page.waitForEvent("download"),
    host.page.getByRole("link", { name: "Download Markdown" }).click(),
  ]);
  expect(md.suggestedFilename()).toBe(`essay-plan-${code}.md`);
  const markdown = readFileSync((await md.path()) as string, "utf8");
  expect(markdown).toContain("## Paragraph 1");
  // Plain prose stays readable in a text editor: no backslash before every full stop or bracket.
  expect(markdown).toContain("Great Leap Forward in Industry (1958–62) was a failure?");
  const [csv] = await Promise.all([
    host.page.waitForEvent("download"),
    host.page.getByRole("button", { name: "Download report (CSV)" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`report-${code}.csv`);
  const report = readFileSync((await csv.path()) as string, "utf8");
  for (const name of names) expect(report).toContain(`"${name}"`);

  // A student reaches the plan from the verdict, without the teacher's report.
  const student = students[3]!.page;
  await student.getByRole("link", { name: "See the class's essay plan" }).click();
  await expect(student.getByRole("heading", { name: /^Paragraph 1:/ })).toBeVisible();
  await expect(student.getByRole("link", { name: "Download Markdown" })).toBeVisible();
  await expect(student.getByRole("button", { name: "Download report (CSV)" })).toHaveCount(0);
});
