import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, summaryOf, waitForChart } from "./helpers";

const APRIL = "from=2025-04-01&to=2025-04-30";

test("vendors: April 2025 shows Google's free share near 22% and Anthropic's at 0%", async ({ page, request }) => {
  const api = await (await request.get(`/api/v1/subsidy?${APRIL}&interval=month&top=6`)).json();
  const google = api.authors.find((a: { author: string }) => a.author === "google");
  expect(google.freeShare).toBeGreaterThan(0.2);
  expect(google.freeShare).toBeLessThan(0.24);
  const shown = `${(google.freeShare * 100).toFixed(1)}%`;

  await page.goto(`/vendors?${APRIL}`);
  await waitForChart(page, "vendor-free-share-total");
  const total = summaryOf(page, "vendor-free-share-total");
  await expect(total).toContainText(`Google ${shown}`);
  await expect(total).toContainText("Anthropic 0.0%");
  await expect(page.locator('[data-chart-id="vendor-free-share-total"] svg text', { hasText: shown })).toBeVisible();
  // The sentence names the vendor with the largest free share, then the next one, then those with none.
  await expect(summaryOf(page, "vendor-free-share")).toContainText(new RegExp(`${shown.replace(".", "\\.")} (of Google's tokens|for Google)`));
  await expect(summaryOf(page, "vendor-free-share")).toContainText(/Anthropic.* none/);

  // Table view has the same numbers.
  const frame = page.locator('[data-chart-id="vendor-free-share-total"]');
  await frame.getByRole("button", { name: "Table" }).click();
  await expect(frame.getByRole("row", { name: /google/ })).toContainText(shown);
  await expect(frame.getByRole("row", { name: /anthropic/ })).toContainText("0.0%");
  await expectNoAxeViolations(page);
});

test("vendors: ranking by paid tokens only, interval and vendor picker write the URL", async ({ page, request }) => {
  await page.goto("/vendors?from=2025-04-01&to=2025-09-30");
  await waitForChart(page, "model-ranking");
  const ranking = page.locator('[data-chart-id="model-ranking"]');
  await ranking.getByRole("button", { name: "Paid only" }).click();
  await expect(page).toHaveURL(/variant=paid/);
  await expect(ranking.getByRole("heading")).toContainText("Models by paid tokens");
  const api = await (await request.get("/api/v1/subsidy?from=2025-04-01&to=2025-09-30&interval=month&top=6")).json();
  await expect(summaryOf(page, "model-ranking")).toContainText(`${api.modelRankingPaid[0].name.replace(/^[^:]+:\s+/, "")} leads`);
  await expect(summaryOf(page, "vendor-ranking")).toContainText(new RegExp(`${api.rankingPaid[0].author} leads`, "i")) // written as people write it: "Google";

  const share = await waitForChart(page, "vendor-free-share");
  await share.getByRole("group", { name: "Interval", exact: true }).getByRole("button", { name: "Week" }).click();
  await expect(page).toHaveURL(/interval=week/);
  await waitForChart(page, "vendor-free-share");

  const box = page.getByRole("combobox", { name: /Vendors/ });
  await page.getByRole("button", { name: "Remove Google" }).click();
  await expect(page).toHaveURL(/authors=/);
  await expect(page).not.toHaveURL(/authors=[^&]*google/);
  await box.click();
  await box.pressSequentially("goo");
  await box.press("Enter");
  await expect(page).toHaveURL(/authors=[^&]*google/);
  await waitForChart(page, "vendor-free-share");
  await expectNoAxeViolations(page);
});
