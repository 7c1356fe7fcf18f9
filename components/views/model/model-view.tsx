"use client";

import { AlignControl, EventsControl, IntervalControl, LaunchDaysControl, MetricControl, ScaleControl } from "@/components/controls/view-controls";
import { RangeControl } from "@/components/controls/range-control";
import { ChartFrame } from "@/components/frame/chart-frame";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { topAppsFigure } from "@/lib/figures/apps";
import { adoptionFigure, modelName, priceHistoryFigure, variantsFigure } from "@/lib/figures/model";
import type { ModelDetailResult } from "@/lib/queries/types";
import { useApiQuery } from "@/lib/ui/use-api";
import { useViewState } from "@/lib/ui/use-view-state";
import { ModelSpecs } from "./model-specs";
import { modelAdoptionOptions, modelAppsOptions, modelVariantsOptions } from "@/lib/pages/api-queries";

/** `detail`: the server render's answer (its charts' answers reach the views through the seeded cache). */
export function ModelView({ detail, oldestDay }: { detail: ModelDetailResult; oldestDay: string | null }) {
  const { state } = useViewState();
  const id = detail.model.publicId;
  const name = modelName(detail);
  const a = detail.adoption;
  const adoption = useApiQuery(modelAdoptionOptions(state, id));
  const apps = useApiQuery(modelAppsOptions(state, id));
  const hasVariants = detail.variants.length > 1;
  const variants = useApiQuery(modelVariantsOptions(state, detail.variants), { enabled: hasVariants });
  const price = <ChartFrame chartId="model-price-history" figure={priceHistoryFigure(detail, state.events)} controls={<EventsControl />} />;
  return (
    <div className="space-y-4">
      {detail.provenance.sample && <SampleDataBadge />}
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <RangeControl resolved={{ from: a.from, to: a.to, newestDay: a.newestDay }} oldestDay={oldestDay} />
      </div>
      <ChartFrame
        chartId="model-adoption"
        figure={adoption.data ? adoptionFigure(adoption.data, name, state.scale, detail.events, state.events) : null}
        loading={adoption.isFetching}
        error={adoption.error?.message}
        controls={
          <>
            <IntervalControl />
            <AlignControl />
            <LaunchDaysControl />
            <MetricControl />
            <ScaleControl />
            <EventsControl />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFrame chartId="model-top-apps" figure={apps.data ? topAppsFigure(apps.data, name) : null} loading={apps.isFetching} error={apps.error?.message} />
        {hasVariants ? (
          <ChartFrame chartId="model-variants" figure={variants.data ? variantsFigure(variants.data) : null} loading={variants.isFetching} error={variants.error?.message} />
        ) : (
          price
        )}
      </div>
      {hasVariants && price}
      <ModelSpecs detail={detail} />
    </div>
  );
}
