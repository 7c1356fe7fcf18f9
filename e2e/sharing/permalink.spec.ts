import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../dashboard/helpers";
import { ingest } from "./helpers";

/** A model of our own, so the figures are known exactly: 1B tokens a day from 20 to 28 Feb 2026. */
function snapshot(capturedAt: string, days: Record<string, string>) {
  return {
    format: "modelshare.snapshot/v1",
    source: "e2e-pins",
    capturedAt,
    models: [{ id: "e2e/pin-model", name: "Pin Model", launchDate: "2026-02-20", contextLength: 100000, pricing: { inputPerM: "1", outputPerM: "2" } }],
    modelUsage: Object.entries(days).map(([date, totalTokens]) => ({ date, model: "e2e/pin-model", totalTokens })),
  };
}
const FEB: Record<string, string> = {};
for (let d = 20; d <= 28; d++) FEB[`2026-02-${d}`] = "1000000000";

const PAGE = "/models/e2e/pin-model?from=2026-02-20&to=2026-03-31&interval=day";

test("a pinned permalink keeps showing the shared numbers after a restatement and a new day; the live view follows them", async ({ page, request, baseURL }) => {
  await ingest(request, snapshot("2026-03-01T00:00:00Z", FEB));
  await page.goto(PAGE);
  const summary = page.locator('[data-chart-id="model-adoption"] [data-chart-summary]');
  await expect(summary).toHaveText("From 20 Feb 2026 – 28 Feb 2026, Pin Model used 9B tokens, peaking at 1B (20 Feb 2026). Event marked: 20 Feb 2026: Pin Model launched.");

  // Share from the chart's menu: "Copy pinned link" creates the permalink and shows it.
  const frame = page.locator('[data-chart-id="model-adoption"]');
  await frame.getByRole("button", { name: /^Share / }).click();
  await frame.getByRole("button", { name: /Copy pinned link/ }).click();
  const link = frame.locator("[data-share-link]");
  await expect(link).toHaveValue(new RegExp(`^${baseURL}/s/[0-9A-Za-z]{12}#model-adoption$`));
  const pinnedUrl = await link.inputValue();
  await expect(frame.getByRole("status")).toContainText(/Pinned link( copied|: select)/);

  // New data: a restatement of 22 Feb (newer capturedAt wins) and a new day, 1 Mar.
  await ingest(request, snapshot("2026-03-02T00:00:00Z", { "2026-02-22": "4000000000", "2026-03-01": "2000000000" }));

  await page.goto(PAGE);
  await expect(summary).toHaveText("From 20 Feb 2026 – 1 Mar 2026, Pin Model used 14B tokens, peaking at 4B (22 Feb 2026). Event marked: 20 Feb 2026: Pin Model launched.");

  await page.goto(pinnedUrl);
  await expect(page.locator("[data-pinned]")).toContainText("Pinned: data as of 1 Mar 2026, 00:00 UTC");
  await expect(summary).toHaveText("From 20 Feb 2026 – 28 Feb 2026, Pin Model used 9B tokens, peaking at 1B (20 Feb 2026). Event marked: 20 Feb 2026: Pin Model launched.");
  await page.screenshot({ path: "test-results/sharing/pinned-1280.png", fullPage: true });
  await expectNoAxeViolations(page);
  // The table view of the pinned chart: the old numbers, switched in place (the URL stays the permalink).
  await page.locator('[data-chart-id="model-adoption"]').getByRole("group", { name: /show as/ }).getByRole("button", { name: "Table" }).click();
  await expect(page).toHaveURL(pinnedUrl);
  await expect(page.locator('[data-chart-id="model-adoption"] table')).not.toContainText("4B");
  // The pinned embed and image say the same.
  const id = new URL(pinnedUrl).pathname.split("/")[2];
  const embed = await (await request.get(`/embed/s/${id}`)).text();
  expect(embed).toContain("used 9B tokens");
  expect(embed).toContain("Pinned: data as of 1 Mar 2026");
  expect((await request.get(`/api/image/s/${id}`)).headers()["content-type"]).toBe("image/png");

  // "View live data" leads to the live view, which has the new numbers.
  await page.getByRole("link", { name: "View live data" }).click();
  await expect(page).toHaveURL(/\/models\/e2e\/pin-model\?from=2026-02-20&to=2026-03-31&interval=day#model-adoption$/);
  await expect(summary).toContainText("used 14B tokens");

  // A control changed on a pinned view leaves for the live view in that state.
  await page.goto(pinnedUrl);
  await page.locator('[data-chart-id="model-adoption"]').getByRole("group", { name: "Metric", exact: true }).getByRole("button", { name: "Cumulative" }).click();
  await expect(page).toHaveURL(/\/models\/e2e\/pin-model\?.*metric=cumulative/);
});

test("unknown permalinks are a 404 page; live permalinks redirect to the view", async ({ page, request }) => {
  const res = await page.goto("/s/AAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Permalink not found" })).toBeVisible();
  expect((await request.get("/embed/s/AAAAAAAAAAAA")).status()).toBe(404);

  const live = await request.post("/api/share", { data: { view: "vendors", chart: "vendor-ranking", query: "variant=paid", mode: "live" } });
  expect(live.status()).toBe(201);
  const body = await live.json();
  expect(body.pinnedUrl).toBeNull();
  await page.goto(body.url);
  await expect(page).toHaveURL(/\/vendors\?variant=paid#vendor-ranking$/);

  // Invalid requests are located 4xx answers.
  const bad = await request.post("/api/share", { data: { view: "compare", query: "interval=fortnight" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details[0].path).toBe("query.interval");
  expect((await request.post("/api/share", { data: { view: "model", subject: "nobody/nothing", query: "" } })).status()).toBe(404);
  const big = await request.post("/api/share", { data: { view: "overview", query: "x".repeat(10_000) }, headers: { "content-type": "application/json" } });
  expect(big.status()).toBe(413);
});
