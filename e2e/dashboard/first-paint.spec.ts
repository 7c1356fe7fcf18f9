/**
 * The server-drawn first paint and the interactive chart that replaces it (components/charts/figure-chart.tsx)
 * draw the same plot in the same place: reaching for a chart must not move its lines.
 */
import { expect, test, type Locator } from "@playwright/test";
import { FLASH, HAIKU, waitForChart, waitForLiveChart } from "./helpers";

/** Page coordinates of the centres of a plot's hollow (partial-period) points. */
async function hollowPoints(svg: Locator): Promise<{ x: number; y: number }[]> {
  return svg.locator("circle").evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 }))
      .sort((a, b) => a.x - b.x || a.y - b.y),
  );
}

test("the interactive chart replaces the first paint without moving a point", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/compare?models=${FLASH},${HAIKU}&interval=week`);
  const frame = await waitForChart(page, "compare-usage");
  await frame.scrollIntoViewIfNeeded(); // measured in the viewport: reaching for the chart must not scroll
  const drawn = await hollowPoints(frame.locator("[data-static-plot] svg"));
  expect(drawn.length).toBeGreaterThan(0);
  await waitForLiveChart(page, "compare-usage");
  await page.mouse.move(0, 0); // no tooltip or cursor over the points
  const live = await hollowPoints(frame.locator("svg.recharts-surface").first());
  expect(live).toHaveLength(drawn.length);
  live.forEach((p, i) => {
    expect(Math.abs(p.x - drawn[i].x), `point ${i} x`).toBeLessThanOrEqual(2);
    expect(Math.abs(p.y - drawn[i].y), `point ${i} y`).toBeLessThanOrEqual(2);
  });
});

/** Page boxes of a plot's bars, top to bottom. */
async function bars(svg: Locator, selector: string) {
  return svg.locator(selector).evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left, right: r.right, middle: r.top + r.height / 2 }))
      .sort((a, b) => a.middle - b.middle),
  );
}

test("a bar list's interactive chart keeps the first paint's bars where they were", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/models/${FLASH}`);
  const frame = await waitForChart(page, "model-top-apps");
  await frame.scrollIntoViewIfNeeded(); // measured in the viewport: reaching for the chart must not scroll
  const drawn = await bars(frame.locator("[data-static-plot] svg"), "rect");
  expect(drawn.length).toBeGreaterThan(1);
  await waitForLiveChart(page, "model-top-apps");
  await page.mouse.move(0, 0);
  const live = await bars(frame.locator("svg.recharts-surface").first(), ".recharts-bar-rectangle path");
  expect(live).toHaveLength(drawn.length);
  live.forEach((b, i) => {
    for (const k of ["left", "right", "middle"] as const) expect(Math.abs(b[k] - drawn[i][k]), `bar ${i} ${k}`).toBeLessThanOrEqual(2);
  });
});
