/**
 * A page's first paint of a plot: the same scenes as embeds and images (time-layout.ts, bars-layout.ts) as
 * SVG markup the size the page's interactive chart (components/charts) will take, so the page shows the chart
 * before — and without — its chart library, and the swap moves nothing. Before the browser knows the chart's
 * width, one drawing per width band is sent and CSS container queries show the one that fits (plotBandsCss);
 * once it does, one drawing at that width.
 */
import { CSS_VARS } from "../palette";
import type { BarItem, TimePlot } from "../types";
import { barColumns, barRowHeight, barThickness, layoutBars } from "./bars-layout";
import { fitText } from "./text";
import { sceneToSvg } from "./svg";
import { layoutTime, timePlotMargins } from "./time-layout";

/**
 * Drawing widths; band i is shown from its width up to the next one's (below the first, scaled down). Few:
 * each band is another copy of the chart in the page's HTML (the overview's three charts in six bands were
 * 97 KB of it), and the exact width follows within the first second.
 */
export const PLOT_BANDS = [320, 480, 720, 1040] as const;

/** The pages' chart text size (Recharts' ticks), in CSS pixels. */
const FONT = 11;

/** The plot area's margins in the page's drawing: the interactive chart takes the same (time-series-chart.tsx). */
export const pageTimePlotMargins = (plot: TimePlot) => timePlotMargins(plot, FONT);

/** A bar list's height on pages: one row per bar (layoutBars' row at this font) and a margin above and below. */
export const barListHeight = (items: number) => items * barRowHeight(FONT) + 2 * BAR_LIST_TOP;

/** The gap above the first bar (and below the last). */
export const BAR_LIST_TOP = 8;

/**
 * A bar list's geometry in the page's drawing, which the interactive chart takes (bar-list-chart.tsx) so
 * that it replaces the first paint without moving a bar: where bars start, the room kept for values, the
 * bars' thickness and the labels as they fit. `width`: the list's width when known.
 */
export function pageBarListGeometry(items: BarItem[], width = Infinity) {
  const { labelW, valueW } = barColumns(items, FONT, width);
  return {
    barStart: labelW + FONT * 0.5,
    labelEnd: labelW,
    valueWidth: valueW,
    thickness: barThickness(barRowHeight(FONT)),
    fit: (label: string) => fitText(label, FONT, labelW),
  };
}

/** A time plot drawn `width` pixels wide at its page height (its legend is HTML beside it). */
export function timePlotSvg(plot: TimePlot, width: number): string {
  return sceneToSvg(layoutTime(plot, { width, height: plot.height, font: FONT }), CSS_VARS);
}

/** One bar list drawn `width` pixels wide; `max` keeps one scale across a figure's panels. */
export function barListSvg(items: BarItem[], width: number, opts: { max?: number; diverging?: boolean } = {}): string {
  const plot = { type: "bars" as const, panels: [{ items }], sharedMax: false, diverging: opts.diverging };
  return sceneToSvg(layoutBars(plot, { width, font: FONT, max: opts.max }), CSS_VARS);
}

/** The CSS choosing a band's drawing by the width of its container (`.plot-bands`); labels may overhang as on embeds. */
export function plotBandsCss(): string {
  const rules = PLOT_BANDS.slice(1).map((w, i) => `@container (min-width:${w}px){.plot-band-${i}{display:none}.plot-band-${i + 1}{display:block}}`);
  return `.plot-bands{container-type:inline-size}.plot-band{display:none}.plot-band-0{display:block}.plot-bands svg{overflow:visible}.plot-band svg{max-width:100%;height:auto}${rules.join("")}`;
}
