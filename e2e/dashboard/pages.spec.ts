import { expect, test } from "@playwright/test";
import { formatTokens } from "../../lib/format";
import { expectNoAxeViolations, FLASH, summaryOf, waitForChart } from "./helpers";

test("overview: top models match the API, top N and interval re-render the page", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByText("Sample data.")).toBeVisible();
  const table = page.getByRole("table", { name: /Top models/ });
  const api = await (await request.get("/api/v1/models?from=2026-02-22&to=2026-02-28")).json();
  await expect(table.getByRole("row").nth(1)).toContainText(api.models[0].publicId);
  await expect(table.getByRole("row")).toHaveCount(11);
  await waitForChart(page, "overview-share");
  await expect(summaryOf(page, "overview-share")).toContainText("largest share of all tokens");

  const share = page.locator('[data-chart-id="overview-share"]');
  await share.getByRole("group", { name: "Top", exact: true }).getByRole("button", { name: "5" }).click();
  await expect(page).toHaveURL(/top=5/);
  await expect(table.getByRole("row")).toHaveCount(6);
  await share.getByRole("group", { name: "Interval", exact: true }).getByRole("button", { name: "Month" }).click();
  await expect(page).toHaveURL(/interval=month/);
  await expect(share.locator("svg text", { hasText: "’26" }).first()).toBeVisible();
  await waitForChart(page, "overview-movers");
  await waitForChart(page, "overview-free-share");
  await expect(page.getByRole("heading", { name: "Data status" })).toBeVisible();
});

test("model page: adoption, top apps from the API, metric switch; ids with colons work", async ({ page, request }) => {
  await page.goto(`/models/${FLASH}?from=2026-01-01&to=2026-01-31`);
  await expect(page.getByRole("heading", { level: 1, name: "Gemini 3 Flash Preview" })).toBeVisible();
  await waitForChart(page, "model-adoption");
  await waitForChart(page, "model-top-apps");
  const apps = (await (await request.get(`/api/v1/apps?models=${FLASH}&from=2026-01-01&to=2026-01-31&top=10`)).json()).apps;
  await expect(summaryOf(page, "model-top-apps")).toContainText(`${apps[0].appName} was the top app on Gemini 3 Flash Preview with 236B tokens`);

  const adoption = page.locator('[data-chart-id="model-adoption"]');
  await adoption.getByRole("group", { name: "Metric", exact: true }).getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/metric=share/);
  await expect(summaryOf(page, "model-adoption")).toContainText("share of all tokens");
  await expect(page.locator('[data-chart-id="model-specs"]')).toContainText("$0.50/M");

  // A model with free and paid variants: the split chart, and an id with a colon.
  await page.goto("/models/deepseek/deepseek-chat-v3-0324?from=2025-03-24&to=2025-09-30");
  await waitForChart(page, "model-variants");
  await expect(page.locator('[data-chart-id="model-variants"] ul[aria-label^="Legend"] button[aria-pressed]')).toHaveCount(2);
  await page.goto("/models/deepseek/deepseek-chat-v3-0324:free?from=2025-03-24&to=2025-09-30");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await waitForChart(page, "model-adoption");

  const missing = await page.goto("/models/nobody/no-such-model");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Model not found" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("app page: volume and model mix, share metric and interval", async ({ page, request }) => {
  await page.goto("/apps/kilo-code?from=2025-06-01&to=2026-02-28");
  await expect(page.getByRole("heading", { level: 1, name: "Kilo Code" })).toBeVisible();
  await waitForChart(page, "app-volume");
  const api = await (await request.get("/api/v1/apps/kilo-code?from=2025-06-01&to=2026-02-28&interval=month")).json();
  await expect(summaryOf(page, "app-volume")).toContainText(`Kilo Code used ${formatTokens(api.tokens)} tokens`);

  const mix = await waitForChart(page, "app-model-mix");
  await mix.getByRole("group", { name: "Metric", exact: true }).getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/metric=share/);
  await expect(summaryOf(page, "app-model-mix")).toContainText("of Kilo Code's tokens");
  await page.getByRole("group", { name: "Interval", exact: true }).getByRole("button", { name: "Week" }).click();
  await expect(page).toHaveURL(/interval=week/);
  await waitForChart(page, "app-model-mix");
  await expectNoAxeViolations(page);

  // Range: a preset, then typed dates (committed with Enter).
  await page.getByRole("group", { name: "Date range" }).getByRole("button", { name: "90 days" }).click();
  await expect(page).toHaveURL(/from=2025-12-01&to=2026-02-28/);
  await waitForChart(page, "app-volume");
  const from = page.getByLabel("From", { exact: true });
  await from.fill("2025-10-01");
  await from.press("Enter");
  await expect(page).toHaveURL(/from=2025-10-01/);
  await waitForChart(page, "app-volume");
  await expect(summaryOf(page, "app-volume")).toContainText("1 Oct 2025");

  const missing = await page.goto("/apps/no-such-app");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "App not found" })).toBeVisible();
});

test("theme toggle cycles auto → light → dark and survives a reload", async ({ page }) => {
  await page.goto("/vendors");
  const toggle = page.getByRole("button", { name: /Theme:/ });
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(/light/);
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /Theme:/ }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark|light/);
});
