/**
 * Time plots (lines, steps, stacked areas) as a scene: periods evenly spaced on x (like the page's category
 * axis), values on a linear scale from 0 (nice ticks) or a log scale (powers of ten; zeros dropped), gaps
 * left open where a series has no value, areas stacked in series order. Paths use absolute M/L/H/V only.
 */
import type { PlotRow, TimePlot } from "../types";
import { layoutLegend } from "./legend-layout";
import { colorPaint } from "./paints";
import { emptyScene, place, type Scene } from "./scene";
import { formatValue, formatX, textWidth } from "./text";

export interface TimeLayoutOptions {
  width: number;
  /** Height of the plot with its axes (the legend, when drawn, adds to it). */
  height: number;
  font: number;
  /** Draw the legend under the plot (images); embeds write it as HTML instead. */
  legend?: boolean;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Linear ticks from lo to at least hi, about `count` of them. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep((hi - lo) / (count - 1));
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function valueOf(row: PlotRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

interface YScale {
  ticks: number[];
  map: (v: number) => number;
  usable: (v: number) => boolean;
}

function yScale(plot: TimePlot, top: number, bottom: number, stackedMax: number): YScale {
  const values = plot.rows.flatMap((r) => plot.series.map((s) => valueOf(r, s.key))).filter((v): v is number => v !== null);
  if (plot.scale === "log" && plot.kind !== "stacked-area") {
    const pos = values.filter((v) => v > 0);
    const lo = pos.length ? 10 ** Math.floor(Math.log10(Math.min(...pos))) : 1;
    let hi = pos.length ? 10 ** Math.ceil(Math.log10(Math.max(...pos))) : 10;
    if (hi <= lo) hi = lo * 10;
    const decades = Math.round(Math.log10(hi / lo));
    const every = Math.max(1, Math.ceil(decades / 6));
    const ticks: number[] = [];
    for (let k = 0; k <= decades; k += every) ticks.push(lo * 10 ** k);
    const [a, b] = [Math.log10(lo), Math.log10(hi)];
    return { ticks, map: (v) => bottom - ((Math.log10(v) - a) / (b - a)) * (bottom - top), usable: (v) => v > 0 };
  }
  let [lo, hi] = plot.domain ?? [Math.min(0, ...values), plot.kind === "stacked-area" ? stackedMax : Math.max(0, ...values)];
  let ticks = plot.domain ? linearTicks(lo, hi, 5).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9) : linearTicks(lo, hi, 5);
  if (!plot.domain) {
    lo = ticks[0];
    hi = ticks[ticks.length - 1];
  }
  if (hi <= lo) hi = lo + 1;
  ticks = ticks.filter((t) => t >= lo && t <= hi);
  return { ticks, map: (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top), usable: () => true };
}

export function layoutTime(plot: TimePlot, opts: TimeLayoutOptions): Scene {
  const { width, font } = opts;
  const legend = opts.legend ? layoutLegend(plot.series, width, font) : emptyScene(width, 0);
  const scene = emptyScene(width, opts.height + (legend.height ? legend.height + font * 0.6 : 0));
  const n = plot.rows.length;
  if (!n) return scene;

  const stacked = plot.kind === "stacked-area";
  const sums = plot.rows.map((r) => plot.series.reduce((acc, s) => acc + Math.max(0, valueOf(r, s.key) ?? 0), 0));
  const top = Math.round(font * 0.7);
  const bottom = opts.height - Math.round(font * 2);
  const y = yScale(plot, top, bottom, Math.max(0, ...sums));
  const yLabels = y.ticks.map((t) => formatValue(plot.y, t));
  const left = Math.ceil(Math.max(...yLabels.map((l) => textWidth(l, font)), font * 2) + font * 0.8);
  const right = width - Math.round(font * 1.2);
  const band = (right - left) / n;
  const xAt = (i: number) => left + band * (i + 0.5);

  // Grid and y ticks.
  y.ticks.forEach((t, i) => {
    const yy = r1(y.map(t));
    scene.shapes.push({ type: "line", x1: left, y1: yy, x2: right, y2: yy, stroke: "grid", width: 1 });
    scene.texts.push({ x: left - font * 0.5, y: r1(yy + font * 0.35), text: yLabels[i], size: font, anchor: "end", paint: "axis" });
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
    scene.texts.push({ x: r1(x), y: r1(bottom + font * 1.45), text: xLabels[i], size: font, anchor, paint: "axis" });
  }

  if (stacked) {
    const base = plot.rows.map(() => 0);
    for (const s of plot.series) {
      const upper = plot.rows.map((r, i) => base[i] + Math.max(0, valueOf(r, s.key) ?? 0));
      const fwd = upper.map((v, i) => `${i ? "L" : "M"}${r1(xAt(i))},${r1(y.map(v))}`).join("");
      const back = base.map((v, i) => [i, v] as const).reverse().map(([i, v]) => `L${r1(xAt(i))},${r1(y.map(v))}`).join("");
      const p = colorPaint(s.color);
      scene.shapes.push({ type: "path", d: `${fwd}${back}Z`, fill: p, fillOpacity: 0.85, stroke: p, width: 1, title: s.label });
      upper.forEach((v, i) => (base[i] = v));
    }
  } else {
    for (const s of plot.series) {
      const p = colorPaint(s.color);
      let d = "";
      let run = 0;
      const lone: [number, number][] = [];
      let last: [number, number] | null = null;
      plot.rows.forEach((row, i) => {
        const v = valueOf(row, s.key);
        if (v === null || !y.usable(v)) {
          if (run === 1 && last) lone.push(last);
          run = 0;
          return;
        }
        const px = r1(xAt(i));
        const py = r1(y.map(v));
        if (!run) d += `M${px},${py}`;
        else if (plot.kind === "step") d += `H${px}V${py}`;
        else d += `L${px},${py}`;
        run++;
        last = [px, py];
      });
      if (run === 1 && last) lone.push(last);
      if (d) scene.shapes.push({ type: "path", d, stroke: p, width: 2, dash: s.dashed ? "6 3" : undefined, title: s.label });
      const dots = n <= 2 ? plot.rows.map((row, i) => [i, valueOf(row, s.key)] as const).filter(([, v]) => v !== null && y.usable(v)).map(([i, v]) => [r1(xAt(i)), r1(y.map(v!))] as [number, number]) : lone;
      for (const [cx, cy] of dots) scene.shapes.push({ type: "circle", cx, cy, r: 3, fill: p });
    }
  }

  if (legend.height) place(scene, legend, 0, opts.height + font * 0.6);
  return scene;
}
