/**
 * Honest charts in the figure and the SVG renderer: partial periods dashed and hollow with a note, gaps for
 * unreported values, "at least" in summaries, ratios only between exact totals and over the common launch
 * horizon, movers on one scale, twenty distinguishable series, a model's colour kept across charts, windows
 * drawn as windows.
 */
import { describe, expect, it } from "vitest";
import { PARTIAL_NOTE } from "@/lib/figures/marks";
import { colorSlots, PALETTE_SIZE } from "@/lib/figures/palette";
import { layoutBars } from "@/lib/figures/render/bars-layout";
import { sceneToSvg } from "@/lib/figures/render/svg";
import { layoutTime } from "@/lib/figures/render/time-layout";
import { LIGHT } from "@/lib/figures/palette";
import { seriesPlot } from "@/lib/figures/series";
import { usageSummary } from "@/lib/figures/summaries";
import type { BarPlot } from "@/lib/figures/types";
import { usageFigure } from "@/lib/figures/usage";
import type { AppMixResult, AppsResult, Series, SeriesPoint, UsageResult } from "@/lib/queries/types";
import { appMixFigure, appVolumeFigure } from "@/lib/figures/app";
import { topAppsTitle } from "@/lib/figures/apps";

const PROV = { sources: ["t"], asOf: null, citations: [], sample: false };
const pt = (period: string, tokens: string | null, o: Partial<SeriesPoint> = {}): SeriesPoint => ({
  period,
  tokens,
  value: tokens === null ? null : Number(tokens),
  partial: false,
  complete: tokens !== null,
  ...o,
});
const series = (key: string, points: SeriesPoint[], o: Partial<Series> = {}): Series => ({ key, label: key, members: [], launchDate: null, points, ...o });
const usage = (list: Series[], o: Partial<UsageResult> = {}): UsageResult => ({
  from: "2026-01-05",
  to: "2026-02-01",
  newestDay: "2026-02-01",
  interval: "week",
  align: "calendar",
  metric: "tokens",
  variant: "all",
  series: list,
  provenance: PROV,
  ...o,
});

describe("partial periods and unreported values", () => {
  const u = usage([
    series("a/full", [pt("2026-01-05", "100"), pt("2026-01-12", "120"), pt("2026-01-19", "130"), pt("2026-01-26", "40", { partial: true })]),
    series("b/gappy", [pt("2026-01-05", "50"), pt("2026-01-12", null), pt("2026-01-19", "60"), pt("2026-01-26", "20", { partial: true })]),
  ]);
  const fig = usageFigure("compare-usage", u, { title: "Adoption" });
  const svg = sceneToSvg(layoutTime(fig.plot as never, { width: 600, height: 300, font: 12 }), LIGHT);

  it("the figure says what dashed and hollow mean", () => {
    expect(fig.footnotes).toContain(PARTIAL_NOTE);
  });

  it("the last, partial week is a dashed segment ending in a hollow point", () => {
    const dashed = [...svg.matchAll(/<path[^>]*stroke-dasharray="4 3"[^>]*>/g)];
    expect(dashed.length).toBe(2); // one per series
    const hollow = [...svg.matchAll(/<circle[^>]*fill="#ffffff"[^>]*stroke="([^"]+)"/g)];
    expect(hollow.length).toBe(2);
  });

  it("an unreported week is a gap in the line, not a fall to zero", () => {
    const solid = [...svg.matchAll(/<path d="([^"]+)"[^>]*stroke="([^"]+)"[^>]*stroke-width="2"(?![^>]*dasharray)/g)].map((m) => m[1]);
    // Series b's solid line restarts after the gap: two sub-paths (two "M"s), or a lone point.
    expect(solid.some((d) => (d.match(/M/g) ?? []).length >= 2) || /<circle[^>]*r="3"/.test(svg)).toBe(true);
    expect(fig.plot && fig.plot.type === "time" && fig.plot.rows[1].s1).toBeNull();
  });

  it("summaries say 'at least' and quote no ratio between lower bounds", () => {
    expect(fig.summary).toContain("at least 130");
    expect(fig.summary).not.toMatch(/\d×/);
    expect(fig.summary).toContain("lower bounds");
  });

  it("the table says which series a period did not report", () => {
    const row = fig.table.rows.find((r) => r.period === "2026-01-12")!;
    expect(row.unreported).toBe("b/gappy");
    expect(row.s1).toBeNull();
  });
});

describe("launch alignment compares the common horizon only", () => {
  it("'in their first 14 days': totals over days both series have", () => {
    const u = usage(
      [
        series("fast/one", [pt("0", "700", { complete: true }), pt("7", "700"), pt("14", "700"), pt("21", "700")], { startsAt: 0 }),
        series("slow/two", [pt("0", "100"), pt("7", "100")], { startsAt: 0 }),
      ],
      { align: "launch", horizon: 14, interval: "week" },
    );
    const s = usageSummary(u);
    expect(s).toMatch(/^In their first 14 days after launch, fast\/one used 1.4K tokens, 7× slow\/two's 200/);
  });
});

describe("movers on one scale, losses pointing left", () => {
  it("a loss's bar ends left of zero, a gain's starts at zero, at lengths in proportion", () => {
    const plot: BarPlot = {
      type: "bars",
      sharedMax: false,
      diverging: true,
      panels: [
        {
          items: [
            { key: "up", label: "Up", value: 0.02, text: "+2.0 pp", color: 2 },
            { key: "down", label: "Down", value: -0.005, text: "−0.5 pp", color: 3 },
          ],
        },
      ],
    };
    const scene = layoutBars(plot, { width: 600, font: 12 });
    const [up, down] = scene.shapes.filter((s) => s.type === "rect") as { x: number; w: number }[];
    const zero = (scene.shapes.find((s) => s.type === "line") as { x1: number }).x1;
    expect(up.x).toBeCloseTo(zero, 0);
    expect(down.x + down.w).toBeCloseTo(zero, 0);
    expect(up.w / down.w).toBeCloseTo(4, 0);
  });
});

describe("top N means N, colours that stay", () => {
  it("twenty series get twenty different looks (hue, or the same hue dashed)", () => {
    const list = Array.from({ length: 20 }, (_, i) => series(`vendor/model-${i}`, [pt("2026-01-05", "1")]));
    const { series: plotted } = seriesPlot(list);
    expect(new Set(plotted.map((s) => `${Number(s.color) % PALETTE_SIZE}/${!!s.dashed}`)).size).toBe(20);
  });

  it("a model keeps its colour from one chart to another", () => {
    const [flashAlone] = colorSlots(["google/gemini-3-flash-preview"]);
    const [, flashSecond] = colorSlots(["anthropic/claude-haiku-4.5", "google/gemini-3-flash-preview"]);
    const [flashFirst] = colorSlots(["google/gemini-3-flash-preview", "x-ai/grok-4"]);
    expect(flashSecond).toBe(flashAlone);
    expect(flashFirst).toBe(flashAlone);
  });
});

describe("windows are windows", () => {
  it("an app known only from a source's window is drawn as that window, never as a calendar point", () => {
    const data: AppMixResult = {
      app: { appId: "1", name: "Kilo Code", url: null, categories: [] },
      from: "2026-08-01",
      to: "2026-08-31",
      interval: "month",
      basis: "window",
      tokens: "700",
      window: { from: null, to: "2026-08-28" },
      series: [series("anthropic/claude-haiku-4.5", [pt("2026-08-28", "700", { partial: true })])],
      provenance: PROV,
    };
    for (const fig of [appVolumeFigure(data), appMixFigure(data, false)]) {
      expect(fig.plot?.type).toBe("bars");
      expect(fig.title).toContain("the source's window to 28 Aug 2026 (start unknown)");
      expect(fig.title).not.toMatch(/Aug 2026 –|1 Aug/);
      expect(fig.footnotes.join(" ")).toContain("cannot be split into days or months");
    }
  });

  it("top apps over a window say so in the title, not the page's range", () => {
    const a: AppsResult = { from: "2026-06-24", to: "2026-09-21", model: "x/y", members: [], basis: "window", coverage: { from: null, to: "2026-08-28" }, apps: [], provenance: PROV };
    expect(topAppsTitle(a)).toBe("Top apps, the source's window to 28 Aug 2026 (start unknown)");
  });
});
