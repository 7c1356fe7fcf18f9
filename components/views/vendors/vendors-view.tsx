"use client";

import { IntervalControl, VariantControl } from "@/components/controls/view-controls";
import { ChartFrame } from "@/components/frame/chart-frame";
import { RangeControl } from "@/components/controls/range-control";
import { AuthorPicker } from "@/components/picker/author-picker";
import { SampleDataBadge } from "@/components/sample-data-badge";
import type { VendorsData } from "@/lib/pages/view-data-types";
import { freeShareFigure, freeShareTotalFigure, rankingFigure } from "@/lib/figures/vendors";
import { formatShare, formatTokens } from "@/lib/format";
import { colorCss, colorSlots } from "@/lib/figures/palette";
import { useApiQuery } from "@/lib/ui/use-api";
import { useViewState } from "@/lib/ui/use-view-state";
import { subsidyOptions } from "@/lib/pages/api-queries";

const RANK_OPTIONS = [
  { value: "all" as const, label: "All tokens" },
  { value: "paid" as const, label: "Paid only" },
];


/** `initial`: the server render's data (the chart's answer reaches the view through the seeded cache). */
export function VendorsView({ initial }: { initial: VendorsData }) {
  const { state, update } = useViewState();
  const { data, isFetching, error } = useApiQuery(subsidyOptions(state));
  const shown = data?.authors.map((a) => a.author) ?? state.authors;
  const chosen = state.authors.length ? state.authors : shown;
  const colors = colorSlots(chosen);
  const selected = chosen.map((a, i) => ({ value: a, label: a, color: colorCss(colors[i]) }));
  const message = error?.message ?? (data ? null : initial.error);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <AuthorPicker
          label={state.authors.length ? "Vendors" : `Vendors (top ${state.top} by tokens; edit to choose)`}
          authors={initial.authors}
          selected={selected}
          onChange={(authors) => update({ authors })}
        />
        <RangeControl resolved={data ? { from: data.from, to: data.to, newestDay: data.newestDay } : null} oldestDay={initial.oldestDay} />
      </div>
      {data?.provenance.sample && <SampleDataBadge />}
      {message && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {message}
        </p>
      )}
      {data && (
        <>
          {data.market.freeShare !== null && (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Across the whole market, <strong>{formatShare(data.market.freeShare)}</strong> of named models&apos; tokens (
              {formatTokens(data.market.freeTokens)} of {formatTokens(BigInt(data.market.freeTokens) + BigInt(data.market.paidTokens))}) went to free
              variants in this range
              {data.otherShare ? (
                <>
                  ; another <strong>{formatShare(data.otherShare)}</strong> of all tokens sit in the source&apos;s &ldquo;other&rdquo; bucket, whose free/paid split is unknown
                </>
              ) : null}
              .
            </p>
          )}
          <div className="grid gap-4 xl:grid-cols-2">
            <ChartFrame chartId="vendor-free-share" figure={freeShareFigure(data)} loading={isFetching} controls={<IntervalControl />} />
            <ChartFrame chartId="vendor-free-share-total" figure={freeShareTotalFigure(data)} loading={isFetching} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            {(["vendor-ranking", "model-ranking"] as const).map((chart) => (
              <ChartFrame
                key={chart}
                chartId={chart}
                figure={rankingFigure(chart, data, state.variant === "paid")}
                loading={isFetching}
                controls={<VariantControl label="Rank by" options={RANK_OPTIONS} />}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
