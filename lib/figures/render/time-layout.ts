/**
 * Time plots (lines, steps, stacked areas) as a scene: periods evenly spaced on x (like the page's category
 * axis), values on a linear scale from 0 (nice ticks) or a log scale (powers of ten; zeros dropped), gaps
 * left open where a series has no value, areas stacked in series order. Paths use absolute M/L/H/V only.
 */
import { numberAt, valueAxis } from "../axes";
import { hasPartial, isPartialAt, partialKey, splitPartialRows } from "../marks";
import type { TimePlot } from "../types";
import { layoutLegend } from "./legend-layout";
import { colorPaint } from "../palette";
import { emptyScene, place, type Scene } from "./scene";
import { formatTick, formatX } from "../format";
import { textWidth } from "./text";

export interface TimeLayoutOptions {
  width: number;
  /** Height of the plot with its axes (the legend, when drawn, adds to it). */
  height: number;
  font: number;
  /** Draw the legend under the plot (images); embeds write it as HTML instead. */
  legend?: boolean;
}

const r1 = (n: number) => Math.round(n * 10) / 10;


interface YScale {
  ticks: number[];
  map: (v: number) => number;
  usable: (v: number) => boolean;
}

function yScale(plot: TimePlot, top: number, bottom: number): YScale {
  const axis = valueAxis(plot);
  const [lo, hi] = axis.domain;
  if (axis.scale === "log") {
    const [a, b] = [Math.log10(lo), Math.log10(hi)];
    return { ticks: axis.ticks, map: (v) => bottom - ((Math.log10(v) - a) / (b - a)) * (bottom - top), usable: (v) => v > 0 };
  }
  return { ticks: axis.ticks, map: (v) => bottom - ((v - lo) / (hi - lo || 1)) * (bottom - top), usable: () => true };
}

/**
 * Where the plot area sits within a time chart of this font: top and bottom (from the chart's top and
 * bottom edges) and left and right (from its sides; left fits the widest y label). The page's interactive
 * chart takes the same margins, so it replaces the server-drawn first paint without moving a line.
 */
export function timePlotMargins(plot: TimePlot, font: number): { top: number; bottom: number; left: number; right: number } {
  const yLabels = valueAxis(plot).ticks.map((t) => formatTick(plot.y, t));
  return {
    top: Math.round(font * 0.7),
    bottom: Math.round(font * 2),
    left: Math.ceil(Math.max(...yLabels.map((l) => textWidth(l, font)), font * 2) + font * 0.8),
    right: Math.round(font * 1.2),
  };
}

export function layoutTime(plot: TimePlot, opts: TimeLayoutOptions): Scene {
  const { width, font } = opts;
  const legend = opts.legend ? layoutLegend(plot.series, width, font) : emptyScene(width, 0);
  const scene = emptyScene(width, opts.height + (legend.height ? legend.height + font * 0.6 : 0));
  const n = plot.rows.length;
  if (!n) return scene;

  const stacked = plot.kind === "stacked-area";
  const margins = timePlotMargins(plot, font);
  const top = margins.top;
  const bottom = opts.height - margins.bottom;
  const y = yScale(plot, top, bottom);
  const yLabels = y.ticks.map((t) => formatTick(plot.y, t));
  const left = margins.left;
  const right = width - margins.right;
  const band = (right - left) / n;
  scene.plotArea = { left, right };
  const xAt = (i: number) => left + band * (i + 0.5);

  // Grid and y ticks.
  y.ticks.forEach((t, i) => {
    const yy = r1(y.map(t));
    scene.shapes.push({ type: "line", x1: left, y1: yy, x2: right, y2: yy, stroke: "grid", width: 1 });
    scene.texts.push({ x: left - font * 0.5, y: r1(yy + font * 0.35), text: yLabels[i], size: font, anchor: "end", paint: "axis", role: "y-tick" });
  });
  scene.shapes.push({ type: "line", x1: left, y1: bottom, x2: right, y2: bottom, stroke: "grid", width: 1 });

  // x ticks: every k-th period so labels never touch.
  const xLabels = plot.rows.map((r) => formatX(r.x, plot.x));
  const widest = Math.max(...xLabels.map((l) => textWidth(l, font)));
  const every = Math.max(1, Math.ceil((widest + font * 1.5) / band));
  for (let i = 0; i < n; i += every) {
    const w = textWidth(xLabels[i], font);
    const cx = xAt(i);
    const anchor = cx - w / 2 < 0 ? "start" : cx + w / 2 > width ? "end" : "middle";
    const x = anchor === "start" ? Math.max(0, cx - w / 2) : anchor === "end" ? width : cx;
    scene.texts.push({ x: r1(x), y: r1(bottom + font * 1.45), text: xLabels[i], size: font, anchor, paint: "axis", role: "x-tick" });
  }

  // Partial periods: a dashed twin of each series (lib/figures/marks.ts), hollow points on the partial periods.
  const partial = hasPartial(plot);
  const rows = partial ? splitPartialRows(plot) : plot.rows;
  const twins: [key: (k: string) => string, dash: string | undefined, opacity: number][] = [[(k) => k, undefined, 0.85]];
  if (partial) twins.push([partialKey, "4 3", 0.3]);

  if (stacked) {
    for (const [keyOf, dash, opacity] of twins) {
      const base = rows.map(() => 0);
      for (const s of plot.series) {
        const values = rows.map((r) => numberAt(r, keyOf(s.key)));
        const upper = rows.map((r, i) => base[i] + Math.max(0, values[i] ?? 0));
        // Only the stretch where this twin has values (the complete or the partial periods).
        const idx = values.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
        if (idx.length) {
          const fwd = idx.map((i, k) => `${k ? "L" : "M"}${r1(xAt(i))},${r1(y.map(upper[i]))}`).join("");
          const back = [...idx].reverse().map((i) => `L${r1(xAt(i))},${r1(y.map(base[i]))}`).join("");
          const p = colorPaint(s.color);
          scene.shapes.push({ type: "path", d: `${fwd}${back}Z`, fill: p, fillOpacity: opacity, stroke: p, width: 1, dash, title: s.label, series: s.key });
        }
        upper.forEach((v, i) => (base[i] = v));
      }
    }
  } else {
    for (const s of plot.series) {
      const p = colorPaint(s.color);
      if (s.points) {
        // A source's windows: one mark each, never joined (partial ones are drawn hollow below).
        rows.forEach((row, i) => {
          const v = numberAt(plot.rows[i], s.key);
          if (v !== null && y.usable(v) && !isPartialAt(row, s.key)) scene.shapes.push({ type: "circle", cx: r1(xAt(i)), cy: r1(y.map(v)), r: 4, fill: p });
        });
      }
      for (const [keyOf, dash] of s.points ? [] : twins) {
        const { d, lone } = linePath(rows, keyOf(s.key), plot.kind === "step", xAt, y);
        if (d) scene.shapes.push({ type: "path", d, stroke: p, width: 2, dash: dash ?? (s.dashed ? "6 3" : undefined), title: s.label, series: s.key });
        if (keyOf === partialKey) continue;
        const dots = n <= 2 ? rows.map((row, i) => [i, numberAt(row, s.key)] as const).filter(([, v]) => v !== null && y.usable(v)).map(([i, v]) => [r1(xAt(i)), r1(y.map(v!))] as [number, number]) : lone;
        for (const [cx, cy] of dots) scene.shapes.push({ type: "circle", cx, cy, r: 3, fill: p });
      }
      plot.rows.forEach((row, i) => {
        const v = numberAt(row, s.key);
        if (!isPartialAt(row, s.key) || v === null || !y.usable(v)) return;
        scene.shapes.push({ type: "circle", cx: r1(xAt(i)), cy: r1(y.map(v)), r: 3.5, fill: "bg", stroke: p, width: 2 });
      });
    }
  }

  drawEvents(scene, plot, xAt, top, bottom, font);
  if (legend.height) place(scene, legend, 0, opts.height + font * 0.6);
  return scene;
}

/** Event markers (lib/figures/events.ts): a dashed line through the plot at the period, a flag on top naming it. */
function drawEvents(scene: Scene, plot: TimePlot, xAt: (i: number) => number, top: number, bottom: number, font: number): void {
  for (const e of plot.events ?? []) {
    const i = plot.rows.findIndex((r) => r.x === e.x);
    if (i < 0) continue;
    const px = r1(xAt(i));
    const f = Math.round(font * 0.4);
    scene.shapes.push({ type: "path", d: `M${px},${top}V${bottom}`, stroke: "muted", width: 1, dash: "3 3", title: e.label, mark: { kind: "event-line", x: e.x } });
    scene.shapes.push({ type: "path", d: `M${r1(px - f)},${top}L${r1(px + f)},${top}L${px},${r1(top + f * 1.5)}Z`, fill: "accent", title: e.label, mark: { kind: "event-flag", x: e.x } });
  }
}

/** A series' line through its non-null values: M/L (or H/V steps) runs, and the lone points no run reaches. */
function linePath(rows: TimePlot["rows"], key: string, step: boolean, xAt: (i: number) => number, y: YScale): { d: string; lone: [number, number][] } {
  let d = "";
  let run = 0;
  const lone: [number, number][] = [];
  let last: [number, number] | null = null;
  rows.forEach((row, i) => {
    const v = numberAt(row, key);
    if (v === null || !y.usable(v)) {
      if (run === 1 && last) lone.push(last);
      run = 0;
      return;
    }
    const px = r1(xAt(i));
    const py = r1(y.map(v));
    if (!run) d += `M${px},${py}`;
    else if (step) d += `H${px}V${py}`;
    else d += `L${px},${py}`;
    run++;
    last = [px, py];
  });
  if (run === 1 && last) lone.push(last);
  return { d, lone };
}
