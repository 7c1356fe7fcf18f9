/** Top-apps charts (model page, compare page): titles that say what period the apps cover, bars, tables. */
import { appHref } from "@/lib/domain/hrefs";
import { appsCsv } from "@/lib/csv";
import type { AppsResult } from "@/lib/queries/types";
import { formatDay, formatRatio, formatTokens } from "@/lib/format";
import { cleanText } from "@/lib/labels";
import { colorSlots } from "./palette";
import { rangeText } from "./summaries";
import type { BarItem, ColorRef, Figure, FigureLink, FigureTable } from "./types";

/** The period the apps cover: a source's window is named as a window, never as the page's range. */
function appsPeriodText(a: Pick<AppsResult, "from" | "to" | "basis" | "coverage">): string {
  const cov = a.coverage;
  if (a.basis === "window" && cov) {
    return cov.from ? `the source's window ${rangeText(cov.from, cov.to)}` : `the source's window to ${formatDay(cov.to)} (start unknown)`;
  }
  return rangeText(a.from, a.to);
}

export function topAppsTitle(a: Pick<AppsResult, "from" | "to" | "basis" | "coverage"> | null | undefined): string {
  return a ? `Top apps, ${appsPeriodText(a)}` : "Top apps";
}

/** What the app figures cover when it is not the page's range (whole months, or a source's window). */
export function appsCoverageNote(a: Pick<AppsResult, "from" | "to" | "basis" | "coverage">): string | null {
  const cov = a.coverage;
  if (!cov) return null;
  if (a.basis === "window") {
    return cov.from
      ? `App figures are the source's own window, ${rangeText(cov.from, cov.to)}, whatever range is selected.`
      : `App figures are the source's own window ending ${formatDay(cov.to)}; the source does not say when it starts.`;
  }
  if (cov.from && (cov.from !== a.from || cov.to !== a.to)) return `App figures cover ${rangeText(cov.from, cov.to)} (whole months where only monthly figures exist).`;
  return null;
}

/** "Lemonade was the top app on Gemini 3 Flash Preview with 236B tokens, 3.7× the next, …". */
function topAppsSummary(a: AppsResult, subject: string): string {
  const [first, second] = a.apps;
  if (!first) return `No app usage recorded for ${subject} in this range.`;
  const head = `${cleanText(first.appName)} was the top app on ${subject} with ${formatTokens(first.tokens)} tokens`;
  if (!second || second.tokens === "0") return `${head}.`;
  return `${head}, ${formatRatio(Number(first.tokens) / Number(second.tokens))} the next, ${cleanText(second.appName)} (${formatTokens(second.tokens)}).`;
}

export function appBarItems(a: AppsResult, color: ColorRef): BarItem[] {
  return a.apps.map((x) => ({ key: x.appId, label: cleanText(x.appName), value: Number(x.tokens), text: formatTokens(Number(x.tokens)), color, href: appHref(x.appId) }));
}

export function appLinks(apps: AppsResult["apps"], n = 5): FigureLink[] {
  return apps.slice(0, n).map((a) => ({ label: cleanText(a.appName), href: appHref(a.appId) }));
}

export function appsTable(results: { label?: string; result: AppsResult | undefined }[]): FigureTable {
  const single = results.length === 1;
  return {
    columns: [
      { key: "app_id", label: "App id", kind: "text" },
      { key: "app_name", label: "App", kind: "text" },
      { key: "model", label: "Model", kind: "text" },
      { key: "tokens", label: "Tokens", kind: "tokens" },
    ],
    rows: results.flatMap(({ label, result }) =>
      (result?.apps ?? []).map((a) => ({ app_id: a.appId, app_name: cleanText(a.appName), model: result?.model ?? a.model ?? label ?? null, tokens: a.tokens })),
    ),
    csv: single && results[0].result ? appsCsv(results[0].result) : undefined,
  };
}

const NO_APPS = { message: "No app usage for this model in this range", suggestion: "Apps are often reported per month: try a range covering whole months." };

/** A model's top apps as one bar list. */
export function topAppsFigure(a: AppsResult, subject: string): Figure {
  const note = appsCoverageNote(a);
  return {
    chart: "model-top-apps",
    title: topAppsTitle(a),
    summary: topAppsSummary(a, subject),
    provenance: a.provenance,
    empty: a.apps.length ? null : NO_APPS,
    // In the model's own colour, as on every other chart of it.
    plot: a.apps.length ? { type: "bars", sharedMax: false, panels: [{ items: appBarItems(a, colorSlots([a.model ?? ""])[0]) }] } : null,
    footnotes: note ? [note] : [],
    table: appsTable([{ result: a }]),
    links: a.apps.length ? { label: "App pages", items: appLinks(a.apps) } : undefined,
  };
}

export interface TopAppsColumn {
  label: string;
  result: AppsResult | undefined;
}

/** Compare page: the top app of the first model against the second's. */
export function compareTopAppsSummary(cols: TopAppsColumn[]): string {
  const tops = cols.filter((c) => c.result?.apps[0]).map((c) => ({ label: c.label, app: c.result!.apps[0] }));
  if (!tops.length) return "No app usage recorded for these models in this range.";
  const [a, b] = tops;
  const head = `The top app on ${a.label} was ${cleanText(a.app.appName)} with ${formatTokens(a.app.tokens)} tokens`;
  if (!b) return `${head}.`;
  const r = Number(b.app.tokens) > 0 ? Number(a.app.tokens) / Number(b.app.tokens) : null;
  return `${head}${r ? `, ${formatRatio(r)}` : ""} the top app on ${b.label} (${cleanText(b.app.appName)}, ${formatTokens(b.app.tokens)}).`;
}
