"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { BAR_LIST_TOP, barListHeight, barListSvg, PLOT_BANDS, timePlotSvg } from "@/lib/figures/render/page-plot";
import type { BarItem, TimePlot } from "@/lib/figures/types";

/**
 * A plot drawn as plain SVG by lib/figures/render, in the box the interactive chart will fill: the server's
 * HTML holds one drawing per width band (CSS picks one), the browser redraws it at its width once known.
 * Decorative: the accessible name, summary and table belong to the frame around it.
 */
function StaticSvg({ draw, height, top = 0 }: { draw: (width: number) => string; height: number; top?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width) || null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const drawn = useMemo(() => (width ? [draw(width)] : PLOT_BANDS.map((w) => draw(w))), [draw, width]);
  return (
    <div ref={ref} data-static-plot data-bands={width ? undefined : ""} aria-hidden="true" className="plot-bands" style={{ height, paddingTop: top }}>
      {width ? (
        <div dangerouslySetInnerHTML={{ __html: drawn[0] }} />
      ) : (
        drawn.map((svg, i) => <div key={PLOT_BANDS[i]} className={`plot-band plot-band-${i}`} dangerouslySetInnerHTML={{ __html: svg }} />)
      )}
    </div>
  );
}

export function StaticTimePlot({ plot }: { plot: TimePlot }) {
  const draw = useMemo(() => (width: number) => timePlotSvg(plot, width), [plot]);
  return <StaticSvg draw={draw} height={plot.height} />;
}

export function StaticBarList({ items, max, diverging }: { items: BarItem[]; max?: number; diverging?: boolean }) {
  const draw = useMemo(() => (width: number) => barListSvg(items, width, { max, diverging }), [items, max, diverging]);
  return <StaticSvg draw={draw} height={barListHeight(items.length)} top={BAR_LIST_TOP} />;
}
