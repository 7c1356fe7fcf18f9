/** lib/figures/render: the plain-SVG chart renderer shared by embeds, images and downloads. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BarPlot, Figure, TimePlot } from "@/lib/figures/types";
import { layoutBars } from "@/lib/figures/render/bars-layout";
import { layoutCard } from "@/lib/figures/render/card";
import { fontCoverage } from "@/lib/figures/render/cmap";
import { OG_FONT_RANGES } from "@/lib/figures/render/og-glyphs";
import { ogText } from "@/lib/figures/render/og-text";
import { DARK, LIGHT, themeCss } from "@/lib/figures/palette";
import { escapeXml, sceneToSvg } from "@/lib/figures/render/svg";
import { fitText, wrapText } from "@/lib/figures/render/text";
import { linearTicks } from "@/lib/figures/axes";
import { layoutTime } from "@/lib/figures/render/time-layout";
import { layoutLegend } from "@/lib/figures/render/legend-layout";
import { cleanText, shortName } from "@/lib/labels";

const HOSTILE = `<script>alert("x")</script> & 'q' \u202Eevil`;

const line: TimePlot = {
  type: "time",
  kind: "line",
  scale: "linear",
  x: "week",
  y: "tokens",
  height: 300,
  rows: [
    { x: "2026-01-05", s0: 1e9, s1: 2e9 },
    { x: "2026-01-12", s0: null, s1: 3e9 },
    { x: "2026-01-19", s0: 4e9, s1: 1e9 },
    { x: "2026-01-26", s0: 5e9, s1: 0 },
  ],
  series: [
    { key: "s0", label: HOSTILE, color: 0 },
    { key: "s1", label: "Claude Haiku 4.5", color: 1 },
  ],
};

describe("escaping", () => {
  it("escapes markup and quotes, and replaces characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeXml("a\ud800b\u0001c\uffff")).toBe("a\ufffdb\ufffdc\ufffd");
    expect(escapeXml("😀")).toBe("😀");
  });

  it("an SVG with hostile labels carries them as text only", () => {
    const svg = sceneToSvg(layoutTime(line, { width: 600, height: 300, font: 12, legend: true }), LIGHT, { title: HOSTILE, desc: HOSTILE, standalone: true });
    expect(svg).not.toMatch(/<script|alert\("x"\)/);
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    // Well-formed: every tag closes (a crude check without a DOM: no stray "<" inside text).
    expect(svg.replace(/<[^<>]+>/g, "")).not.toMatch(/[<>]/);
  });

  it("labels drop bidi overrides and control characters", () => {
    expect(cleanText("a\u202Eb\u2066c\u0007d")).toBe("abc d");
    expect(shortName("Google: \u202EGemini")).toBe("Gemini");
  });
});

describe("time plots", () => {
  it("leave gaps where a series has no value and keep zero on a linear scale", () => {
    const scene = layoutTime(line, { width: 600, height: 300, font: 12 });
    const paths = scene.shapes.filter((s) => s.type === "path");
    expect(paths).toHaveLength(2);
    const [a] = paths as { d: string }[];
    expect(a.d.match(/M/g)).toHaveLength(2); // broken at the missing week
    expect(scene.texts.map((t) => t.text)).toContain("0");
    expect(scene.texts.map((t) => t.text)).toContain("5 Jan");
  });

  it("log scale: powers of ten, zeros dropped", () => {
    const scene = layoutTime({ ...line, scale: "log" }, { width: 600, height: 300, font: 12 });
    const ticks = scene.texts.filter((t) => t.anchor === "end").map((t) => t.text);
    expect(ticks).toEqual(["1B", "10B"]);
  });

  it("stacked areas: one closed path per series, shares on a fixed 0–100% domain", () => {
    const plot: TimePlot = { ...line, kind: "stacked-area", y: "share", domain: [0, 1], rows: line.rows.map((r) => ({ ...r, s0: 0.25, s1: 0.5 })) };
    const scene = layoutTime(plot, { width: 600, height: 300, font: 12 });
    const areas = scene.shapes.filter((s) => s.type === "path") as { d: string; fill?: string }[];
    expect(areas).toHaveLength(2);
    expect(areas.every((p) => p.d.endsWith("Z") && p.fill)).toBe(true);
    expect(scene.texts.filter((t) => t.anchor === "end").map((t) => t.text)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
  });

  it("nice ticks", () => {
    expect(linearTicks(0, 9.1e11)).toEqual([0, 2.5e11, 5e11, 7.5e11, 1e12]);
    expect(linearTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe("bar lists", () => {
  const bars: BarPlot = {
    type: "bars",
    sharedMax: true,
    panels: [
      { title: "A", color: 0, items: [{ key: "x", label: "Lemonade", value: 236, text: "236B", color: 0 }] },
      { title: "B", color: 1, items: [{ key: "y", label: "A very long app name that cannot possibly fit in the label column", value: 63.5, text: "63.5B", color: 1 }] },
    ],
  };
  it("one scale across panels; long labels shortened with the full name kept", () => {
    const scene = layoutBars(bars, { width: 800, font: 12 });
    const rects = scene.shapes.filter((s) => s.type === "rect") as { w: number }[];
    expect(rects[1].w / rects[0].w).toBeCloseTo(63.5 / 236, 1);
    const long = scene.texts.find((t) => t.full)!;
    expect(long.text.endsWith("…")).toBe(true);
    expect(long.full).toContain("cannot possibly fit");
  });
});

describe("the picture of a chart (link previews, downloads)", () => {
  const figure: Figure = {
    chart: "compare-usage",
    title: "Adoption",
    summary: "From 1 Jan 2026 – 31 Jan 2026, Gemini 3 Flash Preview used 2.98T tokens.",
    provenance: { sources: ["openrouter"], asOf: "2026-01-31T00:00:00.000Z", citations: ["Source: OpenRouter (openrouter.ai/rankings), as of 2026-01-31."], sample: false },
    plot: line,
    empty: null,
    footnotes: [],
    table: { columns: [], rows: [] },
  };
  it("is 1200×630 with the brand, context, title, summary and source, and a pinned note when pinned", () => {
    const scene = layoutCard(figure, { context: "Compare A vs B", pinned: true, pinnedAsOf: "2026-01-31T00:00:00.000Z" });
    expect([scene.width, scene.height]).toEqual([1200, 630]);
    const texts = scene.texts.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(["Modelshare", "· Compare A vs B", "Adoption", "Pinned: data as of 31 Jan 2026, 00:00 UTC", "Source: OpenRouter (openrouter.ai/rankings), as of 2026-01-31."]));
    for (const t of scene.texts) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(0);
      expect(t.y, t.text).toBeLessThanOrEqual(630);
    }
    expect(sceneToSvg(scene, DARK, { background: true })).toContain(`fill="${DARK.bg}"`);
  });
  it("an empty chart says why", () => {
    const scene = layoutCard({ ...figure, plot: null, empty: { message: "No usage in this range", suggestion: "Try a longer range." } });
    expect(scene.texts.map((t) => t.text)).toEqual(expect.arrayContaining(["No usage in this range", "Try a longer range."]));
  });
  it("fits and wraps text", () => {
    expect(fitText("abcdefghijklmnopqrstuvwxyz", 10, 60)).toMatch(/…$/);
    expect(wrapText("one two three four five six seven eight nine ten", 20, 200, 2)).toHaveLength(2);
  });
});

describe("text for next/og", () => {
  it("keeps what its font draws and replaces the rest, so rendering never fetches a font", () => {
    expect(ogText("Gemini 3 Flash – 236B × 3.7 ’26 −2.1 pp")).toBe("Gemini 3 Flash – 236B × 3.7 ’26 −2.1 pp");
    expect(ogText("日本 😀 ✓ ©")).toBe("?? ? v (c)");
    expect(ogText("Evil \u202Egnp.exe")).toBe("Evil gnp.exe");
  });
  it("the glyph table matches next/og's font (regenerate with scripts/og-glyphs.ts)", () => {
    const font = readFileSync(path.join(process.cwd(), "node_modules/next/dist/compiled/@vercel/og/Geist-Regular.ttf"));
    expect(fontCoverage(font)).toEqual(OG_FONT_RANGES.map(([a, b]) => [a, b]));
  });
});

describe("palette", () => {
  // WCAG 2.1 relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it.each([
    ["light", LIGHT],
    ["dark", DARK],
  ])("every series colour stands out from the %s background (non-text contrast ≥ 3:1)", (_, p) => {
    for (const c of p.series) expect(contrast(c, p.bg), c).toBeGreaterThanOrEqual(3);
  });

  it("the page's CSS variables are generated from the same palette as images", () => {
    const css = themeCss();
    LIGHT.series.forEach((c, i) => expect(css).toContain(`--series-${i}:${c}`));
    DARK.series.forEach((c, i) => expect(css).toContain(`--series-${i}:${c}`));
    expect(readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8")).not.toMatch(/--series-\d:/);
  });
});

describe("legend in images", () => {
  it("draws a window series' swatch as a dot, like the page's legend, and other series as lines", () => {
    const scene = layoutLegend(
      [
        { key: "s0", label: "Daily", color: 0 },
        { key: "s1", label: "Weekly windows", color: 1, points: true },
      ],
      600,
      12,
    );
    expect(scene.shapes.map((s) => s.type)).toEqual(["line", "circle"]);
  });
});
