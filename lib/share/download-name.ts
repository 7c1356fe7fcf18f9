/**
 * Descriptive download names: `modelshare-gemini-3-flash-preview-vs-claude-haiku-4.5-2026-01.csv` — what the
 * chart is about, and when — instead of `compare-usage.csv`. Built from the view's address alone, so the
 * page's buttons and the image route name the same file the same way.
 */
import { DEFAULT_CHART, type ChartId } from "@/lib/view/charts";
import type { ViewAddress } from "@/lib/view/address";

/** Lower-case letters, digits, dots and dashes only (safe in any file system and Content-Disposition). */
function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
}

/** The range as written in a name: a whole month "2026-01", else "2025-12-01-to-2026-01-31"; none when relative. */
function period(from: string | null, to: string | null): string {
  if (!from || !to) return "";
  const lastOfMonth = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).toISOString().slice(0, 10);
  if (from.slice(0, 7) === to.slice(0, 7) && from.endsWith("-01") && to === lastOfMonth) return from.slice(0, 7);
  return from === to ? from : `${from}-to-${to}`;
}

function subjectOf(a: ViewAddress): string {
  const short = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
  if (a.view === "compare") return a.state.models.map((s) => s.map(short).join("-plus-")).join("-vs-");
  if (a.view === "model" || a.view === "app") return short(a.subject ?? "");
  if (a.state.authors.length) return a.state.authors.join("-");
  return a.view;
}

/** `modelshare-<subject>[-<chart>]-<period>.<ext>`; the chart is named unless it is the view's default. */
export function downloadName(a: ViewAddress, chart: ChartId, ext: "csv" | "png" | "svg"): string {
  const what = chart === DEFAULT_CHART[a.view] ? "" : chart.slice(chart.indexOf("-") + 1);
  const parts = ["modelshare", slug(subjectOf(a)), slug(what), period(a.state.from, a.state.to)].filter(Boolean);
  return `${parts.join("-").replace(/-+/g, "-")}.${ext}`;
}

