"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_COLOR, CURSOR_COLOR, GRID_COLOR } from "@/lib/ui/palette";
import { ChartLegend } from "./chart-legend";
import { ChartTooltipContent } from "./chart-tooltip";
import type { ChartRow, ChartSeries, Formatters } from "./types";

export interface TimeSeriesChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: "line" | "stacked-area" | "step";
  scale?: "linear" | "log";
  format: Formatters;
  height?: number;
  /** Fixed value domain, e.g. [0, 1] for shares. */
  domain?: [number, number];
}

const TICK = { fill: AXIS_COLOR, fontSize: 11 };

/** Lines (or a stacked area) over periods; log scale drops zeros, which have no place on it. */
export function TimeSeriesChart({ rows, series, kind = "line", scale = "linear", format, height = 300, domain }: TimeSeriesChartProps) {
  const log = scale === "log" && kind !== "stacked-area";
  const data = log ? rows.map((r) => withoutNonPositive(r, series)) : rows;
  const yDomain = domain ?? (log ? logDomain(data, series) : undefined);
  const common = {
    data,
    margin: { top: 8, right: 12, bottom: 0, left: 0 },
    accessibilityLayer: false,
  };
  const axes = (
    <>
      <CartesianGrid stroke={GRID_COLOR} vertical={false} />
      <XAxis dataKey="x" tickFormatter={format.x} tick={TICK} stroke={GRID_COLOR} minTickGap={24} tickMargin={6} />
      <YAxis
        tickFormatter={format.y}
        tick={TICK}
        stroke={GRID_COLOR}
        width={52}
        scale={log ? "log" : "linear"}
        domain={yDomain ?? [0, "auto"]}
        allowDataOverflow={log}
      />
      <Tooltip
        cursor={{ stroke: CURSOR_COLOR, strokeWidth: 1 }}
        isAnimationActive={false}
        content={(p) => (
          <ChartTooltipContent
            active={p.active}
            payload={p.payload as never}
            label={p.label as string}
            series={series}
            formatValue={format.value}
            formatLabel={format.xFull}
            sort={kind !== "stacked-area"}
          />
        )}
      />
    </>
  );
  return (
    <div>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        {kind === "stacked-area" ? (
          <AreaChart {...common} stackOffset="none">
            {axes}
            {series.map((s) => (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="1"
                type="monotone"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.85}
                strokeWidth={1}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                type={kind === "step" ? "stepAfter" : "monotone"}
                stroke={s.color}
                strokeDasharray={s.dash}
                strokeWidth={2}
                dot={rows.length <= 2 ? { r: 3 } : false}
                activeDot={{ r: 4 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
      <ChartLegend series={series} />
    </div>
  );
}

function withoutNonPositive(row: ChartRow, series: ChartSeries[]): ChartRow {
  const out: ChartRow = { ...row };
  for (const s of series) {
    const v = out[s.key];
    if (typeof v !== "number" || v <= 0) out[s.key] = null;
  }
  return out;
}

function logDomain(rows: ChartRow[], series: ChartSeries[]): [number, number] | undefined {
  let min = Infinity;
  let max = 0;
  for (const r of rows) {
    for (const s of series) {
      const v = r[s.key];
      if (typeof v === "number" && v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  if (!Number.isFinite(min)) return undefined;
  return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))];
}
