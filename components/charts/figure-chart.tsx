"use client";

import { lazy, Suspense, useState } from "react";
import { colorCss } from "@/lib/figures/palette";
import type { BarItem, Plot, TimePlot } from "@/lib/figures/types";
import { ChartLegend, type LegendState } from "./chart-legend";
import { StaticBarList, StaticTimePlot } from "./static-plot";

// Recharts (~130 KB of JavaScript) is fetched when a reader reaches for a chart, not with the page: until
// then the plot is the server-drawn SVG (static-plot.tsx) in the same box, so the page's first paint and load
// need no chart library and the swap moves nothing.
const TimeSeriesChart = lazy(() => import("./time-series-chart"));
const BarListChart = lazy(() => import("./bar-list-chart"));

/**
 * A figure's plot on pages: drawn by lib/figures/render first, then by Recharts (tooltips, highlighting,
 * clickable bar labels) from the first pointer, touch or focus on it. Embeds and images draw the same plot
 * with lib/figures/render alone.
 */
export function FigureChart({ plot, labelledBy, describedBy }: { plot: Plot; labelledBy: string; describedBy: string }) {
  const [live, setLive] = useState(false);
  const wake = () => setLive(true);
  const img = { role: "img", "aria-labelledby": labelledBy, "aria-describedby": describedBy } as const;
  // Not pointerenter alone: when the page scrolls under a resting pointer, Chromium moves its hover without
  // pointer boundary events, so the next movement inside the plot is a pointermove with no enter before it.
  const onPointer = live ? undefined : wake;
  return (
    <div data-live={live || undefined} onPointerEnter={onPointer} onPointerMove={onPointer} onMouseOver={onPointer} onTouchStart={onPointer} onFocus={onPointer}>
      {plot.type === "time" ? <TimePlotView plot={plot} img={img} live={live} /> : <BarPlotView plot={plot} img={img} live={live} />}
    </div>
  );
}

type Img = { role: "img"; "aria-labelledby": string; "aria-describedby": string };

/** The plot is one image to assistive technology; the legend's buttons stay outside it. */
function TimePlotView({ plot, img, live }: { plot: TimePlot; img: Img; live: boolean }) {
  const [legend, setLegend] = useState<LegendState>({ hidden: new Set(), highlighted: null });
  const all = plot.series.map((s) => s.key);
  const setHidden = (hidden: ReadonlySet<string>) => setLegend((l) => ({ ...l, hidden }));
  const still = <StaticTimePlot plot={plot} />;
  return (
    <div>
      <div {...img}>
        {live ? (
          <Suspense fallback={still}>
            <TimeSeriesChart plot={plot} legend={legend} />
          </Suspense>
        ) : (
          still
        )}
      </div>
      <ChartLegend
        series={plot.series}
        state={legend}
        onHighlight={(highlighted) => setLegend((l) => ({ ...l, highlighted }))}
        onToggle={(key) => setHidden(toggled(legend.hidden, key))}
        onIsolate={(key) => setHidden(legend.hidden.size === all.length - 1 && !legend.hidden.has(key) ? new Set() : new Set(all.filter((k) => k !== key)))}
      />
    </div>
  );
}

function BarList({ items, max, diverging, live }: { items: BarItem[]; max?: number; diverging?: boolean; live: boolean }) {
  const still = <StaticBarList items={items} max={max} diverging={diverging} />;
  return live ? (
    <Suspense fallback={still}>
      <BarListChart items={items} max={max} diverging={diverging} />
    </Suspense>
  ) : (
    still
  );
}

function BarPlotView({ plot, img, live }: { plot: Extract<Plot, { type: "bars" }>; img: Img; live: boolean }) {
  // A shared scale makes bar lengths compare across panels.
  const max = plot.sharedMax ? Math.max(0, ...plot.panels.flatMap((p) => p.items.map((i) => i.value))) : undefined;
  if (plot.panels.length === 1 && !plot.panels[0].title)
    return (
      <div {...img}>
        <BarList items={plot.panels[0].items} max={max} diverging={plot.diverging} live={live} />
      </div>
    );
  return (
    // Columns by the frame's own width (a container query), not the window's: a half-width card stacks its panels.
    <div className="@container" {...img}>
      <div className={`grid gap-4 @xl:grid-cols-2 ${plot.panels.length > 2 ? "@4xl:grid-cols-3" : ""}`}>
        {plot.panels.map((panel, i) => (
          <div key={`${panel.title}-${i}`} className="min-w-0">
            {panel.title && (
              <h3 className="mb-1 flex items-center gap-1.5 text-sm font-medium">
                {panel.color !== undefined && <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: colorCss(panel.color) }} />}
                <span className="truncate" title={panel.title}>
                  {panel.title}
                </span>
              </h3>
            )}
            {panel.items.length ? <BarList items={panel.items} max={max} live={live} /> : <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>}
          </div>
        ))}
      </div>
    </div>
  );
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}
