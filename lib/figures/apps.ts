/** Top-apps charts (model page, compare page): summaries and bar items. */
import type { AppsResult } from "@/lib/queries/types";
import { formatRatio, formatTokens } from "@/lib/format";
import { cleanText } from "@/lib/ui/labels";
import { rangeText } from "@/lib/ui/summaries";
import type { BarItem, ColorRef } from "./types";

export function topAppsTitle(a: Pick<AppsResult, "from" | "to"> | null | undefined): string {
  return a ? `Top apps, ${rangeText(a.from, a.to)}` : "Top apps";
}

/** "Lemonade was the top app on Gemini 3 Flash Preview with 236B tokens, 3.7× the next, …". */
export function topAppsSummary(a: AppsResult, subject: string): string {
  const [first, second] = a.apps;
  if (!first) return `No app usage recorded for ${subject} in this range.`;
  const head = `${cleanText(first.appName)} was the top app on ${subject} with ${formatTokens(first.tokens)} tokens`;
  if (!second || second.tokens === "0") return `${head}.`;
  return `${head}, ${formatRatio(Number(first.tokens) / Number(second.tokens))} the next, ${cleanText(second.appName)} (${formatTokens(second.tokens)}).`;
}

export function appBarItems(a: AppsResult, color: ColorRef): BarItem[] {
  return a.apps.map((x) => ({ key: x.appId, label: cleanText(x.appName), value: Number(x.tokens), text: formatTokens(Number(x.tokens)), color }));
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
