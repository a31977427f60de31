// The teacher's room controls, seen from both sides: rename, move, remove (may rejoin), ban (may
// not), lock; pause, resume and +30 s; the host link opened on a second device; and a student's
// "Reconnecting…" banner when the network drops.
import { expect, LAPTOP, test } from "./fixtures";
import { castVote, controls, hostGame, joinStudent, SLOW, setPhaseLengths, shoot } from "./helpers";

test("the teacher renames, moves, removes, bans and locks; students see each change", async ({ person }) => {
  test.setTimeout(90_000);
  const { host, code } = await hostGame(person);
  const gus = await joinStudent(person, code, "Gus");
  const hal = await joinStudent(person, code, "Hal");
  const h = host.page;

  // Rename.
  await h.getByRole("button", { name: "Manage Gus" }).click();
  await h.getByRole("button", { name: "Rename" }).click();
  await h.getByLabel("New name for Gus").fill("Gus B");
  await h.getByRole("button", { name: "Save name" }).click();
  await expect(gus.page.getByText("You're in, Gus B!")).toBeVisible();

  // Move to the other team.
  const before = await gus.page
    .getByRole("banner")
    .getByText(/^Team /)
    .textContent();
  await h.getByRole("button", { name: "Manage Gus B" }).click();
  await h.getByRole("button", { name: /^Move to / }).click();
  await expect(gus.page.getByRole("banner").getByText(/^Team /)).not.toHaveText(before as string);

  // Remove: a clear page, and the student may join again.
  await h.getByRole("button", { name: "Manage Hal" }).click();
  await h.getByRole("button", { name: "Remove" }).click();
  await expect(hal.page.getByRole("heading", { name: "You have been taken out of the game" })).toBeVisible();
  await hal.page.getByRole("button", { name: "Join again" }).click();
  await hal.page.getByLabel("Your name").fill("Hal");
  await hal.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(hal.page.getByText("You're in, Hal!")).toBeVisible();
  await expect(h.getByRole("listitem").filter({ hasText: "Hal" })).toBeVisible();

  // Ban, after a confirmation: the student cannot come back.
  await h.getByRole("button", { name: "Manage Hal" }).click();
  await h.getByRole("button", { name: "Ban" }).click();
  await h.getByRole("button", { name: "Yes, ban" }).click();
  await expect(
    hal.page.getByRole("heading", { name: /^You have been (taken out of the|removed from this) game/ }),
  ).toBeVisible();
  await hal.page.goto(`/join?code=${code}`);
  await hal.page.getByLabel("Your name").fill("Hal again");
  await hal.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(hal.page.getByRole("alert").filter({ hasText: /removed you/ })).toBeVisible();

  // Lock: a newcomer is told why they cannot join.
  await h.getByRole("button", { name: "Lock the room" }).click();
  await expect(h.getByRole("button", { name: /Room locked/ })).toHaveAttribute("aria-pressed", "true");
  const ivy = await person();
  await ivy.page.goto(`/join?code=${code}`);
  await ivy.page.getByLabel("Your name").fill("Ivy");
  await ivy.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(ivy.page.getByRole("alert").filter({ hasText: /locked/ })).toBeVisible();
});

test("pause, resume and +30 s; the host link works on a second device; a dropped network reconnects", async ({
  person,
}) => {
  test.setTimeout(90_000);
  const { host, code } = await hostGame(person);
  const jo = await joinStudent(person, code, "Jo");
  await joinStudent(person, code, "Kim");
  await setPhaseLengths(host.page, SLOW);
  await host.page.getByRole("button", { name: "Start the game" }).click();
  const timer = host.page.getByRole("timer");
  await expect(timer).toHaveAccessibleName(/^[45]:\d\d left/);

  await host.page.getByRole("button", { name: "+30 s" }).click();
  await expect(timer).toHaveAccessibleName(/^5:[23]\d left/);
  await host.page.getByRole("button", { name: "Pause" }).click();
  await expect(jo.page.getByText("Paused", { exact: true })).toBeVisible();
  // While paused the student cannot vote, and is told why.
  await expect(jo.page.getByRole("status").filter({ hasText: "Paused by your teacher" })).toBeVisible();
  await expect(jo.page.getByRole("radio", { name: /Partly/ })).toBeDisabled();
  await expect(jo.page.getByRole("button", { name: "Cast my vote" })).toBeDisabled();
  await shoot(jo.page, "student-paused", [LAPTOP]);
  await host.page.getByRole("button", { name: "Resume" }).click();
  await expect(jo.page.getByText("Paused", { exact: true })).toHaveCount(0);
  await expect(jo.page.getByRole("radio", { name: /Partly/ })).toBeEnabled();
  await castVote(jo.page, /Partly/);

  // The host link with the secret in its #hash opens the controls on a phone, then hides the secret.
  const secret = await host.page.evaluate((c) => localStorage.getItem(`dd:host:${c}`), code);
  const phone = await person({ width: 390, height: 844 });
  await phone.page.goto(`/host/${code}#k=${secret}`);
  await expect(controls(phone.page)).toBeVisible();
  expect(phone.page.url()).not.toContain("#k=");
  await phone.page.reload();
  await expect(controls(phone.page)).toBeVisible();

  // The network drops: the student sees "Reconnecting…", then carries on in the same seat.
  await jo.context.setOffline(true);
  await expect(jo.page.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible({
    timeout: 30_000,
  });
  await jo.context.setOffline(false);
  await expect(jo.page.getByRole("status").filter({ hasText: "Reconnecting" })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(jo.page.getByRole("button", { name: "Vote cast" })).toBeVisible();
});
