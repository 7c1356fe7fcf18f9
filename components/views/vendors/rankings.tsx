"use client";

import Link from "next/link";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { VariantControl } from "@/components/controls/view-controls";
import { ChartFrame } from "@/components/frame/chart-frame";
import type { SubsidyResult } from "@/lib/queries/types";
import { modelRankingItems, rankingLead, rankingTitle, vendorRankingItems } from "@/lib/figures/vendors";
import { formatTokens } from "@/lib/format";
import { seriesColor } from "@/lib/ui/palette";

const RANK_OPTIONS = [
  { value: "all" as const, label: "All tokens" },
  { value: "paid" as const, label: "Paid only" },
];

/** Vendors and models ranked by all tokens or by paid tokens only (the `variant` parameter). */
export function Rankings({ data, loading, paid }: { data: SubsidyResult; loading: boolean; paid: boolean }) {
  const vendors = vendorRankingItems(data, paid);
  const modelItems = modelRankingItems(data, paid);
  const models = modelItems.map((it) => it.m);
  const controls = <VariantControl label="Rank by" options={RANK_OPTIONS} />;
  const frameProps = { provenance: data.provenance, loading, controls };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartFrame
        chartId="vendor-ranking"
        title={rankingTitle("Vendors", paid, data)}
        summary={rankingLead(vendors, paid)}
        {...frameProps}
        empty={vendors.length ? null : { message: "No usage in this range", suggestion: "Try a longer range." }}
        table={{
          columns: [
            { key: "author", label: "Vendor" },
            { key: "tokens", label: paid ? "Paid tokens" : "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          ],
          rows: vendors.map((v) => ({ author: v.label, tokens: v.tokens })),
        }}
      >
        <BarListChart items={vendors.map((v) => ({ key: v.label, label: v.label, value: Number(v.tokens), color: seriesColor(0) }))} format={(v) => formatTokens(v)} />
      </ChartFrame>
      <ChartFrame
        chartId="model-ranking"
        title={rankingTitle("Models", paid, data)}
        summary={rankingLead(modelItems, paid)}
        {...frameProps}
        empty={modelItems.length ? null : { message: "No usage in this range", suggestion: "Try a longer range." }}
        table={{
          columns: [
            { key: "model", label: "Model" },
            { key: "author", label: "Vendor" },
            { key: "tokens", label: "Tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
            { key: "paid_tokens", label: "Paid tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
            { key: "free_tokens", label: "Free tokens", numeric: true, format: (v) => formatTokens(Number(v)) },
          ],
          rows: models.map((m) => ({ model: m.publicId, author: m.author, tokens: m.tokens, paid_tokens: m.paidTokens, free_tokens: m.freeTokens })),
        }}
        below={
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <span>Model pages:</span>
            {modelItems.slice(0, 5).map(({ m, label }) => (
              <Link key={m.publicId} href={`/models/${m.publicId}`} className="underline decoration-dotted hover:text-indigo-700 dark:hover:text-indigo-300">
                {label}
              </Link>
            ))}
          </p>
        }
      >
        <BarListChart
          items={modelItems.map((it) => ({ key: it.m.publicId, label: it.label, value: Number(it.tokens), color: seriesColor(0) }))}
          format={(v) => formatTokens(v)}
          labelWidth={150}
        />
      </ChartFrame>
    </div>
  );
}
