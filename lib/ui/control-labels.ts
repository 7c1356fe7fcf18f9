/** Names of the controls' values, as the page's segmented controls write them. */
import type { Interval, Metric } from "@/lib/view/state";

export const METRIC_LABEL: Record<Metric, string> = {
  tokens: "Tokens",
  cumulative: "Cumulative tokens",
  share: "Share of all tokens",
};

export const INTERVAL_LABEL: Record<Interval, string> = { day: "Daily", week: "Weekly", month: "Monthly" };
