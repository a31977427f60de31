// The student page must load fast on a cheap laptop: its first-load JavaScript (every script the
// browser fetches to show /play/CODE) stays under 200 KB gzipped. The figure is logged on each run.
import { gzipSync } from "node:zlib";
import { expect, test } from "./fixtures";

const BUDGET_KB = 200;

test("the student page's first-load JavaScript is under 200 KB gzipped", async ({ person, request }) => {
  const room = await request.post("/api/rooms", { data: {} });
  const { code } = (await room.json()) as { code: string };
  const { page } = await person();
  const scripts: Promise<number>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script")
      scripts.push(
        res.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  await page.goto(`/play/${code}`, { waitUntil: "networkidle" });
  await expect(page.getByLabel("Your name")).toBeVisible();
  const sizes = await Promise.all(scripts);
  const kb = sizes.reduce((s, n) => s + n, 0) / 1024;
  console.log(`student page first-load JS: ${kb.toFixed(1)} KB gzipped in ${sizes.length} scripts`);
  test.info().annotations.push({ type: "first-load JS (gzip)", description: `${kb.toFixed(1)} KB` });
  expect(kb).toBeLessThan(BUDGET_KB);
});
