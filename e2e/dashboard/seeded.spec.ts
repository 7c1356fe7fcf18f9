/**
 * One query-options factory per endpoint: the server render seeds the browser's cache under the keys the
 * client views ask for, so a page's first paint asks the read API for nothing, and a changed control asks
 * only for what changed.
 */
import { expect, test, type Page } from "@playwright/test";
import { FLASH, HAIKU, JAN_2026, waitForCharts } from "./helpers";

function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/v1/")) seen.push(`${url.pathname}${url.search}`);
  });
  return seen;
}

const PAGES = [
  `/compare?models=${FLASH},${HAIKU}&${JAN_2026}`,
  `/models/${FLASH}?${JAN_2026}`,
  `/vendors?${JAN_2026}`,
  `/apps/kilo-code?${JAN_2026}`,
];

for (const path of PAGES) {
  test(`${path.split("?")[0]}: the first paint fetches nothing; a new interval fetches again`, async ({ page }) => {
    const seen = apiRequests(page);
    await page.goto(path);
    await waitForCharts(page);
    await page.waitForLoadState("networkidle");
    expect(seen).toEqual([]);

    await page.getByRole("group", { name: "Interval", exact: true }).first().getByRole("button", { name: "Day" }).click();
    await expect(page).toHaveURL(/interval=day/);
    await waitForCharts(page);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
  });
}

test("a page served from memory late in its lifetime (PAGE_CACHE_SECONDS, 60 here) fetches nothing either", async ({ page }) => {
  // The browser's clock 65 s ahead of the server's: the page reaches it as a cached page would at the end of
  // its 60 s, hydrating 5 s later. Its answers are still the current data version's, so nothing is fetched.
  // A range no other test opens, so the page is drawn now: one another test drew up to 60 s ago would be
  // served from memory already that old, and 65 s more would put the browser past its whole lifetime.
  await page.clock.install({ time: Date.now() + 65_000 });
  const seen = apiRequests(page);
  await page.goto(`/compare?models=${FLASH},${HAIKU}&from=2026-01-05&to=2026-01-25`);
  await waitForCharts(page);
  await page.waitForLoadState("networkidle");
  expect(seen).toEqual([]);
});
