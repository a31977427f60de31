// Issue 6, "Use my own plan": a teacher pastes a plan on another question, sees the deck it makes card
// by card under its paragraphs with the plan's gaps, corrects a card's side and a theme's title,
// saves it, finds the corrections kept, and hosts a game with it. A plan that does not parse names
// its line, and the line is shown and selected in the text box.
import { readFileSync } from "node:fs";
import { expect, LAPTOP, PROJECTOR, test } from "./fixtures";
import { shots } from "./solo";

const VERSAILLES = readFileSync(
  new URL("../content/fixtures/versailles-labelled.txt", import.meta.url),
  "utf8",
);
const QUESTION = "How far do you agree that the Treaty of Versailles (1919) was too harsh on Germany?";
const TERRITORY_POINT = /^Point card: Germany's territorial losses were limited/;

test("a teacher turns their own plan into a deck, corrects it and hosts a game with it", async ({
  person,
}) => {
  test.setTimeout(90_000);
  const { page } = await person(LAPTOP);
  await page.goto("/");
  await page.getByRole("link", { name: /^Use my own plan/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Use my own plan" })).toBeVisible();
  const plan = page.getByLabel("Your essay plan");

  // A broken plan: the importer's message with its line, the line selected in the box.
  await plan.fill("QUESTION: Why did it fail?\n\nPARAGRAPH 1\nPARAGRAPH 1\nPoint: nothing\n");
  await page.getByRole("button", { name: "Make the deck" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "cannot be made into a deck" });
  await expect(alert).toContainText("Line 4:");
  await expect(alert).toContainText("PARAGRAPH 1 appears twice");
  await expect(alert.getByRole("list", { name: "The plan around line 4" })).toBeVisible();
  const selected = await plan.evaluate((el: HTMLTextAreaElement) =>
    el.value.slice(el.selectionStart, el.selectionEnd),
  );
  expect(selected).toBe("PARAGRAPH 1");
  await shots(page, "plans-error", [PROJECTOR, LAPTOP]);

  // A good plan on another question.
  await plan.fill(VERSAILLES);
  await page.getByRole("button", { name: "Make the deck" }).click();
  await expect(page.getByRole("heading", { name: `Check the deck: ${QUESTION}` })).toBeVisible();
  await expect(page.getByText("The plan leaves this empty: students write their own.")).toHaveCount(1);
  const card = page.getByRole("article", { name: TERRITORY_POINT });
  await expect(card).toContainText("Not too harsh");
  await card.getByLabel("Side").selectOption({ label: "Too harsh" });
  await expect(card).toContainText("Too harsh");
  await page.getByLabel("Theme title for paragraph 2").fill("Money");
  await expect(
    page
      .getByRole("article", { name: /^Point card: On the other hand, the reparations/ })
      .getByLabel("Theme"),
  ).toHaveText(/Money/);
  await page.getByLabel("Deck title").fill("Versailles 1919");
  await shots(page, "plans-preview", [PROJECTOR, LAPTOP]);
  await page.getByRole("button", { name: "Save the deck" }).click();

  await page.waitForURL(/\/plans\/deck_[\w-]+\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Versailles 1919" })).toBeVisible();
  // Kept on the server: a fresh load shows the corrections.
  await page.reload();
  await expect(page.getByRole("article", { name: TERRITORY_POINT }).getByLabel("Side")).toHaveValue(
    "failure",
  );
  await expect(page.getByLabel("Theme title for paragraph 2")).toHaveValue("Money");
  await shots(page, "plans-deck", [PROJECTOR, LAPTOP]);

  // Listed among the decks, and offered on the landing page's Host.
  await page.goto("/plans");
  await expect(page.getByRole("article", { name: "Versailles 1919" })).toContainText("made in this browser");
  await shots(page, "plans-list", [PROJECTOR, LAPTOP]);
  await page.goto("/");
  await page.getByLabel("Deck").selectOption({ label: "Versailles 1919" });
  await expect(page.getByText(QUESTION)).toBeVisible();
  await shots(page, "landing-decks", [PROJECTOR, LAPTOP]);
  await page.getByRole("button", { name: "Host a game" }).click();
  await page.waitForURL(/\/host\/[A-Z0-9]{6}$/);
  await expect(page.getByText(QUESTION)).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the game" })).toBeVisible();
  await shots(page, "host-lobby-own-deck", [PROJECTOR, LAPTOP]);
});

test("a teacher deletes a deck they made, after saying yes", async ({ person, request }) => {
  const saved = await request.post("/api/decks", { data: { title: "To delete", plan: VERSAILLES } });
  const { id, ownerSecret } = (await saved.json()) as { id: string; ownerSecret: string };
  const { page } = await person(LAPTOP);
  await page.goto("/plans");
  await page.evaluate(
    ([deck, secret]) => localStorage.setItem(`dd:deck:${deck}`, secret as string),
    [id, ownerSecret],
  );
  await page.reload();
  const entry = page.getByRole("article", { name: "To delete" });
  await entry.getByRole("button", { name: "Delete…" }).click();
  await entry.getByRole("button", { name: "Keep it" }).click();
  await entry.getByRole("button", { name: "Delete…" }).click();
  await entry.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(entry).toHaveCount(0);
  expect((await request.get(`/api/decks/${id}`)).status()).toBe(404);
});

test("an uploaded plan: cards whose side it leaves unclear are marked until the teacher checks them", async ({
  person,
}) => {
  // The Versailles plan with its line (Outline and Conclusion) and paragraph 3's stance taken out.
  const unclear = VERSAILLES.replace(/Outline your argument:.*\n/, "")
    .replace(/Signpost your conclusion:.*\n/, "")
    .replace(/Summarise your argument:.*\n/, "")
    .replace(/Consider significance:.*/, "Consider significance: Historians still debate the treaty.")
    .replace(/Point: The military terms were strict.*/, "Point: The military terms limited the German army.")
    .replace(/Link: Therefore the military terms.*/, "Link: This is what the military terms did.");
  const { page } = await person(LAPTOP);
  await page.goto("/plans");
  // Uploaded as a file this time: read in the browser and previewed at once.
  await page
    .getByLabel("or upload a .txt file:")
    .setInputFiles({ name: "versailles.txt", mimeType: "text/plain", buffer: Buffer.from(unclear) });
  await expect(page.getByText("4 cards to check")).toBeVisible();
  await expect(page.getByLabel("Your essay plan")).toHaveValue(unclear);
  const flagged = page.getByText("Check its side: the plan does not make it clear.");
  await expect(flagged).toHaveCount(4);
  await page
    .getByRole("article", { name: /^Point card: The military terms limited/ })
    .getByLabel("Side")
    .selectOption({ label: "Not too harsh" });
  await page
    .getByRole("article", { name: /^Link card: This is what/ })
    .getByRole("button", { name: "The side is right" })
    .click();
  await expect(flagged).toHaveCount(2);
  await expect(page.getByText("2 cards to check")).toBeVisible();
  await shots(page, "plans-review", [PROJECTOR, LAPTOP]);
});
