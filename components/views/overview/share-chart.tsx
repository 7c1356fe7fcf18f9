"use client";

import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { usageTable } from "@/components/charts/usage-table";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { Series, UsageResult } from "@/lib/queries/types";
import { comparePeriods, seriesToChartData } from "@/lib/ui/chart-data";
import { metricFormatters } from "@/lib/ui/metric-format";
import { PALETTE_SIZE } from "@/lib/ui/palette";
import { shareStackSummary } from "@/lib/ui/summaries";

const OTHERS = "others";

/** Keeps the palette's worth of models; the rest join "Others" (shares and tokens add up). */
function foldIntoOthers(series: Series[]): Series[] {
  const named = series.filter((s) => s.key !== OTHERS);
  const others = series.find((s) => s.key === OTHERS);
  if (named.length < PALETTE_SIZE) return series;
  const keep = named.slice(0, PALETTE_SIZE - 1);
  const fold = [...named.slice(PALETTE_SIZE - 1), ...(others ? [others] : [])];
  const byPeriod = new Map<string, { tokens: bigint; value: number; partial: boolean }>();
  for (const s of fold)
    for (const p of s.points) {
      const cur = byPeriod.get(p.period) ?? { tokens: 0n, value: 0, partial: false };
      cur.tokens += BigInt(p.tokens);
      cur.value += p.value;
      cur.partial ||= p.partial;
      byPeriod.set(p.period, cur);
    }
  const merged: Series = {
    key: OTHERS,
    label: "Others",
    members: [],
    launchDate: null,
    points: [...byPeriod.entries()].sort((a, b) => comparePeriods(a[0], b[0])).map(([period, v]) => ({ period, tokens: v.tokens.toString(), value: v.value, partial: v.partial })),
  };
  return [...keep, merged];
}

/** Share of all tokens over time, stacked: the top models, then everything else as "Others". */
export function ShareChart({ share, loading, controls }: { share: UsageResult; loading: boolean; controls?: React.ReactNode }) {
  const shown = foldIntoOthers(share.series);
  const { rows, series } = seriesToChartData(shown, { otherKeys: [OTHERS] });
  const data: UsageResult = { ...share, series: shown };
  const any = shown.some((s) => s.points.some((p) => p.tokens !== "0"));
  return (
    <ChartFrame
      chartId="overview-share"
      title="Share of all tokens"
      summary={shareStackSummary(shown, share.interval, OTHERS)}
      provenance={share.provenance}
      loading={loading}
      controls={controls}
      empty={any ? null : { message: "No usage in this range", suggestion: "Ingest a snapshot, or pick a range with data." }}
      table={usageTable(data)}
    >
      <TimeSeriesChart rows={rows} series={series} kind="stacked-area" domain={[0, 1]} height={320} format={metricFormatters("share", share.interval)} />
    </ChartFrame>
  );
}
