/** The compare page's charts: adoption, top apps side by side, estimated spend. */
import type { AppsResult, CompareResult, UsageResult } from "@/lib/queries/types";
import { formatRatio, formatTokens, formatUsd } from "@/lib/format";
import { shortName } from "@/lib/ui/labels";
import { rangeText, usageSummary } from "@/lib/ui/summaries";
import type { ViewState } from "@/lib/view/state";
import { appBarItems, compareTopAppsSummary, topAppsTitle, type TopAppsColumn } from "./apps";
import { NO_MODEL_USAGE } from "./model";
import { usageHasData, usagePlot } from "./plot";
import type { Figure } from "./types";

/** How estimated spend was computed, per basis (lib/queries/compare.ts). */
export const SPEND_BASIS: Record<string, string> = {
  "prompt-completion": "prompt tokens at the input price plus completion tokens at the output price",
  "input-only": "all tokens at the input price (no prompt/completion split stored, so a lower bound)",
  mixed: "prompt × input + completion × output price where the split is stored, all tokens at the input price elsewhere",
};

export function spendTitle(c: CompareResult): string {
  return `Estimated spend, ${rangeText(c.from, c.to)}`;
}

export function spendSummary(c: CompareResult): string {
  const priced = c.models.filter((m) => m.estimatedSpendUsd !== null).sort((a, b) => b.estimatedSpendUsd! - a.estimatedSpendUsd!);
  if (!priced.length) return "None of these models lists a price, so spend cannot be estimated.";
  const [a, b] = priced;
  const head = `At list prices, ${shortName(a.label, a.key)}'s ${formatTokens(a.tokens)} tokens cost an estimated ${formatUsd(a.estimatedSpendUsd)}`;
  if (!b || !b.estimatedSpendUsd) return `${head}.`;
  return `${head}, ${formatRatio(a.estimatedSpendUsd! / b.estimatedSpendUsd)} ${shortName(b.label, b.key)}'s ${formatUsd(b.estimatedSpendUsd)}.`;
}

/** The note under the spend chart, as plain text. */
export function spendFootnote(c: CompareResult): string {
  const bases = [...new Set(c.models.map((m) => m.estimatedSpendBasis).filter(Boolean))] as string[];
  return (
    `How this is estimated: tokens in the range × the model's current list price per 1M tokens` +
    `${bases.length ? ` — ${bases.map((b) => SPEND_BASIS[b] ?? b).join("; ")}` : ""}. Free variants cost nothing; caching discounts, ` +
    `provider-specific prices and price changes during the range are ignored. An order of magnitude, not an invoice.`
  );
}

/** The label of the i-th compared series: the model's name once the compare answer is in, else the ids. */
export function compareLabel(c: CompareResult | null | undefined, models: string[][], i: number): string {
  const same = c && c.models.length === models.length;
  return same ? shortName(c.models[i].label, c.models[i].key) : models[i].join(" + ");
}

export interface CompareData {
  compare: CompareResult | null;
  usage: UsageResult | null;
  apps: (AppsResult | undefined)[];
}

export function compareFigure(chart: string, d: CompareData, state: ViewState): Figure | null {
  if (chart === "compare-usage") {
    const u = d.usage;
    if (!u) return null;
    const has = usageHasData(u);
    return {
      chart,
      title: "Adoption",
      summary: usageSummary(u),
      provenance: u.provenance,
      empty: has ? null : { message: NO_MODEL_USAGE, suggestion: "Try a longer date range, or calendar alignment." },
      plot: has ? usagePlot(u, state.scale) : null,
    };
  }
  if (chart === "compare-top-apps") {
    const cols: TopAppsColumn[] = state.models.map((_, i) => ({ label: compareLabel(d.compare, state.models, i), result: d.apps[i] }));
    const first = cols.find((c) => c.result)?.result;
    if (!first) return null;
    const any = cols.some((c) => c.result?.apps.length);
    return {
      chart,
      title: topAppsTitle(first),
      summary: compareTopAppsSummary(cols),
      provenance: first.provenance,
      empty: any ? null : { message: "No app usage for these models in this range", suggestion: "Apps are reported monthly for some sources: try a range covering whole months." },
      plot: any ? { type: "bars", sharedMax: true, panels: cols.map((c, i) => ({ title: c.label, color: i, items: c.result ? appBarItems(c.result, i) : [] })) } : null,
    };
  }
  if (chart === "compare-spend") {
    const c = d.compare;
    if (!c) return null;
    const none = c.models.every((m) => m.estimatedSpendUsd === null);
    return {
      chart,
      title: spendTitle(c),
      summary: spendSummary(c),
      provenance: c.provenance,
      footnote: spendFootnote(c),
      empty: none ? { message: "No list prices for these models", suggestion: "Spend is tokens × list price; models with dynamic pricing cannot be estimated." } : null,
      plot: none
        ? null
        : {
            type: "bars",
            sharedMax: false,
            panels: [
              { items: c.models.map((m, i) => ({ key: m.key, label: shortName(m.label, m.key), value: m.estimatedSpendUsd ?? 0, text: formatUsd(m.estimatedSpendUsd), color: i })) },
            ],
          },
    };
  }
  return null;
}
