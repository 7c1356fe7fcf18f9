/** One plotted series: `key` is its field in each row, `label` the text shown (external names: text only). */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  dash?: string;
}

/** One x position: `x` is the period key, the rest are series values (null = no data). */
export type ChartRow = { x: string; partial?: boolean } & Record<string, number | string | boolean | null | undefined>;

export interface Formatters {
  /** Axis tick of a value: "236B", "25%". */
  y: (v: number) => string;
  /** Exact-enough value in tooltips: "236B", "22.4%", "$0.50/M". */
  value: (v: number) => string;
  /** Axis tick of a period: "5 Jan", "Jan ’26", "Day 30". */
  x: (x: string) => string;
  /** Tooltip heading of a period: "Week of 5 Jan 2026". */
  xFull: (x: string) => string;
}
