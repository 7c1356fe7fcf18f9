"use client";

import type { CompareResult } from "@/lib/queries/types";
import { formatContext, formatDay, formatPriceRatio, formatPricePerM, formatRatio, formatTokens, formatUsd } from "@/lib/format";
import { shortName } from "@/lib/labels";
import { colorCss, colorSlots } from "@/lib/figures/palette";
import { SourceLine } from "@/components/frame/source-line";
import { rangeText } from "@/lib/figures/summaries";

/** Sentences a writer can quote: the first model against each other one. */
function ratioSentences(c: CompareResult): string[] {
  const [first] = c.models;
  if (!first) return [];
  return c.ratios.slice(1).map((r, i) => {
    const other = c.models[i + 1];
    const parts: string[] = [];
    if (r.tokens !== null) parts.push(`${formatRatio(r.tokens)} the tokens`);
    if (r.topApp !== null) parts.push(`${formatRatio(r.topApp)} the top app's volume (${formatTokens(first.topApp?.tokens ?? 0)} vs ${formatTokens(other.topApp?.tokens ?? 0)})`);
    if (r.inputPrice !== null) parts.push(formatPriceRatio(r.inputPrice, "input"));
    if (r.outputPrice !== null) parts.push(formatPriceRatio(r.outputPrice, "output"));
    if (r.context !== null) parts.push(`${formatRatio(r.context)} the context`);
    return `${shortName(first.label, first.key)} vs ${shortName(other.label, other.key)}: ${parts.join(", ") || "no comparable figures"}.`;
  });
}

/** Specs side by side (one column per model) and the ratios between them. */
export function CompareSpecs({ data }: { data: CompareResult }) {
  const colors = colorSlots(data.models.map((m) => m.key));
  const rows: [string, (m: CompareResult["models"][number]) => string][] = [
    ["Launch", (m) => (m.launchDate ? formatDay(m.launchDate) : "—")],
    ["Context", (m) => formatContext(m.contextLength)],
    ["Input price", (m) => (m.free ? "free" : formatPricePerM(m.inputPerM, m.priceListed !== false))],
    ["Output price", (m) => (m.free ? "free" : formatPricePerM(m.outputPerM, m.priceListed !== false))],
    ["Free variant", (m) => (m.free ? "is free" : m.hasFreeVariant ? "yes" : "no")],
    ["Tokens in range", (m) => (m.reported === false ? "not reported" : formatTokens(m.tokens))],
    ["Top app", (m) => (m.topApp ? `${m.topApp.appName} · ${formatTokens(m.topApp.tokens)}` : "—")],
    ["Estimated spend", (m) => formatUsd(m.estimatedSpendUsd)],
  ];
  const sentences = ratioSentences(data);
  return (
    <section aria-labelledby="specs-heading" data-chart-id="compare-specs" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="specs-heading" className="text-base font-semibold">
        Specs and ratios
      </h2>
      {sentences.length > 0 && (
        <ul data-ratios className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-300">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 overflow-x-auto rounded border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Specs table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Specs of the compared models, {rangeText(data.from, data.to)}</caption>
          <thead className="bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                <span className="sr-only">Spec</span>
              </th>
              {data.models.map((m, i) => (
                <th key={m.key} scope="col" className="min-w-[8.5rem] px-3 py-1.5 align-bottom font-medium">
                  <span aria-hidden="true" className="mr-1.5 inline-block h-2.5 w-2.5 rounded-full" style={{ background: colorCss(colors[i]) }} />
                  {shortName(m.label, m.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="w-28 px-3 py-1 font-medium text-slate-600 dark:text-slate-400">
                  {label}
                </th>
                {data.models.map((m) => (
                  <td key={m.key} className="px-3 py-1 tabular-nums">
                    {cell(m)}
                  </td>
                ))}
              </tr>
            ))}
            {data.models.length > 1 && (
              <tr className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="w-28 px-3 py-1 font-medium text-slate-600 dark:text-slate-400">
                  Ratio, first ÷ this
                </th>
                {data.ratios.map((r, i) => (
                  <td key={r.key} className="px-3 py-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
                    {i === 0
                      ? "—"
                      : [
                          r.tokens !== null && `${formatRatio(r.tokens)} tokens`,
                          r.topApp !== null && `${formatRatio(r.topApp)} top app`,
                          r.inputPrice !== null && formatPriceRatio(r.inputPrice, "input"),
                          r.context !== null && `${formatRatio(r.context)} context`,
                        ]
                          .filter(Boolean)
                          .join(" · ") || "—"}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="mt-3">
        <SourceLine provenance={data.provenance} />
      </div>
    </section>
  );
}
