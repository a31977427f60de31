// Issue 7: homework set by a teacher. The teacher sets it from the landing page and gets a link (with
// a QR code) and a results page; a student plays it through the link against computer players; the
// teacher's results list the attempt (score, result, essay plan) and download as CSV.
import { readFileSync } from "node:fs";
import { expect, LAPTOP, PROJECTOR, test } from "./fixtures";
import { SMALL_LAPTOP } from "./helpers";
import { playSoloGame, shots } from "./solo";

test("a teacher sets homework, a student plays it, the teacher sees the attempt", async ({ person }) => {
  test.setTimeout(120_000);
  const teacher = await person(LAPTOP);
  await teacher.page.goto("/");
  await teacher.page.getByRole("link", { name: /^Set homework/ }).click();
  await teacher.page.getByLabel("Title").fill("10B: the Great Leap Forward essay");
  await teacher.page.getByRole("radio", { name: "Easy" }).check();
  await expect(teacher.page.getByRole("radio", { name: "Students choose" })).toBeChecked();
  await teacher.page.getByRole("radio", { name: "Off" }).check();
  await shots(teacher.page, "homework-new", [PROJECTOR, LAPTOP]);
  await teacher.page.getByRole("button", { name: "Set the homework" }).click();
  await teacher.page.waitForURL(/\/homework\/hw_[\w-]+\/results$/);
  const id = teacher.page.url().split("/").at(-2) as string;
  await expect(teacher.page.getByRole("heading", { name: "The link for your class" })).toBeVisible();
  await expect(teacher.page.getByText(`/homework/${id}`, { exact: false }).first()).toBeVisible();
  await expect(teacher.page.getByRole("img", { name: "QR code of the homework link" })).toBeVisible();
  await expect(teacher.page.getByText("No attempts yet")).toBeVisible();

  const student = await person(SMALL_LAPTOP);
  await student.page.goto(`/homework/${id}`);
  await expect(
    student.page.getByRole("heading", { level: 1, name: "10B: the Great Leap Forward essay" }),
  ).toBeVisible();
  await student.page.getByRole("radio", { name: "Failure" }).check();
  await student.page.getByLabel("Your name").fill("Sam Lee");
  await shots(student.page, "homework-start", [LAPTOP, SMALL_LAPTOP]);
  await student.page.getByRole("button", { name: "Start the homework" }).click();
  await student.page.waitForURL(/\/play\/[A-Z0-9]{6}$/);
  await expect(student.page.getByRole("banner").getByText("Team Failure")).toBeVisible();
  await playSoloGame(student.page);
  await student.page.getByRole("link", { name: /See your score/ }).click();
  await expect(student.page.getByRole("heading", { name: /^Your score: / })).toBeVisible();
  // Headed with the homework it answers, not as a practice game.
  await expect(
    student.page.getByText("Homework: 10B: the Great Leap Forward essay · Sam Lee's attempt"),
  ).toBeVisible();

  await teacher.page.getByRole("button", { name: "Refresh" }).click();
  const row = teacher.page.getByRole("row").filter({ hasText: "Sam Lee" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Failure");
  await expect(row).toContainText(/Won|Lost|Drew/);
  await expect(row.getByRole("link", { name: "Essay plan by Sam Lee" })).toHaveAttribute(
    "href",
    /^\/results\//,
  );
  await shots(teacher.page, "homework-results", [PROJECTOR, LAPTOP]);

  const [csv] = await Promise.all([
    teacher.page.waitForEvent("download"),
    teacher.page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(readFileSync((await csv.path()) as string, "utf8")).toContain('"Sam Lee"');
  const [report] = await Promise.all([
    teacher.page.waitForEvent("download"),
    row.getByRole("button", { name: "Report by Sam Lee (CSV)" }).click(),
  ]);
  expect(readFileSync((await report.path()) as string, "utf8")).toContain("Sam Lee");

  // The bookmarkable link opens the results on another computer.
  const other = await person(LAPTOP);
  const secret = await teacher.page.evaluate((hw) => localStorage.getItem(`dd:homework:${hw}`), id);
  await other.page.goto(`/homework/${id}/results#k=${secret}`);
  await expect(other.page.getByRole("row").filter({ hasText: "Sam Lee" })).toBeVisible();
  await expect(other.page).toHaveURL(new RegExp(`/homework/${id}/results$`));
});
