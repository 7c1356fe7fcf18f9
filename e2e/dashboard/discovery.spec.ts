import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

/**
 * Finding one's way (issue 13): the models index, the apps leaderboard, vendor pages, the header's search,
 * 404s for unknown subjects, range presets. Each page passes axe in light and dark at 390 and 1280 px, and
 * is photographed into test-results/screens/.
 */
const DISCOVERY_PAGES = [
  { name: "models-index", url: "/models", heading: "Models" },
  { name: "apps-index", url: "/apps", heading: "Apps" },
  { name: "vendor", url: "/vendors/google", heading: "Google" },
  { name: "not-found", url: "/vendors/no-such-vendor", heading: "Vendor not found" },
] as const;

for (const p of DISCOVERY_PAGES) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${p.name} page in ${colorScheme}: axe, no sideways scroll, screenshots`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(p.url);
        await expect(page.getByRole("heading", { level: 1, name: p.heading, exact: true })).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "page scrolls horizontally").toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/screens/${p.name}-${colorScheme}-${width}.png`, fullPage: true });
        await expectNoAxeViolations(page);
      }
    });
  }
}

test("models index: sort by a column, filter by vendor and free/paid, search, rows link to model and vendor pages", async ({ page, request }) => {
  const api = await (await request.get("/api/v1/models")).json();
  await page.goto("/models");
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(api.models.length);
  // The most used model first, as the API ranks it.
  await expect(table.locator("tbody tr").first()).toContainText(api.models[0].publicId);

  // Sort by input price: a link in the column heading, marked with aria-sort.
  await table.getByRole("link", { name: /^Input/ }).click();
  await expect(page).toHaveURL(/sort=input/);
  await expect(page.getByRole("columnheader", { name: /Input/ })).toHaveAttribute("aria-sort", "descending");
  // The highest input price first; equal prices in id order.
  const priced = api.models.filter((m: { inputPerM: string | null }) => m.inputPerM !== null) as { publicId: string; inputPerM: string }[];
  const top = Math.max(...priced.map((m) => Number(m.inputPerM)));
  const priciest = priced.filter((m) => Number(m.inputPerM) === top).map((m) => m.publicId).sort()[0];
  await expect(table.locator("tbody tr").first()).toContainText(priciest);
  await page.getByRole("table").getByRole("link", { name: /^Input/ }).click();
  await expect(page).toHaveURL(/dir=asc/);

  // Filters from the keyboard: vendor Google, free variants only.
  await page.getByLabel("Vendor", { exact: true }).selectOption({ label: "Google" });
  await page.getByLabel("Free or paid", { exact: true }).selectOption("free");
  await page.getByRole("button", { name: "Apply" }).press("Enter");
  await expect(page).toHaveURL(/author=google/);
  const freeGoogle = api.models.filter((m: { author: string; free: boolean }) => m.author === "google" && m.free);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(freeGoogle.length);
  for (const m of freeGoogle) await expect(page.getByRole("table")).toContainText(m.publicId);

  // Search understands word order and versions.
  await page.goto("/models?q=sonnet+3.7");
  const first = page.getByRole("table").locator("tbody tr").first();
  await expect(first).toContainText("anthropic/claude-3.7-sonnet");
  await first.getByRole("link", { name: "Anthropic" }).click();
  await expect(page).toHaveURL(/\/vendors\/anthropic$/);
  await expect(page.getByRole("heading", { level: 1, name: "Anthropic" })).toBeVisible();
  await page.goBack();
  await page.getByRole("table").locator("tbody tr").first().getByRole("link", { name: "Claude 3.7 Sonnet" }).click();
  await expect(page).toHaveURL(/\/models\/anthropic\/claude-3\.7-sonnet$/);
});

test("header search: '/' focuses it, arrows and Enter open a result; Escape closes", async ({ page }) => {
  await page.goto("/");
  await page.locator("body").press("/");
  const box = page.getByRole("combobox", { name: "Search models, apps and vendors" });
  await expect(box).toBeFocused();
  await box.pressSequentially("sonnet 3.7");
  const list = page.getByRole("listbox", { name: "Search results" });
  await expect(list.getByRole("option").first()).toContainText("Claude 3.7 Sonnet");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/models\/anthropic\/claude-3\.7-sonnet$/);

  // A vendor named whole comes first and opens its page.
  await page.locator("body").press("/");
  await box.pressSequentially("google");
  await expect(list.getByRole("option").first()).toContainText("Vendor");
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/vendors\/google$/);
});

test("apps leaderboard: categories from the sources, each app links to its page", async ({ page }) => {
  await page.goto("/apps");
  await expect(page.getByRole("heading", { level: 2, name: /^Top apps/ })).toBeVisible();
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(categories.getByRole("link", { name: "All apps" })).toHaveAttribute("aria-current", "page");
  await categories.getByRole("link", { name: "roleplay" }).click();
  await expect(page).toHaveURL(/category=roleplay/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("roleplay");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/apps\/[^/?]+/);
});

test("vendor page: tokens per period, top apps and models link onward", async ({ page }) => {
  await page.goto("/vendors/google?from=2025-04-01&to=2025-04-30");
  await expect(page.getByRole("heading", { level: 1, name: "Google" })).toBeVisible();
  await expect(page.getByText(/went to free variants/)).toBeVisible();
  const models = page.getByRole("region", { name: /^Table: Google's models/ });
  await expect(models.getByRole("link", { name: "Gemini 2.5 Pro", exact: true })).toBeVisible();
  await expect(models.getByRole("link", { name: "Google" }).first()).toHaveAttribute("href", "/vendors/google");
});

test("unknown model, app and vendor pages answer 404 with a way on; /favicon.ico leads to the icon", async ({ page, request }) => {
  for (const [url, heading] of [
    ["/models/nobody/no-such-model", "Model not found"],
    ["/apps/no-such-app", "App not found"],
    ["/vendors/no-such-vendor", "Vendor not found"],
    ["/no/such/page", "Page not found"],
  ]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "All models" })).toHaveAttribute("href", "/models");
  }
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("range: presets people use, dates in the app's format, an inverted range is an error in the control", async ({ page }) => {
  await page.goto("/apps/kilo-code");
  const range = page.getByRole("group", { name: "Date range" });
  await range.getByRole("button", { name: "Last month" }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-01-31/);
  await expect(range.getByLabel("From", { exact: true })).toHaveValue("1 Jan 2026");
  await range.getByRole("button", { name: "Last quarter" }).click();
  await expect(page).toHaveURL(/from=2025-10-01&to=2025-12-31/);

  const from = range.getByLabel("From", { exact: true });
  await from.fill("1 Mar 2026");
  await from.press("Enter");
  await expect(range.getByRole("alert")).toContainText("is after the end");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/from=2025-10-01&to=2025-12-31/);
  await from.fill("15 Nov 2025");
  await from.press("Enter");
  await expect(page).toHaveURL(/from=2025-11-15&to=2025-12-31/);
  await expect(range.getByRole("alert")).toHaveCount(0);
});
