/** Formatters for a metric's values and a range's periods, used by charts, tooltips and tables. */
import type { Formatters } from "@/components/charts/types";
import { formatPercent, formatPeriod, formatShareTick, formatTokens } from "@/lib/format";
import type { Interval, Metric } from "@/lib/view/state";

/** A share for tooltips and tables: two decimals below 1% so small shares do not read as 0.0%. */
export function formatShare(v: number): string {
  return formatPercent(v, Math.abs(v) < 0.01 && v !== 0 ? 2 : 1);
}

export function metricValueFormat(metric: Metric): (v: number) => string {
  return metric === "share" ? formatShare : (v) => formatTokens(v);
}

export function metricFormatters(metric: Metric, interval: Interval): Formatters {
  return {
    y: metric === "share" ? formatShareTick : (v) => formatTokens(v),
    value: metricValueFormat(metric),
    x: (x) => formatPeriod(x, interval, { short: true }),
    xFull: (x) => formatPeriod(x, interval),
  };
}

export const METRIC_LABEL: Record<Metric, string> = {
  tokens: "Tokens",
  cumulative: "Cumulative tokens",
  share: "Share of all tokens",
};

export const INTERVAL_LABEL: Record<Interval, string> = { day: "Daily", week: "Weekly", month: "Monthly" };
