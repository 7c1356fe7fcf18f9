import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoAxeViolations, waitForChart } from "../dashboard/helpers";
import { COMPARE_QUERY, pngSize } from "./helpers";

test("the Share menu works from the keyboard: copy link, embed code, downloads; Escape closes and returns focus", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/compare?${COMPARE_QUERY}`);
  const frame = await waitForChart(page, "compare-usage");
  const button = frame.getByRole("button", { name: "Share Adoption" });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const panel = frame.getByRole("group", { name: "Share Adoption" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: /^Copy link/ })).toBeFocused();

  // Copy link: the live URL of this state, pointing at the chart.
  await page.keyboard.press("Enter");
  await expect(panel.locator("[data-share-link]")).toHaveValue(`${baseURL}/compare?${new URLSearchParams(COMPARE_QUERY)}#compare-usage`);
  await expect(panel.getByRole("status")).toContainText(/Link( copied|: select)/);

  // Embed: the snippet is a responsive, titled, lazy iframe of this chart, with the optional embed.js.
  await panel.getByRole("button", { name: /Embed/ }).click();
  const snippet = panel.locator("[data-embed-snippet]");
  await expect(snippet).toBeVisible();
  const code = await snippet.inputValue();
  expect(code).toContain(`<iframe src="${baseURL}/embed/compare/compare-usage?${new URLSearchParams(COMPARE_QUERY).toString().replace(/&/g, "&amp;")}"`);
  expect(code).toMatch(/title="Adoption \(Modelshare\)" width="720" height="\d+" loading="lazy" style="border:0;width:100%;max-width:720px"/);
  expect(code).toContain(`<script async src="${baseURL}/embed.js"></script>`);
  await panel.getByRole("checkbox", { name: /Auto-resize/ }).uncheck();
  await expect(snippet).not.toHaveValue(/embed\.js/);
  await panel.getByRole("checkbox", { name: /Auto-resize/ }).check();
  await page.screenshot({ path: "test-results/sharing/share-menu-1280.png" });
  await expectNoAxeViolations(page);

  // Pinned embed: creates a permalink and switches the code to it.
  await panel.getByRole("radio", { name: /Pinned/ }).check();
  await expect(snippet).toHaveValue(/\/embed\/s\/[0-9A-Za-z]{12}\/compare-usage"/);

  // Downloads: PNG and SVG of this chart in this state.
  const [png] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: /Download PNG/ }).click()]);
  expect(png.suggestedFilename()).toBe("modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-2026-01.png");
  expect(pngSize(readFileSync((await png.path())!))).toEqual({ width: 1200, height: 630 });
  const [svg] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: /Download SVG/ }).click()]);
  expect(svg.suggestedFilename()).toBe("modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-2026-01.svg");
  expect(readFileSync((await svg.path())!, "utf8")).toContain("Gemini 3 Flash Preview");

  // Escape closes and gives focus back to the button; so does a click outside (without stealing focus).
  await panel.getByRole("button", { name: /^Copy link/ }).focus();
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await button.click();
  await expect(panel).toBeVisible();
  await page.locator("h1").click();
  await expect(panel).toBeHidden();

  // Narrow screens: the open menu stays inside the viewport.
  await page.setViewportSize({ width: 390, height: 844 });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/sharing/share-menu-390.png" });
});
