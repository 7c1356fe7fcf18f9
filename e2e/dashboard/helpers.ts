import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const FLASH = "google/gemini-3-flash-preview";
export const HAIKU = "anthropic/claude-haiku-4.5";
export const JAN_2026 = "from=2026-01-01&to=2026-01-31";

/** Waits for a chart frame to finish loading and draw its SVG (or show its table / empty state). */
export async function waitForChart(page: Page, chartId: string) {
  const frame = page.locator(`[data-chart-id="${chartId}"]`);
  await expect(frame).toBeVisible();
  await expect(frame).not.toHaveAttribute("data-loading", "true", { timeout: 15_000 });
  const body = frame.locator("[data-chart-body] svg.recharts-surface, table, [data-empty]");
  await expect(body.first()).toBeVisible({ timeout: 15_000 });
  return frame;
}

/** Waits for every chart frame on the page. */
export async function waitForCharts(page: Page) {
  const ids = await page.locator("figure[data-chart-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart-id")!));
  for (const id of ids) await waitForChart(page, id);
  return ids;
}

export async function expectNoAxeViolations(page: Page) {
  await expect(page.locator("[data-loading]")).toHaveCount(0, { timeout: 15_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, "axe violations").toEqual([]);
}

/** The text of a frame's one-sentence summary. */
export function summaryOf(page: Page, chartId: string) {
  return page.locator(`[data-chart-id="${chartId}"] [data-chart-summary]`);
}
