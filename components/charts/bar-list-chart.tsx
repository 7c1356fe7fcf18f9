"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorCss, CSS_VARS } from "@/lib/figures/palette";
import { BAR_LIST_TOP, barListHeight, pageBarListGeometry } from "@/lib/figures/render/page-plot";
import type { BarItem } from "@/lib/figures/types";

const TICK = { fill: CSS_VARS.axis, fontSize: 11 };

/** Zero where the largest loss fits on the left, with room left of it for that loss's value. */
function divergingDomain(items: BarItem[]): [number, number] {
  const lo = Math.min(0, ...items.map((i) => i.value));
  const hi = Math.max(0, ...items.map((i) => i.value));
  return [lo < 0 ? lo - (hi - lo) * 0.3 : 0, hi];
}

/**
 * One bar list of a figure with Recharts: horizontal bars with their values at the end; labels are plain SVG
 * text with the full name on hover. Loaded when the reader reaches for the chart (figure-chart.tsx).
 */
export default function BarListChart({ items, max, diverging = false }: { items: BarItem[]; max?: number; diverging?: boolean }) {
  const router = useRouter();
  const height = barListHeight(items.length);
  // Values are SVG text: keep "2.1 pp" on one line.
  const data = items.map((it) => ({ ...it, text: it.text.replace(/ /g, "\u00a0") }));
  // The server drawing's columns and bars (lib/figures/render), so this chart replaces it without moving a bar.
  const [width, setWidth] = useState<number>();
  const g = pageBarListGeometry(items, width);
  return (
    // Labels may overhang the chart's left edge into the frame's padding, as they do in the server drawing.
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 400, height }} onResize={(w) => setWidth(w)} className="[&_.recharts-surface]:overflow-visible">
      <BarChart data={data} layout="vertical" margin={{ top: BAR_LIST_TOP, right: g.valueWidth, bottom: BAR_LIST_TOP, left: 0 }} accessibilityLayer={false} barSize={g.thickness}>
        <CartesianGrid stroke={CSS_VARS.grid} horizontal={false} />
        <XAxis type="number" hide domain={diverging ? divergingDomain(items) : [0, max ?? "dataMax"]} />
        <YAxis
          type="category"
          dataKey="key"
          width={g.barStart}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={(props: { x?: number | string; y?: number | string; payload?: { value?: string } }) => {
            const item = data.find((d) => d.key === props.payload?.value);
            const label = item?.label ?? "";
            const text = (
              <text x={g.labelEnd} y={Number(props.y)} dy={4} textAnchor="end" fill={TICK.fill} fontSize={TICK.fontSize} textDecoration={item?.href ? "underline" : undefined}>
                <title>{label}</title>
                {g.fit(label)}
              </text>
            );
            // A bar's label opens its page (the model, app or vendor) on click. Not a link: the chart is one image
            // to assistive technology (no focusable content inside it); the link list under the chart is the
            // keyboard's way to the same pages.
            return item?.href ? (
              <g role="presentation" style={{ cursor: "pointer" }} onClick={() => router.push(item.href!)}>
                {text}
              </g>
            ) : (
              text
            );
          }}
        />
        <Tooltip
          cursor={{ fill: CSS_VARS.grid }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const p = payload?.[0]?.payload as BarItem | undefined;
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
            <Cell key={d.key} fill={colorCss(d.color)} />
          ))}
          <LabelList
            dataKey="text"
            content={(p: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) => {
              // A loss's bar runs left from zero (negative width): write its value past its left end.
              const [x, y, w, h] = [p.x, p.y, p.width, p.height].map(Number);
              const left = w < 0;
              return (
                <text x={left ? x + w - 4 : x + w + 4} y={y + h / 2} dy={4} textAnchor={left ? "end" : "start"} fill={CSS_VARS.axis} fontSize={11}>
                  {String(p.value ?? "")}
                </text>
              );
            }}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
