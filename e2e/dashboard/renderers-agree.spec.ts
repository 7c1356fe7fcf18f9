/**
 * One figure, two renderers: every chart on every page is drawn by Recharts once the reader reaches for it
 * (the first paint is the server's SVG renderer, as in embeds), and its embed by the server's SVG renderer,
 * from the same figure (lib/figures). They must agree on what a reader compares: the series
 * (legend names), their colours, the value axis (tick labels, i.e. the domain), bar values, footnotes and
 * event markers (the period each marks and the event it names).
 */
import { expect, test, type Page } from "@playwright/test";
import { waitForCharts } from "./helpers";
import { PAGES } from "./pages";

interface Drawn {
  legend: string[];
  colors: string[];
  yTicks: string[];
  barValues: string[];
  footnotes: string[];
  /** "period | what happened" of each event marker. */
  events: string[];
}

const norm = (s: string) => s.replace(/\u00a0/g, " ").trim();
const sorted = (xs: string[]) => [...new Set(xs.map(norm))].filter(Boolean).sort();

async function drawnOnPage(page: Page, chart: string): Promise<Drawn> {
  const frame = page.locator(`figure[data-chart-id="${chart}"]`);
  return frame.evaluate((f) => {
    const texts = (sel: string) => [...f.querySelectorAll(sel)].map((e) => e.textContent ?? "");
    const attrs = (sel: string, a: string) => [...f.querySelectorAll(sel)].map((e) => e.getAttribute(a) ?? "");
    return {
      legend: texts('ul[aria-label^="Legend"] button[aria-pressed] span'),
      colors: [
        ...attrs(".recharts-line-curve, .recharts-area-curve", "stroke"),
        ...attrs(".recharts-bar-rectangle path", "fill"),
        ...[...f.querySelectorAll("h3 span[aria-hidden]")].map((e) => (e as HTMLElement).style.background),
      ],
      // Time plots only: a bar list's y axis holds its labels, not values.
      yTicks: f.querySelector(".recharts-line-curve, .recharts-area-curve") ? texts(".recharts-yAxis-tick-labels text") : [],
      barValues: texts(".recharts-label-list text"),
      footnotes: texts("figcaption > p"),
      events: [...f.querySelectorAll("[data-event-marker]")].map((e) => `${e.getAttribute("data-x")} | ${e.querySelector("title")?.textContent ?? ""}`),
    };
  });
}

async function drawnInEmbed(page: Page, url: string): Promise<Drawn> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  return page.locator("figure").evaluate((f) => {
    const texts = (sel: string) => [...f.querySelectorAll(sel)].map((e) => e.textContent ?? "");
    const attrs = (sel: string, a: string) => [...f.querySelectorAll(sel)].map((e) => e.getAttribute(a) ?? "");
    const svg = f.querySelector(".chart svg");
    const bars = svg ? [...svg.querySelectorAll("rect > title")].map((t) => (t.textContent ?? "").replace(/^.*: /, "")) : [];
    return {
      legend: texts("ul.legend li span"),
      colors: [...attrs('.chart svg path[stroke^="var(--series"]', "stroke"), ...attrs('.chart svg rect[fill^="var(--series"], .chart svg circle[fill^="var(--series"]', "fill")],
      yTicks: texts('.chart svg text[data-role="y-tick"]'),
      barValues: bars,
      footnotes: texts("p.note"),
      events: [...f.querySelectorAll('.chart svg path[data-mark="event-line"]')].map((e) => `${e.getAttribute("data-x")} | ${e.querySelector("title")?.textContent ?? ""}`),
    };
  });
}

for (const p of PAGES) {
  test(`${p.name}: page charts and their embeds agree`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(p.url);
    // The interactive charts: the first paint is the embeds' renderer already.
    const charts = await waitForCharts(page, { live: true });
    expect(charts.length).toBeGreaterThan(0);
    const [path, query = ""] = p.url.split("?");
    const subject = p.name === "model" || p.name === "app" ? path.split("/").slice(2).join("/") : "";
    const view = p.name;
    const results: Record<string, { page: Drawn; embed: Drawn }> = {};
    for (const chart of charts) {
      if (!(await page.locator(`figure[data-chart-id="${chart}"] [data-chart-body]`).count())) continue; // empty or not a figure
      results[chart] = { page: await drawnOnPage(page, chart), embed: { legend: [], colors: [], yTicks: [], barValues: [], footnotes: [], events: [] } };
    }
    for (const chart of Object.keys(results)) {
      const url = `/embed/${view}/${chart}${subject ? `/${subject}` : ""}${query ? `?${query}` : ""}`;
      results[chart].embed = await drawnInEmbed(page, url);
    }
    expect(Object.keys(results).length).toBeGreaterThan(0);
    // The sample's model page: Gemini 3 Flash launched inside the range shown, and its curve marks it.
    if (p.name === "model") expect(results["model-adoption"]?.page.events.length ?? 0, "model: events drawn").toBeGreaterThan(0);
    for (const [chart, { page: a, embed: b }] of Object.entries(results)) {
      expect.soft(sorted(a.legend), `${chart}: legend`).toEqual(sorted(b.legend));
      expect.soft(sorted(a.colors), `${chart}: colours`).toEqual(sorted(b.colors));
      expect.soft(sorted(a.yTicks), `${chart}: value axis`).toEqual(sorted(b.yTicks));
      expect.soft(sorted(a.barValues), `${chart}: bar values`).toEqual(sorted(b.barValues));
      expect.soft(sorted(a.footnotes), `${chart}: footnotes`).toEqual(sorted(b.footnotes));
      expect.soft(sorted(a.events), `${chart}: event markers`).toEqual(sorted(b.events));
      expect(a.colors.length + a.barValues.length, `${chart}: something drawn`).toBeGreaterThan(0);
    }
  });
}
