import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const FLASH = "google/gemini-3-flash-preview";
export const HAIKU = "anthropic/claude-haiku-4.5";
export const JAN_2026 = "from=2026-01-01&to=2026-01-31";

/**
 * Waits for a chart frame to finish loading and draw its plot at its width — the server-drawn SVG of the
 * first paint, redrawn once the browser knows the width, or the interactive chart — or show its table /
 * empty state.
 */
export async function waitForChart(page: Page, chartId: string) {
  const frame = page.locator(`[data-chart-id="${chartId}"]`);
  await expect(frame).toBeVisible();
  await expect(frame).not.toHaveAttribute("data-loading", "true", { timeout: 15_000 });
  const body = frame.locator("[data-chart-body] svg.recharts-surface, [data-chart-body] [data-static-plot]:not([data-bands]) svg, table, [data-empty]");
  await expect(body.first()).toBeVisible({ timeout: 15_000 });
  return frame;
}

/**
 * Waits for a chart frame's interactive chart (Recharts: tooltips, highlighting, clickable bar labels), which
 * loads when a pointer reaches the plot (components/charts/figure-chart.tsx). A frame showing its table or
 * empty state is returned as it is.
 */
export async function waitForLiveChart(page: Page, chartId: string) {
  const frame = await waitForChart(page, chartId);
  const plot = frame.locator("[data-chart-body] > div").first();
  if (!(await plot.count())) return frame;
  await plot.hover();
  await expect(frame.locator("[data-chart-body] svg.recharts-surface").first()).toBeVisible({ timeout: 15_000 });
  return frame;
}

/** Waits for every chart frame on the page (`live`: for its interactive chart). */
export async function waitForCharts(page: Page, { live = false } = {}) {
  const ids = await page.locator("figure[data-chart-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart-id")!));
  for (const id of ids) await (live ? waitForLiveChart(page, id) : waitForChart(page, id));
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
