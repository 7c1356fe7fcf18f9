/**
 * A chart as data: everything any renderer draws, decided once. Pages render it with Recharts
 * (components/charts/figure-chart.tsx), embeds, SVG/PNG downloads and link previews with the plain-SVG
 * renderer (lib/figures/render/). Built from query results by lib/figures/<view>.ts. Plain JSON, no
 * functions, so it crosses from server to client and into pinned permalinks unchanged.
 */
import type { Provenance } from "@/lib/queries/types";
import type { ChartId } from "@/lib/view/charts";
import type { Interval, Scale } from "@/lib/view/state";

/** How values are written on axes, bars, tooltips and table cells. */
export type ValueKind = "tokens" | "share" | "usd" | "price" | "points";

/** A palette slot (lib/figures/palette.ts), or the neutral of "others" buckets. */
export type ColorRef = number | "other";

export interface PlotSeries {
  /** Field of the series in each row (s0, s1…). */
  key: string;
  label: string;
  color: ColorRef;
  /** Dashed: a series past the palette's hues, whose colour repeats. */
  dashed?: boolean;
  /** A source's windows (weekly trackers): one mark per window at its first day, never joined by a line. */
  points?: boolean;
}

export interface PlotRow {
  /** Period key: first day (YYYY-MM-DD) or day index since launch; a day for price history. */
  x: string;
  partial?: boolean;
  [series: string]: string | number | boolean | null | undefined;
}

/** A marker on a time plot: the period `x` holds one or more events, `label` says which (with dates). */
export interface PlotEvent {
  x: string;
  label: string;
}

export interface TimePlot {
  type: "time";
  kind: "line" | "stacked-area" | "step";
  scale: Scale;
  /** Ticks of x: periods of an interval, or plain days (price history). */
  x: Interval | "date";
  y: ValueKind;
  /** Fixed value domain, e.g. [0, 1] for shares. */
  domain?: [number, number];
  rows: PlotRow[];
  series: PlotSeries[];
  /** Height of the plot on pages, in CSS pixels. */
  height: number;
  /** Launches, price changes, free tiers and removals on this plot's periods (lib/figures/events.ts). */
  events?: PlotEvent[];
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** The value as written at the bar's end. */
  text: string;
  color: ColorRef;
  /** The page of what the bar stands for (model, app, vendor): the bar's label links to it on pages. */
  href?: string;
}

export interface BarPlot {
  type: "bars";
  /** One or more lists side by side (e.g. the top apps of each compared model), each optionally titled. */
  panels: { title?: string; color?: ColorRef; items: BarItem[] }[];
  /** One scale for every panel (bar lengths compare across panels). */
  sharedMax: boolean;
  /** Signed values on one scale around zero: losses point left, gains right (movers). */
  diverging?: boolean;
}

export type Plot = TimePlot | BarPlot;

/** How a table cell is written: a value kind, a period of the table's interval, a day, or plain text. */
export type CellKind = ValueKind | "period" | "day" | "text";

export interface TableColumn {
  key: string;
  label: string;
  kind: CellKind;
}

export type Cell = string | number | null;

/** The numbers a chart shows: its table view, and its CSV unless `csv` gives the API's tidy one. */
export interface FigureTable {
  columns: TableColumn[];
  rows: Record<string, Cell>[];
  /** Interval of "period" cells. */
  interval?: Interval;
  csv?: string;
}

/** A page a chart's items lead to (app pages, model pages), shown under the chart on pages. */
export interface FigureLink {
  label: string;
  href: string;
}

export interface Figure {
  chart: ChartId;
  title: string;
  /** The author's subtitle (view state), shown under the title everywhere. */
  subtitle?: string;
  /** One sentence from the data: the chart's description everywhere. */
  summary: string;
  provenance: Provenance | null;
  /** Null when there is nothing to draw (then `empty` says why). */
  plot: Plot | null;
  empty: { message: string; suggestion?: string } | null;
  /** Notes under the chart (how spend is estimated, what a window covers…), in every renderer. */
  footnotes: string[];
  table: FigureTable;
  links?: { label: string; items: FigureLink[] };
}
