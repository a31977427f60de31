// Helpers for end-to-end tests. One browser context per person in the room (teacher, projector, each
// student), so cookies, storage and seat tokens never leak between them, as on separate laptops.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  test as base,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";

export type Viewport = { width: number; height: number };

/** The teacher's projector and a typical school laptop. */
export const PROJECTOR: Viewport = { width: 1920, height: 1080 };
export const LAPTOP: Viewport = { width: 1366, height: 768 };

export interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh browser context and page: a new person. Contexts made with `browser.newContext()` do not get
 * the config's `use` options, so the project's baseURL is passed on (relative `page.goto("/")` works).
 * The caller closes `context`, or uses the `person` fixture below, which closes everyone it made.
 */
export async function newPerson(
  browser: Browser,
  viewport: Viewport = LAPTOP,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext({
    baseURL: base.info().project.use.baseURL,
    viewport,
    ...options,
  });
  const page = await context.newPage();
  return { context, page };
}

const SCREENSHOT_DIR = fileURLToPath(new URL("./screenshots/", import.meta.url));

/** Saves the visible viewport to e2e/screenshots/<name>-<w>x<h>.png (git-ignored) and returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const size = page.viewportSize() ?? LAPTOP;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file });
  return file;
}

/** `test` with a `person(viewport?)` factory; every context it creates is closed after the test. */
export const test = base.extend<{
  person: (viewport?: Viewport, options?: BrowserContextOptions) => Promise<Person>;
}>({
  person: async ({ browser }, use) => {
    const made: BrowserContext[] = [];
    await use(async (viewport, options) => {
      const who = await newPerson(browser, viewport, options);
      made.push(who.context);
      return who;
    });
    await Promise.all(made.map((context) => context.close()));
  },
});

export { expect } from "@playwright/test";
