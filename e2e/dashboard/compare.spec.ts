import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, FLASH, HAIKU, JAN_2026, summaryOf, waitForChart, waitForLiveChart } from "./helpers";

const COMPARE = `/compare?models=${FLASH},${HAIKU}&${JAN_2026}`;

test("compare: Flash vs Haiku over January 2026 shows top apps 236B and 63.5B, and 3.7×", async ({ page, request }) => {
  await page.goto(COMPARE);
  const apps = await waitForChart(page, "compare-top-apps");
  await expect(summaryOf(page, "compare-top-apps")).toHaveText(
    "The top app on Gemini 3 Flash Preview was Lemonade with 236B tokens, 3.7× the top app on Claude Haiku 4.5 (Claude Code, 63.5B).",
  );
  // The bars carry the same labels.
  await expect(apps.locator("svg text", { hasText: "236B" })).toBeVisible();
  await expect(apps.locator("svg text", { hasText: "63.5B" })).toBeVisible();

  const ratios = page.locator('[data-chart-id="compare-specs"] [data-ratios]');
  await expect(ratios).toContainText("3.7× the top app's volume (236B vs 63.5B)");
  await expect(ratios).toContainText("50% cheaper input");
  await expect(ratios).toContainText("5.2× the context");
  const specs = page.getByRole("table", { name: /Specs of the compared models/ });
  await expect(specs.getByRole("row", { name: /Input price/ })).toContainText("$0.50/M");
  await expect(specs.getByRole("row", { name: /Input price/ })).toContainText("$1.00/M");

  // The page's figures equal the API's for the same state.
  const api = await (await request.get(`/api/v1/compare?models=${FLASH},${HAIKU}&${JAN_2026}`)).json();
  expect(api.models[0].topApp.tokens.length).toBeGreaterThan(0);
  expect(Math.round((api.ratios[1].topApp as number) * 10) / 10).toBe(3.7);

  // Tooltips give exact values formatted for humans (the interactive chart, loaded on the first pointer).
  await waitForLiveChart(page, "compare-top-apps");
  // Hovered again until it shows: the chart lays its bars out once more when it learns its width, and a
  // pointer that arrived before that can rest beside the bar it aimed at.
  await expect(async () => {
    await apps.locator(".recharts-bar-rectangle").first().hover();
    await expect(apps.locator(".recharts-tooltip-wrapper", { hasText: "Lemonade" })).toContainText("236B", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const usage = await waitForLiveChart(page, "compare-usage");
  const plot = usage.locator(".recharts-cartesian-grid");
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  const tip = usage.locator(".recharts-tooltip-wrapper");
  await expect(tip).toContainText(/Week of \d+ (Dec|Jan) 202[56]/);
  await expect(tip).toContainText(/Gemini 3 Flash Preview\s*[\d.]+[KMBT]/);
  await expect(tip).toContainText(/Claude Haiku 4\.5\s*[\d.]+[KMBT]/);

  // Estimated spend explains itself.
  await waitForChart(page, "compare-spend");
  await expect(page.locator('[data-chart-id="compare-spend"]')).toContainText("How this is estimated");

  // Table view: same numbers, in the URL, and accessible.
  await apps.getByRole("group", { name: /show as/ }).getByRole("button", { name: "Table" }).click();
  await expect(page).toHaveURL(/display=table/);
  const table = apps.getByRole("table");
  await expect(table.getByRole("row", { name: /Lemonade/ })).toContainText("236B");
  await expect(table.getByRole("row", { name: /Claude Code/ })).toContainText("63.5B");
  await expectNoAxeViolations(page);

  // CSV: exactly the rows shown, exact token counts.
  const [download] = await Promise.all([page.waitForEvent("download"), apps.getByRole("button", { name: /CSV/ }).click()]);
  expect(download.suggestedFilename()).toBe("modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-top-apps-2026-01.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("app_id,app_name,model,tokens");
  const flashTop = (await (await request.get(`/api/v1/apps?models=${FLASH}&${JAN_2026}&top=5`)).json()).apps[0];
  expect(lines).toContain(`${flashTop.appId},${flashTop.appName},${FLASH},${flashTop.tokens}`);
  expect(lines.length).toBe(1 + (await table.getByRole("row").count()) - 1);
});

test("compare: interval, alignment, metric and scale write the URL, redraw, and back/forward restore them", async ({ page }) => {
  await page.goto(COMPARE);
  const usage = await waitForChart(page, "compare-usage");
  const group = (name: string) => usage.getByRole("group", { name, exact: true });

  await group("Interval").getByRole("button", { name: "Month" }).click();
  await expect(page).toHaveURL(/interval=month/);
  await expect(group("Interval").getByRole("button", { name: "Month" })).toHaveAttribute("aria-pressed", "true");
  await expect(usage.locator("svg text", { hasText: "Jan ’26" }).first()).toBeVisible();

  await group("Align").getByRole("button", { name: "Since launch" }).click();
  await expect(page).toHaveURL(/align=launch/);
  await waitForChart(page, "compare-usage");
  await expect(summaryOf(page, "compare-usage")).toContainText("days after launch");
  await expect(usage.locator("svg text", { hasText: /^Day \d+$/ }).first()).toBeVisible();

  await group("Metric").getByRole("button", { name: "Share" }).click();
  await expect(page).toHaveURL(/metric=share/);
  await expect(summaryOf(page, "compare-usage")).toContainText("share of all tokens");
  await expect(usage.locator("svg text", { hasText: /%$/ }).first()).toBeVisible();

  await group("Metric").getByRole("button", { name: "Cumulative" }).click();
  await expect(page).toHaveURL(/metric=cumulative/);
  await group("Scale").getByRole("button", { name: "Log" }).click();
  await expect(page).toHaveURL(/scale=log/);
  await waitForLiveChart(page, "compare-usage");
  await expect(usage.locator(".recharts-yAxis")).toBeVisible();

  // Only non-default values are in the URL, and it reproduces the view.
  const url = new URL(page.url());
  expect([...url.searchParams.keys()].sort()).toEqual(["align", "from", "interval", "metric", "models", "scale", "to"]);

  await page.goBack();
  await expect(page).not.toHaveURL(/scale=log/);
  await expect(group("Scale").getByRole("button", { name: "Linear" })).toHaveAttribute("aria-pressed", "true");
  await page.goBack();
  await expect(page).toHaveURL(/metric=share/);
  await expect(group("Metric").getByRole("button", { name: "Share" })).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/scale=log/);
  await expect(group("Scale").getByRole("button", { name: "Log" })).toHaveAttribute("aria-pressed", "true");

  await expectNoAxeViolations(page);
});

test("compare: the model picker works from the keyboard", async ({ page }) => {
  await page.goto(COMPARE);
  await waitForChart(page, "compare-usage");
  const box = page.getByRole("combobox", { name: /Models to compare/ });
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.click();
  await box.pressSequentially("opus 4.6");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox", { name: /Models to compare/ });
  await expect(listbox.getByRole("option").first()).toContainText("Claude Opus 4.6");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("ArrowDown");
  const active = await box.getAttribute("aria-activedescendant");
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await box.press("Home");
  await box.press("Enter");
  await expect(page).toHaveURL(/models=google%2Fgemini-3-flash-preview%2Canthropic%2Fclaude-haiku-4\.5%2Canthropic%2Fclaude-opus-4\.6|models=google\/gemini-3-flash-preview,anthropic\/claude-haiku-4\.5,anthropic\/claude-opus-4\.6/);
  const chips = page.getByRole("list", { name: /Selected: Models to compare/ });
  await expect(chips.getByRole("listitem")).toHaveCount(3);
  await expect(chips).toContainText("Claude Opus 4.6");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");
  // The list closes after a pick.
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await waitForChart(page, "compare-top-apps");
  await expect(page.locator('[data-chart-id="compare-top-apps"] h3')).toHaveCount(3);

  // Escape closes the list without choosing.
  await box.pressSequentially("gem");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Escape"); // a second Escape clears the search
  await expect(box).toHaveValue("");

  // Backspace in the empty field removes the last chip.
  await box.press("Backspace");
  await expect(chips.getByRole("listitem")).toHaveCount(2);
  await expect(page).not.toHaveURL(/opus/);

  // Each chip's remove button is reachable and labelled.
  const remove = page.getByRole("button", { name: "Remove Claude Haiku 4.5" });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(chips.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText("Pick at least two models to compare.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("compare: invalid or unknown parameters fall back instead of crashing", async ({ page }) => {
  await page.goto(`/compare?models=${FLASH},${HAIKU}&interval=fortnight&metric=vibes&scale=9&top=-1&from=2026-13-40&align=sideways`);
  await waitForChart(page, "compare-usage");
  const usage = page.locator('[data-chart-id="compare-usage"]');
  await expect(usage.getByRole("group", { name: "Interval", exact: true }).getByRole("button", { name: "Week" })).toHaveAttribute("aria-pressed", "true");
  await expect(usage.getByRole("group", { name: "Metric", exact: true }).getByRole("button", { name: "Tokens" })).toHaveAttribute("aria-pressed", "true");

  await page.goto(`/compare?models=${FLASH},nobody/no-such-model`);
  await expect(page.locator("main").getByRole("alert")).toContainText("no-such-model");
  await expect(page.getByRole("combobox", { name: /Models to compare/ })).toBeVisible();

  await page.goto("/compare");
  await expect(page.getByText("Pick at least two models to compare.")).toBeVisible();
  await page.getByRole("link", { name: "Gemini 3 Flash Preview vs Claude Haiku 4.5" }).click();
  await waitForChart(page, "compare-top-apps");
});
