"use client";

import { colorCss } from "@/lib/figures/palette";
import type { Plot } from "@/lib/figures/types";
import { BarListChart } from "./bar-list-chart";
import { TimeSeriesChart } from "./time-series-chart";

/** A figure's plot drawn with Recharts (pages); embeds and images draw the same plot with lib/figures/render. */
export function FigureChart({ plot, labelledBy, describedBy }: { plot: Plot; labelledBy: string; describedBy: string }) {
  const img = { role: "img", "aria-labelledby": labelledBy, "aria-describedby": describedBy } as const;
  if (plot.type === "time") return <TimeSeriesChart plot={plot} img={img} />;
  // A shared scale makes bar lengths compare across panels.
  const max = plot.sharedMax ? Math.max(0, ...plot.panels.flatMap((p) => p.items.map((i) => i.value))) : undefined;
  if (plot.panels.length === 1 && !plot.panels[0].title)
    return (
      <div {...img}>
        <BarListChart items={plot.panels[0].items} max={max} diverging={plot.diverging} />
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
          {panel.items.length ? <BarListChart items={panel.items} max={max} /> : <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>}
        </div>
      ))}
      </div>
    </div>
  );
}
