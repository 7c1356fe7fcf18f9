/** The compare page's charts: adoption, top apps side by side, estimated spend. */
import type { AppsResult, CompareResult, UsageResult } from "@/lib/queries/types";
import type { ModelEvent } from "@/lib/queries/types";
import { formatRatio, formatTokens, formatUsd } from "@/lib/format";
import { shortName } from "@/lib/labels";
import type { ViewState } from "@/lib/view/state";
import { appBarItems, appLinks, appsCoverageNote, appsTable, compareTopAppsSummary, topAppsTitle, type TopAppsColumn } from "./apps";
import { rangeText } from "./summaries";
import type { CompareModel } from "@/lib/queries/types";
import { colorSlots } from "./palette";
import type { Figure } from "./types";
import { usageFigure } from "./usage";

/** How estimated spend was computed, per basis (lib/queries/compare.ts). */
const SPEND_BASIS: Record<string, string> = {
  "prompt-completion": "prompt tokens at the input price plus completion tokens at the output price",
  "input-only": "all tokens at the input price (no prompt/completion split stored, so a lower bound)",
  mixed: "prompt × input + completion × output price where the split is stored, all tokens at the input price elsewhere",
};

function spendSummary(c: CompareResult): string {
  const priced = c.models.filter((m) => m.estimatedSpendUsd !== null).sort((a, b) => b.estimatedSpendUsd! - a.estimatedSpendUsd!);
  if (!priced.length) return "None of these models lists a price, so spend cannot be estimated.";
  const [a, b] = priced;
  const head = `At list prices, ${shortName(a.label, a.key)}'s ${formatTokens(a.tokens)} tokens cost an estimated ${formatUsd(a.estimatedSpendUsd)}`;
  if (!b || !b.estimatedSpendUsd) return `${head}.`;
  // Windows counted whole and days inside the range cover different spans: no ratio between them.
  if (a.estimatedFrom !== b.estimatedFrom) return `${head}; ${shortName(b.label, b.key)}'s, from ${b.estimatedFrom === "windows" ? "the source's weekly windows" : "daily figures"}, ${formatUsd(b.estimatedSpendUsd)}.`;
  return `${head}, ${formatRatio(a.estimatedSpendUsd! / b.estimatedSpendUsd)} ${shortName(b.label, b.key)}'s ${formatUsd(b.estimatedSpendUsd)}.`;
}

/** Which method a model's estimate used: its basis, and days or the source's windows (lib/queries/compare.ts). */
export function spendMethod(m: CompareModel): string {
  const basis = m.estimatedSpendBasis ? SPEND_BASIS[m.estimatedSpendBasis] ?? m.estimatedSpendBasis : "no estimate";
  const from = m.estimatedFrom === "windows" && m.windowCoverage ? `the source's weekly windows, counted whole (${rangeText(m.windowCoverage.from, m.windowCoverage.to)})` : "daily figures";
  return `${shortName(m.label, m.key)}: ${from}; ${basis}`;
}

/** The note under the spend chart: each period's tokens at the list price in effect then, and each model's method. */
function spendFootnote(c: CompareResult): string {
  const methods = c.models.filter((m) => m.estimatedSpendBasis).map(spendMethod);
  return (
    `How this is estimated: each day's (or source window's) tokens × the list price per 1M tokens in effect then` +
    `${methods.length ? ` — ${methods.join(". ")}` : ""}. Free variants cost nothing; caching discounts ` +
    `and provider-specific prices are ignored. An order of magnitude, not an invoice.`
  );
}

/** The label of the i-th compared series: the model's name once the compare answer is in, else the ids. */
export function compareLabel(c: CompareResult | null | undefined, models: string[][], i: number): string {
  const same = c && c.models.length === models.length;
  return same ? shortName(c.models[i].label, c.models[i].key) : models[i].join(" + ");
}

/** The compared series' keys (their colours): the compare answer's, else the refs as given. */
export function compareKeys(c: CompareResult | null | undefined, models: string[][]): string[] {
  return c && c.models.length === models.length ? c.models.map((m) => m.key) : models.map((m) => m.join("+"));
}

export function compareUsageFigure(u: UsageResult, state: Pick<ViewState, "scale" | "events">, events?: readonly ModelEvent[]): Figure {
  return usageFigure("compare-usage", u, { title: "Adoption", scale: state.scale, events, showEvents: state.events });
}

/** Top apps of each compared series; `keys` are the series keys, so each panel has its model's colour. */
export function compareTopAppsFigure(cols: TopAppsColumn[], keys: string[]): Figure | null {
  const colors = colorSlots(keys);
  const first = cols.find((c) => c.result)?.result;
  if (!first) return null;
  const any = cols.some((c) => c.result?.apps.length);
  const notes = [...new Set(cols.map((c) => (c.result ? appsCoverageNote(c.result) : null)).filter((n): n is string => !!n))];
  const linked = [...new Map(cols.flatMap((c) => c.result?.apps.slice(0, 3) ?? []).map((a) => [a.appId, a])).values()];
  return {
    chart: "compare-top-apps",
    title: topAppsTitle(first),
    summary: compareTopAppsSummary(cols),
    provenance: first.provenance,
    empty: any ? null : { message: "No app usage for these models in this range", suggestion: "Apps are reported monthly for some sources: try a range covering whole months." },
    // One scale for all panels: side by side, bar lengths compare across models.
    plot: any ? { type: "bars", sharedMax: true, panels: cols.map((c, i) => ({ title: c.label, color: colors[i], items: c.result ? appBarItems(c.result, colors[i]) : [] })) } : null,
    footnotes: notes,
    table: appsTable(cols.map((c) => ({ label: c.label, result: c.result as AppsResult | undefined }))),
    links: linked.length ? { label: "App pages", items: appLinks(linked, linked.length) } : undefined,
  };
}

export function compareSpendFigure(c: CompareResult): Figure {
  const colors = colorSlots(c.models.map((m) => m.key));
  const none = c.models.every((m) => m.estimatedSpendUsd === null);
  return {
    chart: "compare-spend",
    title: `Estimated spend, ${rangeText(c.from, c.to)}`,
    summary: spendSummary(c),
    provenance: c.provenance,
    footnotes: [spendFootnote(c)],
    empty: none ? { message: "No list prices for these models", suggestion: "Spend is tokens × list price; a model priced dynamically, or with no price stored, cannot be estimated." } : null,
    plot: none
      ? null
      : {
          type: "bars",
          sharedMax: false,
          panels: [{ items: c.models.map((m, i) => ({ key: m.key, label: shortName(m.label, m.key), value: m.estimatedSpendUsd ?? 0, text: formatUsd(m.estimatedSpendUsd), color: colors[i] })) }],
        },
    table: {
      columns: [
        { key: "model", label: "Model", kind: "text" },
        { key: "tokens", label: "Tokens", kind: "tokens" },
        { key: "input_per_m", label: "Input $/M (now)", kind: "price" },
        { key: "output_per_m", label: "Output $/M (now)", kind: "price" },
        { key: "spend_usd", label: "Estimated spend", kind: "usd" },
        { key: "basis", label: "Method", kind: "text" },
        { key: "from", label: "Summed from", kind: "text" },
      ],
      rows: c.models.map((m) => ({ model: m.key, tokens: m.reported === false ? null : m.tokens, input_per_m: m.inputPerM, output_per_m: m.outputPerM, spend_usd: m.estimatedSpendUsd, basis: m.estimatedSpendBasis, from: m.estimatedFrom === "windows" && m.windowCoverage ? `source windows, ${rangeText(m.windowCoverage.from, m.windowCoverage.to)}` : "days" })),
    },
  };
}

export interface CompareAnswers {
  compare: CompareResult | null;
  usage: UsageResult | null;
  apps: (AppsResult | null | undefined)[];
}

export function compareFigure(chart: string, d: CompareAnswers, state: ViewState): Figure | null {
  if (chart === "compare-usage") return d.usage ? compareUsageFigure(d.usage, state, d.compare?.events) : null;
  if (chart === "compare-top-apps") return compareTopAppsFigure(state.models.map((_, i) => ({ label: compareLabel(d.compare, state.models, i), result: d.apps[i] ?? undefined })), compareKeys(d.compare, state.models));
  if (chart === "compare-spend") return d.compare ? compareSpendFigure(d.compare) : null;
  return null;
}
