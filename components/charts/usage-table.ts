import type { TableData } from "@/components/frame/types";
import { usageCsv } from "@/lib/csv";
import type { UsageResult } from "@/lib/queries/types";
import { formatPeriod } from "@/lib/format";
import { comparePeriods } from "@/lib/ui/chart-data";
import { shortName } from "@/lib/ui/labels";
import { metricValueFormat } from "@/lib/ui/metric-format";

/**
 * The numbers of a usage chart as a table: one row per period, one column per series. Tokens are exact
 * (the decimal strings); cumulative and share columns carry the plotted value.
 */
export function usageTable(u: UsageResult): TableData {
  const fmt = metricValueFormat(u.metric);
  const periods = new Map<string, Record<string, string | number | null>>();
  u.series.forEach((s, i) => {
    for (const p of s.points) {
      const row = periods.get(p.period) ?? { period: p.period, partial: p.partial ? "yes" : "" };
      row[`s${i}`] = u.metric === "tokens" ? p.tokens : p.value;
      if (p.partial) row.partial = "yes";
      periods.set(p.period, row);
    }
  });
  return {
    columns: [
      { key: "period", label: u.align === "launch" ? "Days since launch" : "Period", format: (v) => formatPeriod(String(v), u.interval) },
      ...u.series.map((s, i) => ({
        key: `s${i}`,
        label: shortName(s.label, s.key),
        numeric: true,
        format: (v: string | number | null) => (v === null || v === undefined ? "—" : fmt(Number(v))),
      })),
      { key: "partial", label: "Partial period" },
    ],
    rows: [...periods.values()].sort((a, b) => comparePeriods(String(a.period), String(b.period))),
    // The same tidy CSV as GET /api/v1/usage?format=csv for what is shown.
    csv: () => usageCsv(u),
  };
}
