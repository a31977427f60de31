// Smoke: the production server serves the app and its health check, and the landing page renders
// without errors or off-site requests (the game must work on a school network with no internet).
import { expect, LAPTOP, PROJECTOR, saveScreenshot, test } from "./fixtures";

test("landing page loads and is titled Debate Deck", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Debate Deck/);
  await expect(page.getByRole("heading", { level: 1, name: /Debate Deck/ })).toBeVisible();
});

test("GET /healthz reports ok", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = await res.json();
  expect(body).toMatchObject({ ok: true });
  expect(typeof body.uptimeS).toBe("number");
  expect(typeof body.rooms).toBe("number");
});

for (const viewport of [PROJECTOR, LAPTOP]) {
  test(`landing renders cleanly at ${viewport.width}x${viewport.height}`, async ({ person, baseURL }) => {
    const { page } = await person(viewport);
    const problems: string[] = [];
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL!) && !url.startsWith("data:")) problems.push(`off-site request: ${url}`);
    });

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: /Debate Deck/ })).toBeVisible();
    await saveScreenshot(page, "landing");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
    const fontFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(fontFamily.toLowerCase(), "the bundled Inter font is in use").toContain("inter");
    expect(problems).toEqual([]);
  });
}
