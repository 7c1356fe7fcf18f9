/**
 * Bar lists as a scene: horizontal bars with the label on the left (shortened with "…", the full name kept
 * as a tooltip) and the value written at the bar's end, one list per panel, panels side by side when there
 * is room. A shared maximum makes bar lengths comparable across panels.
 */
import type { BarPlot } from "../types";
import { colorPaint } from "../palette";
import { emptyScene, type Scene } from "./scene";
import { fitText, textWidth } from "./text";

export interface BarsLayoutOptions {
  width: number;
  font: number;
  /** Fit into this height (images): rows get thinner, then lists are cut. */
  maxHeight?: number;
  /** The value a full-length bar stands for, when the scale is shared with lists drawn apart (pages' panels). */
  max?: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** A bar's row and the bar in it (images may make rows thinner to fit). */
export const barRowHeight = (font: number) => Math.round(font * 2.7);
export const barThickness = (rowH: number) => Math.max(4, Math.round(rowH * 0.62));

/** Label and value columns sized to the items, within a panel `panelW` wide. */
export function barColumns(items: { label: string; text: string }[], font: number, panelW: number) {
  return {
    labelW: Math.min(panelW * 0.4, font * 14, Math.max(0, ...items.map((i) => textWidth(i.label, font))) + font * 0.2),
    valueW: Math.max(0, ...items.map((i) => textWidth(i.text, font))) + font * 0.6,
  };
}

export function layoutBars(plot: BarPlot, opts: BarsLayoutOptions): Scene {
  const { width, font } = opts;
  const panels = plot.panels;
  const gap = Math.round(font * 2);
  const cols = panels.length === 1 ? 1 : Math.max(1, Math.min(panels.length, Math.floor((width + gap) / (font * 24 + gap))));
  const gridRows = Math.ceil(panels.length / cols);
  const panelW = (width - gap * (cols - 1)) / cols;
  const titleH = panels.some((p) => p.title) ? Math.round(font * 2) : 0;
  const most = Math.max(1, ...panels.map((p) => p.items.length));
  let rowH = barRowHeight(font);
  let perPanel = most;
  if (opts.maxHeight) {
    const avail = opts.maxHeight - gridRows * titleH - (gridRows - 1) * gap;
    rowH = Math.max(Math.round(font * 1.5), Math.min(rowH, Math.floor(avail / (gridRows * most))));
    perPanel = Math.max(1, Math.min(most, Math.floor(avail / (gridRows * rowH))));
  }
  // Each row of panels is as tall as its longest list.
  const rowHeights = Array.from({ length: gridRows }, (_, r) =>
    titleH + Math.max(1, ...panels.slice(r * cols, r * cols + cols).map((p) => Math.min(perPanel, p.items.length))) * rowH,
  );
  const rowTop = (r: number) => rowHeights.slice(0, r).reduce((a, b) => a + b + gap, 0);
  const scene = emptyScene(width, rowTop(gridRows) - gap);
  const globalMax = Math.max(0, ...panels.flatMap((p) => p.items.map((i) => Math.abs(i.value))));
  // Label and value columns sized to the items; with a shared scale, the same for every panel so bars compare.
  const allItems = panels.flatMap((p) => p.items.slice(0, perPanel));
  const columns = (items: BarPlot["panels"][number]["items"]) => barColumns(items, font, panelW);
  const shared = columns(allItems);

  panels.forEach((panel, pi) => {
    const x0 = (pi % cols) * (panelW + gap);
    const y0 = rowTop(Math.floor(pi / cols));
    if (panel.title) {
      if (panel.color !== undefined) scene.shapes.push({ type: "circle", cx: r1(x0 + font * 0.45), cy: r1(y0 + font * 0.95), r: Math.round(font * 0.4), fill: colorPaint(panel.color) });
      const tx = panel.color !== undefined ? x0 + font * 1.2 : x0;
      const text = fitText(panel.title, font, panelW - (tx - x0));
      scene.texts.push({ x: r1(tx), y: r1(y0 + font * 1.3), text, size: font, anchor: "start", paint: "text", weight: 600, full: text === panel.title ? undefined : panel.title });
    }
    const items = panel.items.slice(0, perPanel);
    if (!items.length) return;
    const max = opts.max || (plot.sharedMax ? globalMax : Math.max(0, ...items.map((i) => Math.abs(i.value)))) || 1;
    const { labelW, valueW } = plot.sharedMax ? shared : columns(items);
    const barX = x0 + labelW + font * 0.5;
    const thick = barThickness(rowH);
    // Diverging: zero where the largest loss fits on the left; values written beyond each bar's end.
    const neg = plot.diverging ? Math.max(0, ...items.map((i) => -i.value)) : 0;
    const pos = plot.diverging ? Math.max(0, ...items.map((i) => i.value)) : max;
    const span = Math.max(font, x0 + panelW - valueW - barX - (neg ? valueW : 0));
    const unit = span / ((neg + pos) || 1);
    const zeroX = barX + (neg ? valueW : 0) + neg * unit;
    if (plot.diverging) scene.shapes.push({ type: "line", x1: r1(zeroX), y1: y0 + titleH, x2: r1(zeroX), y2: y0 + titleH + items.length * rowH, stroke: "grid", width: 1 });
    items.forEach((it, i) => {
      const cy = y0 + titleH + i * rowH + rowH / 2;
      const label = fitText(it.label, font, labelW);
      scene.texts.push({ x: r1(x0 + labelW), y: r1(cy + font * 0.35), text: label, size: font, anchor: "end", paint: "axis", full: label === it.label ? undefined : it.label });
      const w = Math.max(2, Math.abs(plot.diverging ? it.value : Math.max(0, it.value)) * unit);
      const left = plot.diverging && it.value < 0 ? zeroX - w : zeroX;
      scene.shapes.push({ type: "rect", x: r1(left), y: r1(cy - thick / 2), w: r1(w), h: thick, fill: colorPaint(it.color), rx: 3, title: `${it.label}: ${it.text}` });
      const negative = plot.diverging && it.value < 0;
      scene.texts.push({ x: r1(negative ? left - font * 0.4 : left + w + font * 0.4), y: r1(cy + font * 0.35), text: it.text, size: font, anchor: negative ? "end" : "start", paint: "axis" });
    });
  });
  return scene;
}
