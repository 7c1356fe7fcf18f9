/** A legend drawn into the scene (images): swatch and name per series, wrapped into rows. */
import type { PlotSeries } from "../types";
import { colorPaint } from "../palette";
import { emptyScene, type Scene } from "./scene";
import { fitText, textWidth } from "./text";

export function layoutLegend(series: PlotSeries[], width: number, font: number): Scene {
  if (series.length < 2) return emptyScene(width, 0);
  const rowH = Math.round(font * 1.7);
  const scene = emptyScene(width, rowH);
  let x = 0;
  let y = Math.round(font * 1.1);
  for (const s of series) {
    const label = fitText(s.label, font, Math.min(width - 30, font * 18));
    const w = 22 + textWidth(label, font) + font * 1.2;
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowH;
    }
    const paint = colorPaint(s.color);
    // The same swatch as the page's legend: a dot for a series of window points, a line otherwise.
    const mid = y - font * 0.32;
    scene.shapes.push(
      s.points
        ? { type: "circle", cx: x + 8, cy: mid, r: 3.5, fill: paint }
        : { type: "line", x1: x, y1: mid, x2: x + 16, y2: mid, stroke: paint, width: 3, dash: s.dashed ? "5 3" : undefined },
    );
    scene.texts.push({ x: x + 22, y, text: label, size: font, anchor: "start", paint: "text", full: label === s.label ? undefined : s.label });
    x += w;
  }
  scene.height = y + Math.round(font * 0.6);
  return scene;
}
