/**
 * A chart address (lib/view/address.ts) → the figure to draw and where it comes from: a live view's data
 * loaded now, or a permalink's (its pinned data when pinned). Shared by embeds, images and oEmbed.
 */
import "server-only";
import type { Db } from "@/db";
import { figureFor } from "@/lib/figures";
import type { Figure } from "@/lib/figures/types";
import { pageHref, permalinkPath, type ChartTarget, type ViewAddress } from "@/lib/view/address";
import { CHARTS, DEFAULT_CHART, isChartId, type ChartId } from "@/lib/view/charts";
import { isView, PAGE_DEFAULTS, parseViewState } from "@/lib/view/state";
import { getPermalink, type PermalinkRow } from "./permalinks";
import { loadViewData, type ViewData } from "@/lib/pages/view-data";
import { viewTitle } from "./view-title";

export interface ResolvedChart {
  figure: Figure;
  /** The view's title ("Compare A vs B", a model's name…): the chart's context when it stands alone. */
  context: string;
  chart: ChartId;
  address: ViewAddress;
  /** Path of the full view the chart links back to: the page (live) or the permalink (pinned). */
  viewPath: string;
  /** Set for a pinned permalink: its data is frozen (cache forever), as of this. */
  pinned: { id: string; asOf: string | null } | null;
  permalink: PermalinkRow | null;
}

/** The address stored in a permalink row (state re-parsed from its canonical query). */
export function permalinkAddress(row: PermalinkRow): ViewAddress | null {
  if (!isView(row.view)) return null;
  return { view: row.view, subject: row.subject, state: parseViewState(new URLSearchParams(row.query), PAGE_DEFAULTS[row.view]).state };
}

export async function resolveChart(db: Db, t: ChartTarget, load: (db: Db, a: ViewAddress) => Promise<ViewData> = loadViewData): Promise<ResolvedChart | null> {
  if (t.kind === "live") {
    const data = await load(db, t.address);
    const figure = figureFor(data, t.chart, t.address.state);
    return figure ? { figure, context: viewTitle(data), chart: t.chart, address: t.address, viewPath: `${pageHref(t.address)}#${t.chart}`, pinned: null, permalink: null } : null;
  }
  const row = await getPermalink(db, t.id);
  if (!row) return null;
  const address = permalinkAddress(row);
  if (!address) return null;
  const stored = row.chart && isChartId(row.chart) ? row.chart : null;
  const chart = t.chart ?? stored ?? DEFAULT_CHART[address.view];
  if (CHARTS[chart].view !== address.view) return null;
  const data = row.mode === "pinned" && row.data ? row.data : await load(db, address);
  const figure = figureFor(data, chart, address.state);
  if (!figure) return null;
  const pinned = row.mode === "pinned" ? { id: row.id, asOf: row.asOf } : null;
  return { figure, context: viewTitle(data), chart, address, viewPath: pinned ? `${permalinkPath(row.id)}#${chart}` : `${pageHref(address)}#${chart}`, pinned, permalink: row };
}
