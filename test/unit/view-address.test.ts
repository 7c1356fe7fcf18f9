/** lib/view/address.ts: every view's URL ↔ state round trip, chart addresses, and oEmbed's URL recognition. */
import { describe, expect, it } from "vitest";
import { targetOfUrl } from "@/lib/share/oembed";
import { chartHref, chartOfFragment, pageHref, parseChartPath, parsePagePath, parsePageUrl, parsePermalinkPath, type ViewAddress } from "@/lib/view/address";
import { CHART_IDS, CHARTS, DEFAULT_CHART } from "@/lib/view/charts";
import { DEFAULT_VIEW, PAGE_DEFAULTS, parseRenderParams, VIEWS, type ViewState } from "@/lib/view/state";

const state = (view: keyof typeof PAGE_DEFAULTS, s: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW, ...PAGE_DEFAULTS[view], ...s });
const ORIGIN = "https://modelshare.example";

const ADDRESSES: ViewAddress[] = [
  { view: "overview", subject: null, state: state("overview", { top: 5, interval: "month" }) },
  { view: "model", subject: "deepseek/deepseek-chat-v3-0324:free", state: state("model", { metric: "cumulative", align: "launch", scale: "log", from: "2025-03-24", to: "2025-09-30" }) },
  { view: "compare", subject: null, state: state("compare", { models: [["google/gemini-3-flash-preview"], ["anthropic/claude-haiku-4.5", "anthropic/claude-haiku-4.5:free"]], display: "table" }) },
  { view: "vendors", subject: null, state: state("vendors", { authors: ["google", "anthropic"], variant: "paid", interval: "week" }) },
  { view: "app", subject: "my app/with spaces & ?", state: state("app", { metric: "share", interval: "week" }) },
];

describe("page URLs are the state", () => {
  it.each(ADDRESSES.map((a) => [a.view, a] as const))("%s: pageHref → parsePageUrl gives the same address", (_, a) => {
    const href = pageHref(a);
    expect(parsePageUrl(new URL(href, ORIGIN))).toEqual(a);
  });

  it("writes only values that differ from the page's own defaults", () => {
    expect(pageHref({ view: "overview", subject: null, state: state("overview") })).toBe("/");
    expect(pageHref({ view: "vendors", subject: null, state: state("vendors") })).toBe("/vendors");
    expect(pageHref({ view: "vendors", subject: null, state: state("vendors", { interval: "day" }) })).toBe("/vendors?interval=day");
    expect(pageHref({ view: "model", subject: "google/gemini-3-flash-preview", state: state("model") })).toBe("/models/google/gemini-3-flash-preview");
    expect(pageHref({ view: "app", subject: "kilo-code", state: state("app", { interval: "week" }) })).toBe("/apps/kilo-code?interval=week");
  });

  it("falls back to defaults on invalid values and refuses non-pages", () => {
    const a = parsePageUrl(new URL("/compare?interval=fortnight&top=-3&models=%3Cscript%3E&theme=dark", ORIGIN))!;
    expect(a.state).toEqual(state("compare"));
    for (const p of ["/api/v1/usage", "/embed/compare/compare-usage", "/s/abc", "/compare/extra", "/apps/a/b", "/models/"]) expect(parsePagePath(p), p).toBeNull();
    expect(parsePagePath("/models/bad%20id")).toBeNull(); // not a model id
  });
});

describe("chart addresses", () => {
  it("every chart belongs to a view and every view has a default chart of its own", () => {
    for (const v of VIEWS) expect(CHARTS[DEFAULT_CHART[v]].view).toBe(v);
    expect(new Set(CHART_IDS.map((c) => CHARTS[c].view))).toEqual(new Set(VIEWS));
  });

  it.each(ADDRESSES.map((a) => [a.view, a] as const))("%s: chartHref → parseChartPath round trip", (_, a) => {
    const chart = DEFAULT_CHART[a.view];
    for (const prefix of ["/embed", "/api/image"] as const) {
      const href = chartHref(prefix, { kind: "live", address: a, chart }, { theme: "dark", format: "svg", download: true });
      const url = new URL(href, ORIGIN);
      const segments = url.pathname.split("/").slice(prefix === "/embed" ? 2 : 3);
      expect(parseChartPath(segments, url.searchParams)).toEqual({ kind: "live", address: a, chart });
      expect(parseRenderParams(url.searchParams)).toEqual({ theme: "dark", format: "svg", download: true });
    }
  });

  it("permalinks and their charts", () => {
    expect(chartHref("/embed", { kind: "permalink", id: "abcDEF123456", chart: null })).toBe("/embed/s/abcDEF123456");
    expect(chartHref("/api/image", { kind: "permalink", id: "abcDEF123456", chart: "compare-spend" }, { format: "png" })).toBe("/api/image/s/abcDEF123456/compare-spend");
    expect(parseChartPath(["s", "abcDEF123456", "compare-spend"], new URLSearchParams())).toEqual({ kind: "permalink", id: "abcDEF123456", chart: "compare-spend" });
    expect(parseChartPath(["s", "bad!"], new URLSearchParams())).toBeNull();
    expect(parsePermalinkPath("/s/abcDEF123456")).toBe("abcDEF123456");
    expect(parsePermalinkPath("/s/abc")).toBeNull();
  });

  it("refuses a chart of another view, missing or extra subjects", () => {
    const q = new URLSearchParams();
    expect(parseChartPath(["compare", "vendor-ranking"], q)).toBeNull();
    expect(parseChartPath(["model", "model-adoption"], q)).toBeNull();
    expect(parseChartPath(["compare", "compare-usage", "extra"], q)).toBeNull();
    expect(parseChartPath(["app", "app-volume", "a", "b"], q)).toBeNull();
    expect(parseChartPath(["compare", "nope"], q)).toBeNull();
    expect(parseRenderParams(new URLSearchParams("theme=neon&format=gif"))).toEqual({ theme: "auto", format: "png", download: false });
  });

  it("a page URL's fragment picks the chart when it is one of the view's", () => {
    expect(chartOfFragment("compare", "#compare-spend")).toBe("compare-spend");
    expect(chartOfFragment("compare", "#vendor-ranking")).toBe("compare-usage");
    expect(chartOfFragment("overview", "")).toBe("overview-share");
  });
});

describe("oEmbed recognises this site's shareable URLs only", () => {
  it("pages, permalinks and embeds of this origin", () => {
    expect(targetOfUrl(`${ORIGIN}/compare?models=a/b,c/d#compare-spend`, ORIGIN)).toMatchObject({ kind: "live", chart: "compare-spend", address: { view: "compare" } });
    expect(targetOfUrl(`${ORIGIN}/s/abcDEF123456#compare-usage`, ORIGIN)).toEqual({ kind: "permalink", id: "abcDEF123456", chart: "compare-usage" });
    expect(targetOfUrl(`${ORIGIN}/embed/vendors/vendor-ranking?variant=paid`, ORIGIN)).toMatchObject({ kind: "live", chart: "vendor-ranking" });
  });
  it("null for other origins, other paths and junk", () => {
    expect(targetOfUrl("https://evil.example/compare", ORIGIN)).toBeNull();
    expect(targetOfUrl(`${ORIGIN.replace("https", "http")}/compare`, ORIGIN)).toBeNull();
    expect(targetOfUrl(`${ORIGIN}/api/v1/usage`, ORIGIN)).toBeNull();
    expect(targetOfUrl("not a url", ORIGIN)).toBeNull();
    expect(targetOfUrl("javascript:alert(1)", ORIGIN)).toBeNull();
  });
});
