"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_COLOR, GRID_COLOR } from "@/lib/ui/palette";

export interface BarItem {
  key: string;
  label: string;
  value: number;
  color: string;
  /** Tooltip/label text; defaults to format(value). */
  text?: string;
}

const TICK = { fill: AXIS_COLOR, fontSize: 11 };

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Horizontal bars with their values at the end: top apps, rankings, spend. Labels are plain SVG text. */
export function BarListChart({
  items,
  format,
  labelWidth = 120,
  max,
}: {
  items: BarItem[];
  format: (v: number) => string;
  labelWidth?: number;
  /** Shared scale across several bar lists shown side by side (else each list's own maximum). */
  max?: number;
}) {
  const height = items.length * 30 + 16;
  // Values are SVG text: keep "2.1 pp" on one line.
  const data = items.map((it) => ({ ...it, text: (it.text ?? format(it.value)).replace(/ /g, "\u00a0") }));
  const maxLabel = Math.max(8, Math.floor(labelWidth / 7.8));
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 400, height }}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 64, bottom: 0, left: 0 }} accessibilityLayer={false} barCategoryGap={6}>
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis type="number" hide domain={[0, max ?? "dataMax"]} />
        <YAxis
          type="category"
          dataKey="key"
          width={labelWidth}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={(props: { x?: number | string; y?: number | string; payload?: { value?: string } }) => {
            const item = data.find((d) => d.key === props.payload?.value);
            const label = item?.label ?? "";
            return (
              <text x={Number(props.x) - 6} y={Number(props.y)} dy={4} textAnchor="end" fill={TICK.fill} fontSize={TICK.fontSize}>
                <title>{label}</title>
                {truncate(label, maxLabel)}
              </text>
            );
          }}
        />
        <Tooltip
          cursor={{ fill: "var(--chart-grid)" }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as (BarItem & { text: string }) | undefined;
            if (!active || !p) return null;
            return (
              <div className="max-w-xs rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900/95">
                <p className="font-semibold text-slate-900 dark:text-slate-100">{p.label}</p>
                <p className="tabular-nums text-slate-700 dark:text-slate-300">{p.text}</p>
              </div>
            );
          }}
        />
        <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]} minPointSize={2}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} />
          ))}
          <LabelList dataKey="text" position="right" fill={AXIS_COLOR} fontSize={11} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
