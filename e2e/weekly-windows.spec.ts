import { expect, test } from "@playwright/test";
import { E2E_INGEST_TOKEN } from "../playwright.config";
import { readFixture } from "../test/fixtures";
import { waitForLiveChart } from "./dashboard/helpers";

const auth = { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "application/json" };
const FLASH3 = "google/gemini-3-flash-preview-20251217"; // daily (rankings-daily) and a weekly run's window
const GROK = "x-ai/grok-code-fast-1"; // two backfilled weeks only
const COMPARE = `/compare?models=${FLASH3},${GROK}&from=2025-11-01&to=2026-09-21`;

test("weekly windows chart beside daily data: points at the window's first day, notes, table; days unreported at interval=day", async ({ page, request }) => {
  for (const f of ["rankings-daily/rankings-daily-2026-09-22.json", "trackers/weekly/2025-11-16.json", "trackers/weekly/2025-11-23.json", "trackers/weekly/2026-03-02.json"]) {
    const res = await request.post("/api/ingest", { data: readFixture(f), headers: auth });
    expect(res.status()).toBe(200);
  }

  await page.goto(`${COMPARE}&interval=week`);
  const usage = await waitForLiveChart(page, "compare-usage");
  await expect(usage.locator(".recharts-cartesian-grid")).toBeVisible();
  // Grok's two weeks and Flash's run window are drawn as points, not lines.
  await expect(usage.locator(".recharts-line-dot")).toHaveCount(3);
  await expect(usage).toContainText("the source's own weekly windows, placed at each window's first day");
  await expect(usage).toContainText("A weekly run's window ends on its run day; its start is unknown");
  await expect(usage).toContainText("x-ai/grok-code-fast-1: the source's weekly windows, each counted whole.");
  await page.screenshot({ path: test.info().outputPath("weekly-windows.png"), fullPage: true });

  await usage.getByRole("group", { name: /show as/ }).getByRole("button", { name: "Table" }).click();
  const table = usage.getByRole("table");
  await expect(table.getByRole("row", { name: /16 Nov 2025 – 22 Nov 2025 \(the source's week\)/ })).toContainText("1.45T");
  await expect(table.getByRole("row", { name: /a weekly run: start unknown/ })).toContainText("1.03T");

  // At interval=day the days only a window covers are unreported, and the note says where to look.
  await page.goto(`/compare?models=${GROK},openrouter/polaris-alpha&from=2025-11-16&to=2025-11-29&interval=day`);
  await expect(usage).toContainText("their tokens here are in the source's weekly windows (choose Week to see them)");
  await expect(usage).toContainText("unreported at this interval (not zero)");
});
