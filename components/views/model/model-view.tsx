"use client";

import { AlignControl, IntervalControl, MetricControl, ScaleControl } from "@/components/controls/view-controls";
import { RangeControl } from "@/components/controls/range-control";
import { TopAppsCard } from "@/components/charts/top-apps-card";
import { UsageCard } from "@/components/charts/usage-card";
import { SampleDataBadge } from "@/components/sample-data-badge";
import type { ModelDetailResult } from "@/lib/queries/types";
import { shortName } from "@/lib/ui/labels";
import { useViewState } from "@/lib/ui/use-view-state";
import type { ViewState } from "@/lib/view/state";
import { ModelSpecs } from "./model-specs";
import { PriceHistory } from "./price-history";
import { adoptionQuery, appsQuery, variantQuery } from "./queries";

/** `serverState` is the state `detail` was computed for: its data seeds the charts only for that state. */
export function ModelView({ detail, serverState, oldestDay }: { detail: ModelDetailResult; serverState: ViewState; oldestDay: string | null }) {
  const { state } = useViewState();
  const id = detail.model.publicId;
  const name = shortName(detail.model.name, id);
  const a = detail.adoption;
  return (
    <div className="space-y-4">
      {detail.provenance.sample && <SampleDataBadge />}
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <RangeControl resolved={{ from: a.from, to: a.to, newestDay: a.newestDay }} oldestDay={oldestDay} />
      </div>
      <UsageCard
        chartId="model-adoption"
        title={`Adoption of ${name}`}
        query={adoptionQuery(state, id)}
        initial={{ query: adoptionQuery(serverState, id), data: detail.adoption }}
        scale={state.scale}
        controls={
          <>
            <IntervalControl />
            <AlignControl />
            <MetricControl />
            <ScaleControl />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <TopAppsCard chartId="model-top-apps" subject={name} query={appsQuery(state, id)} initial={{ query: appsQuery(serverState, id), data: detail.apps }} />
        {detail.variants.length > 1 ? (
          <UsageCard
            chartId="model-variants"
            title="Free vs paid variants"
            query={variantQuery(state, detail.variants)}
            initial={{ query: variantQuery(serverState, detail.variants), data: detail.variantSplit }}
            emptySuggestion="Try a longer date range."
          />
        ) : (
          <PriceHistory detail={detail} />
        )}
      </div>
      {detail.variants.length > 1 && <PriceHistory detail={detail} />}
      <ModelSpecs detail={detail} />
    </div>
  );
}
