"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { valueAxis } from "@/lib/figures/axes";
import { formatTick, formatValue, formatX, formatXFull } from "@/lib/figures/format";
import { hasPartial, isPartialAt, partialKey, splitPartialRows } from "@/lib/figures/marks";
import { colorCss, CSS_VARS, seriesDash } from "@/lib/figures/palette";
import { pageTimePlotMargins } from "@/lib/figures/render/page-plot";
import type { PlotRow, TimePlot } from "@/lib/figures/types";
import type { LegendState } from "./chart-legend";
import { ChartTooltipContent } from "./chart-tooltip";

const TICK = { fill: CSS_VARS.axis, fontSize: 11 };

/**
 * A figure's time plot with Recharts: lines, steps or stacked areas; partial periods dashed; gaps for
 * unreported values. Loaded when the reader reaches for the chart (figure-chart.tsx); the legend that hides
 * and highlights series is outside, in the page's first load.
 */
export default function TimeSeriesChart({ plot, legend: { hidden, highlighted } }: { plot: TimePlot; legend: LegendState }) {
  const log = plot.scale === "log" && plot.kind !== "stacked-area";
  const shown = plot.series.filter((s) => !hidden.has(s.key));
  const base = log ? plot.rows.map((r) => withoutNonPositive(r, plot.series.map((s) => s.key))) : plot.rows;
  const partial = hasPartial(plot);
  const data = partial ? splitPartialRows({ rows: base, series: plot.series }) : base;
  const axis = valueAxis(plot);
  const dim = (key: string) => (highlighted && highlighted !== key ? 0.2 : 1);
  // The server-drawn first paint's margins (lib/figures/render), so swapping it for this chart moves nothing.
  const m = pageTimePlotMargins(plot);
  const common = { data, margin: { top: m.top, right: m.right, bottom: 0, left: 0 }, accessibilityLayer: false };
  const axes = (
    <>
      <CartesianGrid stroke={CSS_VARS.grid} vertical={false} />
      {/* Band scale: each period's point in the middle of its band, where lib/figures/render draws it. */}
      <XAxis dataKey="x" scale="band" height={m.bottom} tickFormatter={(x: string) => formatX(x, plot.x)} tick={TICK} stroke={CSS_VARS.grid} minTickGap={24} tickMargin={6} />
      <YAxis
        tickFormatter={(v: number) => formatTick(plot.y, v)}
        tick={TICK}
        stroke={CSS_VARS.grid}
        width={m.left}
        scale={axis.scale}
        domain={axis.domain}
        ticks={axis.ticks}
        interval={0}
        allowDataOverflow
      />
      <Tooltip
        cursor={{ stroke: CSS_VARS.cursor, strokeWidth: 1 }}
        isAnimationActive={false}
        content={(p) => (
          <ChartTooltipContent
            active={p.active}
            payload={p.payload as never}
            label={p.label as string}
            series={shown}
            formatValue={(v) => formatValue(plot.y, v)}
            formatLabel={(x) => formatXFull(x, plot.x)}
            sort={plot.kind !== "stacked-area"}
            note={plot.events?.find((e) => e.x === p.label)?.label}
          />
        )}
      />
      {plot.events?.map((e) => (
        <ReferenceLine
          key={`event-${e.x}`}
          x={e.x}
          stroke={CSS_VARS.muted}
          strokeDasharray="3 3"
          ifOverflow="hidden"
          label={(p: { viewBox?: { x?: number; y?: number } }) => <EventFlag x={p.viewBox?.x ?? 0} y={p.viewBox?.y ?? 0} period={e.x} label={e.label} />}
        />
      ))}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={plot.height} initialDimension={{ width: 600, height: plot.height }}>
      {plot.kind === "stacked-area" ? (
        <AreaChart {...common} stackOffset="none">
          {axes}
          {shown.map((s) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="complete"
              type="linear"
              stroke={colorCss(s.color)}
              fill={colorCss(s.color)}
              fillOpacity={0.85 * dim(s.key)}
              strokeOpacity={dim(s.key)}
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
          {partial &&
            shown.map((s) => (
              <Area
                key={partialKey(s.key)}
                dataKey={partialKey(s.key)}
                legendType="none"
                stackId="partial"
                type="linear"
                stroke={colorCss(s.color)}
                strokeDasharray="4 3"
                fill={colorCss(s.color)}
                fillOpacity={0.3 * dim(s.key)}
                strokeWidth={1}
                isAnimationActive={false}
                activeDot={false}
              />
            ))}
        </AreaChart>
      ) : (
        <LineChart {...common}>
          {axes}
          {shown.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type={plot.kind === "step" ? "stepAfter" : "linear"}
              stroke={colorCss(s.color)}
              strokeOpacity={dim(s.key)}
              strokeDasharray={seriesDash(s.color)}
              // A source's windows are points, never joined by a line (lib/figures/types.ts PlotSeries.points).
              strokeWidth={s.points ? 0 : highlighted === s.key ? 3 : 2}
              dot={s.points ? { r: highlighted === s.key ? 5 : 4, fill: colorCss(s.color), fillOpacity: dim(s.key), strokeWidth: 0 } : plot.rows.length <= 2 ? { r: 3 } : false}
              activeDot={{ r: 4 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          {partial &&
            shown.map((s) => (
              <Line
                key={partialKey(s.key)}
                dataKey={partialKey(s.key)}
                legendType="none"
                type={plot.kind === "step" ? "stepAfter" : "linear"}
                stroke={colorCss(s.color)}
                strokeOpacity={dim(s.key)}
                strokeDasharray="4 3"
                strokeWidth={s.points ? 0 : 2}
                dot={(p: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
                  data[p.index ?? -1] && isPartialAt(data[p.index!], s.key) && typeof p.value === "number" ? (
                    <circle key={`${s.key}-${p.index}`} cx={p.cx} cy={p.cy} r={3.5} fill={CSS_VARS.bg} stroke={colorCss(s.color)} strokeWidth={2} />
                  ) : (
                    <g key={`${s.key}-${p.index}`} />
                  )
                }
                activeDot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}

/** The flag on top of an event line: names the event on hover (its title), marks the period for tests. */
function EventFlag({ x, y, period, label }: { x: number; y: number; period: string; label: string }) {
  return (
    <g data-event-marker data-x={period}>
      <title>{label}</title>
      <path d={`M${x - 5},${y}L${x + 5},${y}L${x},${y + 8}Z`} fill={CSS_VARS.accent} />
    </g>
  );
}

/** Log scales have no place for zero or below: those values become gaps. */
function withoutNonPositive(row: PlotRow, keys: string[]): PlotRow {
  const out: PlotRow = { ...row };
  for (const k of keys) {
    const v = out[k];
    if (typeof v !== "number" || v <= 0) out[k] = null;
  }
  return out;
}
