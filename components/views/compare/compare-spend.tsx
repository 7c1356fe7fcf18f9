"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { CompareResult } from "@/lib/queries/types";
import { SPEND_BASIS, spendSummary, spendTitle } from "@/lib/figures/compare";
import { formatPricePerM, formatTokens, formatUsd } from "@/lib/format";
import { shortName } from "@/lib/ui/labels";
import { seriesColor } from "@/lib/ui/palette";

/** Estimated spend (tokens × list price) per compared model, with how it was estimated. */
export function CompareSpend({ data, loading }: { data: CompareResult; loading: boolean }) {
  const bases = [...new Set(data.models.map((m) => m.estimatedSpendBasis).filter(Boolean))] as string[];
  return (
    <ChartFrame
      chartId="compare-spend"
      title={spendTitle(data)}
      summary={spendSummary(data)}
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
          {bases.length ? ` — ${bases.map((b) => SPEND_BASIS[b] ?? b).join("; ")}` : ""}. Free variants cost nothing; caching discounts,
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
