import { expect, test } from "@playwright/test";
import { ingest, pngSize } from "./helpers";
import { waitForChart } from "../dashboard/helpers";

/** External strings an attacker controls: model, app and source names, and a citation. */
const SCRIPT = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`;
const QUOTES = `Quote's "model" & <b>bold</b>`;
const RTL = "Evil \u202Egnp.exe\u202C model";
const FORMULA = "=cmd|' /C calc'!A0";

const SNAPSHOT = {
  format: "modelshare.snapshot/v1",
  source: `e2e ${SCRIPT}`,
  capturedAt: "2026-03-01T00:00:00Z",
  citation: `Source: ${QUOTES} ${SCRIPT}, as of {as_of}.`,
  models: [
    { id: "e2e/hostile-1", name: `${SCRIPT} ${RTL}`, launchDate: "2026-02-01", contextLength: 1000 },
    { id: "e2e/hostile-2", name: QUOTES, launchDate: "2026-02-01", contextLength: 1000 },
  ],
  modelUsage: ["2026-02-10", "2026-02-11", "2026-02-12"].flatMap((date) => [
    { date, model: "e2e/hostile-1", totalTokens: "5000000" },
    { date, model: "e2e/hostile-2", totalTokens: "3000000" },
  ]),
  apps: [
    { id: "e2e-formula", name: FORMULA },
    { id: "e2e-script", name: SCRIPT },
  ],
  appUsage: [
    { app: "e2e-formula", model: "e2e/hostile-1", period: "2026-02-10", totalTokens: "4000000" },
    { app: "e2e-script", model: "e2e/hostile-1", period: "2026-02-10", totalTokens: "1000000" },
  ],
};

const RANGE = "from=2026-02-01&to=2026-02-28&interval=day";
const COMPARE = `/compare?models=e2e/hostile-1,e2e/hostile-2&${RANGE}`;

test("hostile names are inert in pages, embeds, SVG, link previews, oEmbed HTML and CSV", async ({ page, request, baseURL }) => {
  await ingest(request, SNAPSHOT);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // Pages: text, never markup; the bidi override does not reach the sentences the name is quoted in.
  for (const path of [COMPARE, `/models/e2e/hostile-1?${RANGE}`, `/apps/e2e-script?${RANGE}`]) {
    await page.goto(path);
    await expect(page.locator("figure[data-chart-id]").first()).toBeVisible();
    await expect(page.locator('img[src="x"], b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  await page.goto(COMPARE);
  const summary = page.locator('[data-chart-id="compare-usage"] [data-chart-summary]');
  await expect(summary).toContainText("<script>window.__pwned=1</script>");
  await expect(summary).toContainText(`Quote's "model" & <b>bold</b>`);
  expect(await summary.textContent()).not.toContain("\u202E");
  await expect(page.locator('[data-chart-id="compare-usage"] [data-chart-summary]')).toContainText("Evil gnp.exe model");

  // Embed: escaped text, the only script is ours.
  const embed = await (await request.get(`/embed/compare/compare-usage?models=e2e/hostile-1,e2e/hostile-2&${RANGE}`)).text();
  expect(embed).not.toContain("<script>window");
  expect(embed).not.toContain("<img");
  expect(embed).not.toContain("<b>");
  expect(embed).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  // Two executable scripts, both ours (the resize script and the hover script, each allowed by its CSP hash);
  // the hover data is JSON whose "<" are escaped, so a name cannot close its tag.
  const scripts = [...embed.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(2);
  for (const body of scripts) expect(body).not.toContain("__pwned");
  const data = /<script type="application\/json" id="hover-data">([\s\S]*?)<\/script>/.exec(embed)?.[1] ?? "";
  expect(data).not.toContain("<");
  expect(data).toContain("\\u003cscript>window.__pwned=1\\u003c/script>");
  await page.goto(`/embed/compare/compare-usage?models=e2e/hostile-1,e2e/hostile-2&${RANGE}`);
  await expect(page.locator(".chart svg:visible")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // SVG download: well-formed XML, names as text.
  const svg = await (await request.get(`/api/image/compare/compare-usage?models=e2e/hostile-1,e2e/hostile-2&${RANGE}&format=svg`)).text();
  expect(svg).not.toMatch(/<script|<img|<b>|onerror="/);
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return { error: doc.getElementsByTagName("parsererror").length, scripts: doc.getElementsByTagName("script").length, text: doc.documentElement.textContent };
  }, svg);
  expect(parsed).toMatchObject({ error: 0, scripts: 0 });
  expect(parsed.text).toContain("<script>window.__pwned=1</script>");

  // Link previews render (no crash, no network fetch for unknown glyphs).
  for (const path of [`/api/image/compare/compare-usage?models=e2e/hostile-1,e2e/hostile-2&${RANGE}`, `/api/image/model/model-top-apps/e2e/hostile-1?${RANGE}`, `/api/image/app/app-volume/e2e-script?${RANGE}`]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  }

  // oEmbed HTML: the title is an escaped attribute; parsed, it is one iframe (and our script) whose title is the text.
  const o = await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/models/e2e/hostile-1?${RANGE}`)}`)).json();
  expect(o.html).not.toMatch(/<script>window|<img|<b>/);
  const html = await page.evaluate((h) => {
    const t = document.createElement("template");
    t.innerHTML = h;
    return { tags: [...t.content.children].map((e) => e.tagName), title: t.content.querySelector("iframe")?.getAttribute("title") };
  }, o.html);
  expect(html.tags).toEqual(["IFRAME", "SCRIPT"]);
  expect(html.title).toContain("<script>window.__pwned=1</script>");
  expect(o.title).toContain("<script>");

  // CSV: the formula is neutralised, from the API and from the page's download.
  const csv = await (await request.get(`/api/v1/apps?models=e2e/hostile-1&${RANGE}&format=csv`)).text();
  expect(csv).toContain(`e2e-formula,'=cmd|' /C calc'!A0,`);
  await page.goto(`/models/e2e/hostile-1?${RANGE}`);
  const apps = await waitForChart(page, "model-top-apps");
  const [download] = await Promise.all([page.waitForEvent("download"), apps.getByRole("button", { name: /CSV/ }).click()]);
  const { readFileSync } = await import("node:fs");
  const file = readFileSync((await download.path())!, "utf8");
  expect(file).toContain(`,'=cmd|' /C calc'!A0,`);
  expect(file).not.toMatch(/(^|,)=cmd/m);
  expect(dialogs).toEqual([]);
});
