// Shared steps for the classroom e2e tests: a teacher hosting, students joining, moving through
// phases with the host's Next button, and screenshots at several sizes. Everything is found by role
// and accessible name, as a person (or a screen reader) would find it.
import type { Page } from "@playwright/test";
import { expect, LAPTOP, type Person, saveScreenshot, type Viewport } from "./fixtures";

export const CHROMEBOOK: Viewport = { width: 1280, height: 800 };
export const SMALL_LAPTOP: Viewport = { width: 1024, height: 768 };
export const PROJECTOR_720: Viewport = { width: 1280, height: 720 };
export const PROJECTOR_1080: Viewport = { width: 1920, height: 1080 };

type NewPerson = (viewport?: Viewport) => Promise<Person>;

/** The teacher opens the site, hosts a game and lands on the host controls. Returns the join code. */
export async function hostGame(
  person: NewPerson,
  viewport: Viewport = LAPTOP,
): Promise<{ host: Person; code: string }> {
  const host = await person(viewport);
  await host.page.goto("/");
  await host.page.getByRole("button", { name: "Host a game" }).click();
  await host.page.waitForURL(/\/host\/[A-Z0-9]{6}$/);
  const code = host.page.url().split("/").pop() as string;
  await expect(host.page.getByRole("button", { name: "Start the game" })).toBeVisible();
  return { host, code };
}

/** A student opens the join link (as the QR code gives it, code in lower case), types a name, joins. */
export async function joinStudent(
  person: NewPerson,
  code: string,
  name: string,
  viewport: Viewport = LAPTOP,
): Promise<Person> {
  const student = await person(viewport);
  await student.page.goto(`/join?code=${code.toLowerCase()}`);
  await student.page.getByLabel("Your name").fill(name);
  await student.page.getByRole("button", { name: "Join", exact: true }).click();
  await student.page.waitForURL(new RegExp(`/play/${code}$`));
  await expect(student.page.getByRole("banner")).toBeVisible();
  return student;
}

/** Sets the phase lengths in the host's settings (seconds). Long phases keep tests deterministic:
 *  the host's Next moves on, never a timer running out mid-step. */
export async function setPhaseLengths(
  host: Page,
  lengths: Partial<Record<"Vote" | "Build" | "Reveal" | "Rebut" | "Result", number>>,
) {
  for (const [label, seconds] of Object.entries(lengths)) {
    const field = host.getByLabel(`${label} (seconds)`);
    await field.fill(String(seconds));
    await field.press("Enter");
    await expect(field).toHaveValue(String(seconds));
  }
}

/** Long enough that no phase ends by itself during a test. */
export const SLOW = { Vote: 300, Build: 900, Reveal: 300, Rebut: 600, Result: 300 } as const;

export function controls(host: Page) {
  return host.getByRole("region", { name: "Game controls" });
}

/** The host presses "Next: <phase>" and the controls show that phase. */
export async function next(host: Page, phase: string) {
  await host.getByRole("button", { name: `Next: ${phase}` }).click();
  await expect(controls(host).getByText(phase, { exact: true })).toBeVisible();
}

/** Casts the private verdict vote (1–5 as labelled on the page). The last vote in ends the vote at
 *  once, so either the vote shows as cast or the game has moved on. */
export async function castVote(page: Page, label: RegExp | string) {
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: /Cast my vote|Change my vote/ }).click();
  await expect(
    page
      .getByRole("button", { name: "Vote cast" })
      .or(page.getByRole("heading", { name: /paragraph:|wins|draw/ })),
  ).toBeVisible();
}

/** Leaves themes out of the host's settings until the game has `rounds` rounds. */
export async function setRounds(host: Page, rounds: number) {
  const leaveOut = host.getByRole("group", { name: /^Rounds/ }).getByRole("button", { name: /^Leave out/ });
  for (;;) {
    const now = await leaveOut.count();
    if (now <= rounds) break;
    await leaveOut.last().click();
    await expect(leaveOut).toHaveCount(now - 1);
  }
}

export function hand(page: Page) {
  return page.getByRole("list", { name: "Your hand" });
}

/** Plays the first card of the hand that fits an open slot; returns the slot it went to. */
export async function playFirstCard(page: Page): Promise<string> {
  const button = hand(page)
    .getByRole("button", { name: /^Play as / })
    .first();
  const name = (await button.textContent())?.replace(/^Play as /, "").trim() ?? "";
  await button.click();
  return name;
}

/** Screenshots a page at each size (restoring its own size after) and returns the files. */
export async function shoot(page: Page, name: string, sizes: Viewport[]): Promise<string[]> {
  const own = page.viewportSize();
  const files: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    files.push(await saveScreenshot(page, name));
  }
  if (own) await page.setViewportSize(own);
  return files;
}

/** No horizontal scrollbar: nothing pokes out of the page. */
export async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
}
