/**
 * A chart as a self-contained picture (1200×630 by default): brand, title, the chart with its legend, and
 * the source line; "Pinned: data as of …" or "Sample data" in the corner. The link-preview PNG (og.tsx) and
 * the SVG download (svg.ts) are this one scene.
 */
import { formatTimestamp } from "@/lib/format";
import { sourceLines } from "../source";
import type { Figure } from "../types";
import { layoutBars } from "./bars-layout";
import { layoutLegend } from "./legend-layout";
import { emptyScene, place, type Scene } from "./scene";
import { fitText, textWidth, wrapText } from "./text";
import { layoutTime } from "./time-layout";

export interface CardOptions {
  /** The view the chart belongs to ("Compare A vs B"), written after the brand. */
  context?: string;
  width?: number;
  height?: number;
  /** A permalink's pinned data: its as_of (ISO) is stated in the corner. */
  pinnedAsOf?: string | null;
  pinned?: boolean;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

function cornerNote(fig: Figure, opts: CardOptions): string | null {
  if (opts.pinned) return `Pinned: data as of ${opts.pinnedAsOf ? formatTimestamp(opts.pinnedAsOf) : "the time of sharing"}`;
  return fig.provenance?.sample ? "Sample data" : null;
}

export function layoutCard(fig: Figure, opts: CardOptions = {}): Scene {
  const W = opts.width ?? CARD_WIDTH;
  const H = opts.height ?? CARD_HEIGHT;
  const pad = Math.round(W * 0.04);
  const inner = W - 2 * pad;
  const scene = emptyScene(W, H);

  const brandY = pad + 16;
  scene.texts.push({ x: pad, y: brandY, text: "Modelshare", size: 22, anchor: "start", paint: "accent", weight: 600 });
  const note = cornerNote(fig, opts);
  const noteW = note ? textWidth(note, 18) + 20 : 0;
  if (note) {
    scene.shapes.push({ type: "rect", x: W - pad - noteW, y: brandY - 21, w: noteW, h: 30, rx: 6, fill: "badgeBg" });
    scene.texts.push({ x: W - pad - noteW / 2, y: brandY, text: note, size: 18, anchor: "middle", paint: "badgeText", weight: 600 });
  }
  if (opts.context) {
    const x = pad + textWidth("Modelshare", 22) + 14;
    const text = fitText(`· ${opts.context}`, 20, W - pad - noteW - 16 - x);
    scene.texts.push({ x, y: brandY, text, size: 20, anchor: "start", paint: "muted", full: `${opts.context}` });
  }

  const titleSize = 38;
  const titleLines = wrapText(fig.title, titleSize, inner, 2);
  titleLines.forEach((line, i) => scene.texts.push({ x: pad, y: brandY + 52 + i * 46, text: line, size: titleSize, anchor: "start", paint: "text", weight: 600 }));
  const titleBottom = brandY + 52 + (titleLines.length - 1) * 46;
  // The author's subtitle (one line) takes the first of the summary's two lines.
  const subtitleSize = 24;
  const subtitle = fig.subtitle ? fitText(fig.subtitle, subtitleSize, inner) : null;
  if (subtitle) scene.texts.push({ x: pad, y: titleBottom + 38, text: subtitle, size: subtitleSize, anchor: "start", paint: "text", full: fig.subtitle });
  const summaryTop = titleBottom + 36 + (subtitle ? 32 : 0);
  const summarySize = 21;
  const summary = wrapText(fig.summary, summarySize, inner, subtitle ? 1 : 2);
  summary.forEach((line, i) => scene.texts.push({ x: pad, y: summaryTop + i * 28, text: line, size: summarySize, anchor: "start", paint: "muted" }));
  const chartTop = summaryTop + (summary.length - 1) * 28 + 30;

  const sourceSize = 17;
  const source = wrapText(sourceLines(fig.provenance).join(" "), sourceSize, inner, 2);
  const sourceTop = H - pad - (source.length - 1) * 22;
  source.forEach((line, i) => scene.texts.push({ x: pad, y: sourceTop + i * 22, text: line, size: sourceSize, anchor: "start", paint: "muted" }));
  // Footnotes (how a figure is estimated, partial periods, windows) above the source, as space allows.
  const noteSize = 15;
  const notes = fig.footnotes.length ? wrapText(fig.footnotes.join(" "), noteSize, inner, 2) : [];
  const notesTop = sourceTop - 26 - (notes.length - 1) * 19;
  notes.forEach((line, i) => scene.texts.push({ x: pad, y: notesTop + i * 19, text: line, size: noteSize, anchor: "start", paint: "muted" }));
  const chartH = (notes.length ? notesTop - 19 : sourceTop) - 30 - chartTop;

  const font = 17;
  if (!fig.plot) {
    const midY = chartTop + chartH / 2;
    scene.texts.push({ x: W / 2, y: midY, text: fitText(fig.empty?.message ?? "Nothing to show", 26, inner), size: 26, anchor: "middle", paint: "text", weight: 600 });
    if (fig.empty?.suggestion) scene.texts.push({ x: W / 2, y: midY + 36, text: fitText(fig.empty.suggestion, 20, inner), size: 20, anchor: "middle", paint: "muted" });
    return scene;
  }
  if (fig.plot.type === "time") {
    const legendH = layoutLegend(fig.plot.series, inner, font).height;
    const plotH = Math.max(120, chartH - (legendH ? legendH + font * 0.6 : 0));
    place(scene, layoutTime(fig.plot, { width: inner, height: plotH, font, legend: true }), pad, chartTop);
  } else {
    place(scene, layoutBars(fig.plot, { width: inner, font, maxHeight: chartH }), pad, chartTop);
  }
  return scene;
}
