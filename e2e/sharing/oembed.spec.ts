import { expect, test } from "@playwright/test";
import { COMPARE_QUERY, pngSize, share } from "./helpers";

const PAGES = [
  { path: "/", chart: "overview-share" },
  { path: "/models/google/gemini-3-flash-preview?from=2026-01-01&to=2026-01-31", chart: "model-adoption" },
  { path: `/compare?${COMPARE_QUERY}`, chart: "compare-usage" },
  { path: "/vendors?from=2025-04-01&to=2025-09-30", chart: "vendor-free-share" },
  { path: "/apps/kilo-code?from=2025-06-01&to=2026-02-28", chart: "app-model-mix" },
];

test("every shareable page has oEmbed discovery, Open Graph and Twitter cards whose image is its chart", async ({ page, request, baseURL }) => {
  const { id } = await share(request, { view: "compare", chart: "compare-top-apps", query: COMPARE_QUERY });
  for (const p of [...PAGES, { path: `/s/${id}`, chart: "compare-top-apps" }]) {
    await page.goto(p.path);
    const link = page.locator('head link[rel="alternate"][type="application/json+oembed"]');
    await expect(link, p.path).toHaveCount(1);
    expect(await link.getAttribute("title"), p.path).toMatch(/\(Modelshare\)$/);
    const discovery = new URL((await link.getAttribute("href"))!);
    expect(discovery.pathname).toBe("/api/oembed");
    expect(new URL(discovery.searchParams.get("url")!).pathname).toBe(new URL(p.path, baseURL).pathname);

    const meta = (sel: string) => page.locator(`head meta[${sel}]`).getAttribute("content");
    const description = await meta('name="description"');
    expect(description, p.path).toMatch(/^.+: .+\.$/); // "<chart title>: <summary from the data>."
    expect(await meta('property="og:description"')).toBe(description);
    expect(await meta('name="twitter:card"')).toBe("summary_large_image");
    expect(await meta('property="og:image:width"')).toBe("1200");
    expect(await meta('property="og:image:height"')).toBe("630");
    const image = (await meta('property="og:image"'))!;
    expect(await meta('name="twitter:image"')).toBe(image);
    expect(new URL(image).pathname).toContain(`/${p.chart}`);
    const png = await request.get(image);
    expect(png.status(), image).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });

    // The discovery link answers a spec-valid rich response.
    const res = await request.get(discovery.toString());
    expect(res.status()).toBe(200);
    const o = await res.json();
    for (const k of ["type", "version", "html", "width", "height", "title", "provider_name", "provider_url", "thumbnail_url", "thumbnail_width", "thumbnail_height"]) expect(o, `${p.path}: ${k}`).toHaveProperty(k);
    expect(o.type).toBe("rich");
    expect(o.version).toBe("1.0");
    expect(Number.isInteger(o.width) && Number.isInteger(o.height)).toBe(true);
    expect(o.html).toMatch(/^<iframe src="[^"]+\/embed\/[^"]+" title="[^"]+" width="\d+" height="\d+" loading="lazy"/);
    expect(o.thumbnail_width).toBe(1200);
    expect(o.thumbnail_height).toBe(630);
  }
});

test("oEmbed: maxwidth/maxheight respected, #chart picks a chart, 404 for other sites and non-pages, 501 for XML", async ({ request, baseURL }) => {
  const url = `${baseURL}/compare?${COMPARE_QUERY}#compare-spend`;
  const o = await (await request.get(`/api/oembed?url=${encodeURIComponent(url)}&maxwidth=400&maxheight=300&format=json`)).json();
  expect(o.width).toBeLessThanOrEqual(400);
  expect(o.height).toBeLessThanOrEqual(300);
  expect(o.html).toContain("/embed/compare/compare-spend?");
  expect(o.title).toBe("Compare Gemini 3 Flash Preview vs Claude Haiku 4.5: Estimated spend, 1 Jan 2026 – 31 Jan 2026");
  // The iframe it gives renders.
  const src = /src="([^"]+)"/.exec(o.html)![1].replace(/&amp;/g, "&");
  expect((await request.get(src)).status()).toBe(200);

  expect((await request.get(`/api/oembed?url=${encodeURIComponent("https://example.com/compare")}`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/api/v1/usage`)}`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/s/AAAAAAAAAAAA`)}`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/models/nobody/nothing`)}`)).status()).toBe(404);
  expect((await request.get(`/api/oembed?url=${encodeURIComponent(url)}&format=xml`)).status()).toBe(501);
  expect((await request.get("/api/oembed")).status()).toBe(400);
});

test("link-preview images: 1200×630 PNGs drawn from the state, different for different states; SVG downloads", async ({ request }) => {
  const a = await (await request.get(`/api/image/compare/compare-usage?${COMPARE_QUERY}`)).body();
  const b = await (await request.get(`/api/image/compare/compare-usage?${COMPARE_QUERY}&metric=share`)).body();
  expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
  expect(pngSize(b)).toEqual({ width: 1200, height: 630 });
  expect(a.equals(b)).toBe(false);
  const dark = await request.get(`/api/image/compare/compare-usage?${COMPARE_QUERY}&theme=dark&download=1`);
  expect(dark.headers()["content-disposition"]).toBe('attachment; filename="modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-2026-01.png"');

  const svg = await request.get(`/api/image/compare/compare-top-apps?${COMPARE_QUERY}&format=svg&download=1`);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(svg.headers()["content-disposition"]).toBe('attachment; filename="modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-top-apps-2026-01.svg"');
  const text = await svg.text();
  expect(text).toMatch(/^<\?xml[^>]+>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1200 630"/);
  expect(text).toContain(">Lemonade<");
  expect(text).toContain(">236B<");
  expect((await request.get("/api/image/compare/not-a-chart")).status()).toBe(404);
});
