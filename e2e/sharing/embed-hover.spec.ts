/**
 * Embeds people can hover (issue 14): in a page of another origin, the embed's own script shows a tooltip
 * and highlights a series on mouse hover and on keyboard focus; without JavaScript the embed still shows
 * the whole chart. Event markers and the author's words reach the embed from the view state.
 */
import { expect, test } from "@playwright/test";
import { COMPARE_QUERY, HOST } from "./helpers";

const EMBED = `/embed/compare/compare-usage?${COMPARE_QUERY}`;

test("hover and keyboard focus on an embed in a page of another origin: tooltip with the period's values, a highlighted series", async ({ page, baseURL }) => {
  const src = `${baseURL}${EMBED}`;
  await page.goto(`${HOST}/host.html?script=1&src=${encodeURIComponent(src)}`);
  expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
  const frame = page.frameLocator("#chart");
  const chart = frame.locator(".chart");
  await expect(chart.locator("svg:visible")).toHaveCount(1);
  const tip = frame.locator(".tip");
  await expect(tip).toBeHidden();

  // Hover: the pointer over the middle of the plot names a period and each series' value.
  const box = (await chart.locator("svg:visible").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(tip).toBeVisible();
  const legend = await frame.locator(".legend li span").allTextContents();
  expect(legend.length).toBeGreaterThanOrEqual(2);
  for (const name of legend) await expect(tip).toContainText(name);
  await expect(tip.locator("b")).toHaveText(/\d{4}/);
  const hovered = await tip.locator("b").textContent();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.5);
  await expect(tip.locator("b")).not.toHaveText(hovered!);
  await page.mouse.move(box.x + box.width * 0.6, box.y - 40); // outside the plot
  await expect(tip).toBeHidden();

  // Highlight: hovering a legend item dims the other series.
  const first = frame.locator(".legend li").first();
  await first.hover();
  const key = await first.getAttribute("data-key");
  const opacities = await chart.locator("svg:visible path[data-s]").evaluateAll((ps) => ps.map((p) => [p.getAttribute("data-s"), (p as SVGElement).style.opacity]));
  expect(opacities.filter(([s]) => s === key).every(([, o]) => o === "")).toBe(true);
  expect(opacities.filter(([s]) => s !== key).every(([, o]) => o === "0.2")).toBe(true);

  // Keyboard: the chart takes focus and shows a period; End, Home and arrows move it; Escape hides it.
  await page.mouse.move(0, 0);
  await chart.focus();
  await expect(tip).toBeVisible();
  await page.keyboard.press("End");
  const last = await tip.locator("b").textContent();
  await page.keyboard.press("Home");
  await expect(tip.locator("b")).not.toHaveText(last!);
  await page.keyboard.press("End");
  await expect(tip.locator("b")).toHaveText(last!);
  await page.keyboard.press("ArrowLeft");
  await expect(tip.locator("b")).not.toHaveText(last!);
  await page.keyboard.press("End");
  await expect(tip.locator("b")).toHaveText(last!);
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
  // Legend items are focusable and highlight their series too.
  await first.focus();
  await expect.poll(() => chart.locator(`svg:visible path[data-s]:not([data-s="${key}"])`).first().evaluate((p) => (p as SVGElement).style.opacity)).toBe("0.2");
});

test("without JavaScript the embed still shows the whole chart (no tooltip, nothing missing)", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}${EMBED}`);
  await expect(page.locator(".chart svg:visible")).toHaveCount(1);
  await expect(page.locator(".legend li")).not.toHaveCount(0);
  await expect(page.locator(".tip")).toHaveCount(0);
  await expect(page.locator("figcaption")).toContainText("View on Modelshare");
  await context.close();
});

test("the author's words and the embed theme travel in the embed's address, escaped", async ({ page }) => {
  const hostile = `<img src=x onerror="window.__pwned=1">`;
  const words = new URLSearchParams({ title: `My title ${hostile}`, subtitle: "A subtitle", note: "Prices from the catalogue.", theme: "transparent" });
  await page.goto(`${EMBED}&${words}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`My title ${hostile}`);
  await expect(page.locator("p.sub")).toHaveText("A subtitle");
  await expect(page.locator("p.note").first()).toHaveText("Note: Prices from the catalogue.");
  await expect(page.locator("html")).toHaveClass("transparent");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img")).toHaveCount(0);
});
