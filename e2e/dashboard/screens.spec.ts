import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForCharts } from "./helpers";
import { PAGES } from "./pages";

/**
 * Every page opens, draws its charts, passes axe with zero violations in light and dark, and is
 * photographed at 390 px and 1280 px into test-results/screens/ (looked at by a person, not diffed).
 */
for (const p of PAGES) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${p.name} page in ${colorScheme}: charts, axe, screenshots`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(p.url);
        await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
        const charts = await waitForCharts(page);
        expect(charts.length, "charts drawn").toBeGreaterThan(0);
        // Nothing wider than the viewport except inside horizontal scrollers.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "page scrolls horizontally").toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/screens/${p.name}-${colorScheme}-${width}.png`, fullPage: true });
        await expectNoAxeViolations(page);
      }
    });
  }
}
