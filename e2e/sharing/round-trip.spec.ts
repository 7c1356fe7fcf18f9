import { expect, test, type Locator, type Page } from "@playwright/test";
import { waitForCharts } from "../dashboard/helpers";
import { COMPARE_QUERY } from "./helpers";

/** What the reader sees of the state: pressed toggles (by group), date fields, every chart's summary and table/chart mode. */
async function stateOf(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
  await waitForCharts(page);
  return {
    pressed: await page.locator('[role=group] [aria-pressed="true"]').evaluateAll((els) => els.map((e) => `${e.closest("[role=group]")?.getAttribute("aria-label")}=${e.textContent}`)),
    dates: await page.locator("input[type=date]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    summaries: await page.locator("[data-chart-summary]").allTextContents(),
    tables: await page.locator("figure[data-chart-id] table").count(),
  };
}

function group(scope: Page | Locator, name: string) {
  return scope.getByRole("group", { name, exact: true });
}

interface Step {
  /** A click that changes the state, and what the URL then says. */
  act: (page: Page) => Promise<void>;
  url: RegExp;
}

const VIEWS: { name: string; start: string; steps: Step[] }[] = [
  {
    name: "overview",
    start: "/",
    steps: [
      { act: (p) => group(p.locator('[data-chart-id="overview-share"]'), "Top").getByRole("button", { name: "5" }).click(), url: /\?top=5$/ },
      { act: (p) => group(p.locator('[data-chart-id="overview-share"]'), "Interval").getByRole("button", { name: "Month" }).click(), url: /interval=month/ },
    ],
  },
  {
    name: "model",
    start: "/models/google/gemini-3-flash-preview?from=2025-12-17&to=2026-02-28",
    steps: [
      { act: (p) => group(p.locator('[data-chart-id="model-adoption"]'), "Metric").getByRole("button", { name: "Cumulative" }).click(), url: /metric=cumulative/ },
      { act: (p) => group(p.locator('[data-chart-id="model-adoption"]'), "Align").getByRole("button", { name: "Since launch" }).click(), url: /align=launch/ },
      { act: (p) => group(p.locator('[data-chart-id="model-adoption"]'), "Scale").getByRole("button", { name: "Log" }).click(), url: /scale=log/ },
    ],
  },
  {
    name: "compare",
    start: `/compare?${COMPARE_QUERY}`,
    steps: [
      { act: (p) => group(p.locator('[data-chart-id="compare-usage"]'), "Interval").getByRole("button", { name: "Day" }).click(), url: /interval=day/ },
      { act: (p) => group(p.locator('[data-chart-id="compare-usage"]'), "Metric").getByRole("button", { name: "Share" }).click(), url: /metric=share/ },
      { act: (p) => p.locator('[data-chart-id="compare-spend"]').getByRole("group", { name: /show as/ }).getByRole("button", { name: "Table" }).click(), url: /display=table/ },
    ],
  },
  {
    name: "vendors",
    start: "/vendors?from=2025-04-01&to=2025-09-30",
    steps: [
      { act: (p) => group(p.locator('[data-chart-id="vendor-ranking"]'), "Rank by").getByRole("button", { name: "Paid only" }).click(), url: /variant=paid/ },
      { act: (p) => group(p.locator('[data-chart-id="vendor-free-share"]'), "Interval").getByRole("button", { name: "Week" }).click(), url: /interval=week/ },
    ],
  },
  {
    name: "app",
    start: "/apps/kilo-code?from=2025-06-01&to=2026-02-28",
    steps: [
      { act: (p) => group(p.locator('[data-chart-id="app-model-mix"]'), "Metric").getByRole("button", { name: "Share" }).click(), url: /metric=share/ },
      { act: (p) => p.getByRole("group", { name: "Date range" }).getByRole("button", { name: "90 days" }).click(), url: /from=2025-12-0[12]&to=2026-0[23]-\d\d/ },
    ],
  },
];

for (const v of VIEWS) {
  test(`${v.name}: controls write the URL, a fresh browser opening it sees the same view, back and forward step through`, async ({ page, browser, baseURL }) => {
    await page.goto(v.start);
    const states = [await stateOf(page)];
    const urls = [page.url()];
    for (const step of v.steps) {
      await step.act(page);
      await expect(page).toHaveURL(step.url);
      states.push(await stateOf(page));
      urls.push(page.url());
      expect(states.at(-1), "the control changed what is shown").not.toEqual(states.at(-2));
    }
    // Only non-default values, nothing but view parameters.
    const final = new URL(urls.at(-1)!);
    for (const [k, value] of final.searchParams) expect(["models", "authors", "from", "to", "interval", "variant", "align", "metric", "scale", "top", "display"]).toContain(k), expect(value).not.toBe("");
    expect(final.searchParams.get("interval")).not.toBe(v.name === "overview" || v.name === "model" || v.name === "compare" ? "week" : "month");

    // The copied URL, opened in a fresh browser context (no history, no cache), shows the same state.
    const fresh = await browser.newContext({ baseURL, reducedMotion: "reduce" });
    const other = await fresh.newPage();
    await other.goto(urls.at(-1)!);
    expect(await stateOf(other)).toEqual(states.at(-1));
    // The Share menu's "Copy link" is that same URL (with the chart as fragment).
    const frame = other.locator("figure[data-chart-id]").first();
    const chartId = await frame.getAttribute("data-chart-id");
    await frame.getByRole("button", { name: /^Share / }).click();
    await frame.getByRole("button", { name: /^Copy link/ }).click();
    const copied = new URL(await frame.locator("[data-share-link]").inputValue());
    expect(copied.hash).toBe(`#${chartId}`);
    expect(`${copied.pathname}${copied.search}`).toBe(`${final.pathname}${final.search}`);
    await fresh.close();

    // Back and forward step through the states.
    for (let i = urls.length - 2; i >= 0; i--) {
      await page.goBack();
      await expect(page).toHaveURL(urls[i]);
      expect(await stateOf(page)).toEqual(states[i]);
    }
    await page.goForward();
    await expect(page).toHaveURL(urls[1]);
    expect(await stateOf(page)).toEqual(states[1]);
  });
}

test("hand-edited URLs with invalid values fall back to defaults on every view", async ({ page }) => {
  const junk = "interval=fortnight&metric=vibes&scale=9&top=-1&from=2026-13-40&align=sideways&variant=maybe&display=poster&models=%3Cscript%3E";
  for (const path of ["/", "/models/google/gemini-3-flash-preview", "/compare", "/vendors", "/apps/kilo-code"]) {
    const res = await page.goto(`${path}?${junk}`);
    expect(res?.status(), path).toBe(200);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator("[aria-pressed=true]", { hasText: /Fortnight|Vibes/ })).toHaveCount(0);
  }
});
