"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { CompareResult } from "@/lib/queries/types";
import { formatPricePerM, formatRatio, formatTokens, formatUsd } from "@/lib/format";
import { shortName } from "@/lib/ui/labels";
import { seriesColor } from "@/lib/ui/palette";
import { rangeText } from "@/lib/ui/summaries";

const BASIS: Record<string, string> = {
  "prompt-completion": "prompt tokens at the input price plus completion tokens at the output price",
  "input-only": "all tokens at the input price (no prompt/completion split stored, so a lower bound)",
  mixed: "prompt × input + completion × output price where the split is stored, all tokens at the input price elsewhere",
};

function summary(c: CompareResult): string {
  const priced = c.models.filter((m) => m.estimatedSpendUsd !== null).sort((a, b) => b.estimatedSpendUsd! - a.estimatedSpendUsd!);
  if (!priced.length) return "None of these models lists a price, so spend cannot be estimated.";
  const [a, b] = priced;
  const head = `At list prices, ${shortName(a.label, a.key)}'s ${formatTokens(a.tokens)} tokens cost an estimated ${formatUsd(a.estimatedSpendUsd)}`;
  if (!b || !b.estimatedSpendUsd) return `${head}.`;
  return `${head}, ${formatRatio(a.estimatedSpendUsd! / b.estimatedSpendUsd)} ${shortName(b.label, b.key)}'s ${formatUsd(b.estimatedSpendUsd)}.`;
}

/** Estimated spend (tokens × list price) per compared model, with how it was estimated. */
export function CompareSpend({ data, loading }: { data: CompareResult; loading: boolean }) {
  const bases = [...new Set(data.models.map((m) => m.estimatedSpendBasis).filter(Boolean))] as string[];
  return (
    <ChartFrame
      chartId="compare-spend"
      title={`Estimated spend, ${rangeText(data.from, data.to)}`}
      summary={summary(data)}
      provenance={data.provenance}
      loading={loading}
      table={{
        columns: [
          { key: "model", label: "Model" },
          { key: "tokens", label: "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          { key: "input_per_m", label: "Input $/M", numeric: true, format: (v) => (v === null ? "—" : formatPricePerM(v)) },
          { key: "output_per_m", label: "Output $/M", numeric: true, format: (v) => (v === null ? "—" : formatPricePerM(v)) },
          { key: "spend_usd", label: "Estimated spend", numeric: true, format: (v) => formatUsd(v === null ? null : Number(v)) },
          { key: "basis", label: "Estimated from" },
        ],
        rows: data.models.map((m) => ({
          model: m.key,
          tokens: m.tokens,
          input_per_m: m.inputPerM,
          output_per_m: m.outputPerM,
          spend_usd: m.estimatedSpendUsd,
          basis: m.estimatedSpendBasis,
        })),
      }}
      empty={data.models.every((m) => m.estimatedSpendUsd === null) ? { message: "No list prices for these models", suggestion: "Spend is tokens × list price; models with dynamic pricing cannot be estimated." } : null}
      footnote={
        <p>
          How this is estimated: tokens in the range × the model&apos;s current list price per 1M tokens
          {bases.length ? ` — ${bases.map((b) => BASIS[b] ?? b).join("; ")}` : ""}. Free variants cost nothing; caching discounts,
          provider-specific prices and price changes during the range are ignored. An order of magnitude, not an invoice.
        </p>
      }
    >
      <BarListChart
        items={data.models.map((m, i) => ({
          key: m.key,
          label: shortName(m.label, m.key),
          value: m.estimatedSpendUsd ?? 0,
          color: seriesColor(i),
          text: formatUsd(m.estimatedSpendUsd),
        }))}
        format={formatUsd}
        labelWidth={150}
      />
    </ChartFrame>
  );
}
