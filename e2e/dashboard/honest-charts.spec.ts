/**
 * Honest charts on real pages (sample data): partial periods drawn dashed with a note, launch alignment on
 * its own axis, shares that name what they cannot see, legends that hide, isolate and highlight a series by
 * mouse and keyboard.
 */
import { expect, test } from "@playwright/test";
import { FLASH, HAIKU, JAN_2026, summaryOf, waitForChart, waitForLiveChart } from "./helpers";

const COMPARE = `/compare?models=${FLASH},${HAIKU}&${JAN_2026}&interval=week`;

test("a week cut by the range is dashed and hollow, and the note under the chart says what that means", async ({ page }) => {
  await page.goto(COMPARE);
  const frame = await waitForLiveChart(page, "compare-usage");
  // January 2026 starts on a Thursday and ends on a Saturday: both edge weeks are partial, for both series.
  await expect(frame.locator('.recharts-line-curve[stroke-dasharray="4 3"]')).toHaveCount(2);
  await expect(frame.locator("figcaption")).toContainText("Dashed and hollow: a partial period");
});

test("aligned by launch, the calendar range does not clip the curves and the summary compares the common horizon", async ({ page }) => {
  await page.goto(`${COMPARE}&align=launch`);
  await waitForChart(page, "compare-usage");
  await expect(summaryOf(page, "compare-usage")).toContainText("In their first 74 days after launch");
  await page.getByRole("group", { name: "First" }).getByRole("button", { name: "30 days" }).click();
  await expect(page).toHaveURL(/days=30/);
  await expect(summaryOf(page, "compare-usage")).toContainText("In their first 30 days after launch");
});

test("the legend hides, isolates and highlights a series, by mouse and keyboard", async ({ page }) => {
  await page.goto(`/?interval=week`);
  const frame = await waitForChart(page, "overview-share");
  const legend = frame.getByRole("list", { name: /^Legend/ });
  const solidAreas = frame.locator('.recharts-area-curve:not([stroke-dasharray])');
  const first = legend.locator("button[aria-pressed]").first();
  // Focus alone, without a pointer, brings the interactive chart in place of the server-drawn one.
  await first.focus();
  await expect(frame.locator("svg.recharts-surface")).toBeVisible();
  const all = await solidAreas.count();
  expect(all).toBeGreaterThan(1);
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "false");
  await expect(solidAreas).toHaveCount(all - 1);
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-pressed", "true");
  await expect(solidAreas).toHaveCount(all);
  const only = legend.getByRole("button", { name: /^Show only / }).first();
  await only.focus();
  await page.keyboard.press("Enter");
  await expect(solidAreas).toHaveCount(1);
});

test("free shares say what they cannot see: the other bucket's share of all tokens", async ({ page }) => {
  await page.goto("/vendors?from=2025-04-01&to=2025-09-30");
  const frame = await waitForChart(page, "vendor-free-share");
  await expect(frame.locator("figcaption")).toContainText(/Free shares count reported models only: [\d.]+% of all tokens/);
  await expect(summaryOf(page, "vendor-free-share")).toContainText("reported tokens");
});
