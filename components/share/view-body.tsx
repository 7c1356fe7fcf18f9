import { AppView } from "@/components/views/app/app-view";
import { CompareView } from "@/components/views/compare/compare-view";
import { ModelView } from "@/components/views/model/model-view";
import { OverviewView } from "@/components/views/overview/overview-view";
import { VendorsView } from "@/components/views/vendors/vendors-view";
import type { ViewData } from "@/lib/pages/view-data-types";

/** A view's client component from its data, with the same props as its page (used by pinned permalinks). */
export function ViewBody({ data }: { data: ViewData }) {
  switch (data.view) {
    case "overview":
      return data.overview.week && data.overview.topModels.length ? (
        <OverviewView overview={data.overview} oldestDay={data.oldestDay} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">No usage was stored when this link was shared.</p>
      );
    case "model":
      return data.detail ? <ModelView detail={data.detail} oldestDay={data.oldestDay} /> : <p role="alert">{data.error}</p>;
    case "compare":
      return <CompareView initial={data} />;
    case "vendors":
      return <VendorsView initial={data} />;
    case "app":
      return data.mix ? <AppView appId={data.appId} initial={data.mix} oldestDay={data.oldestDay} /> : <p role="alert">{data.error}</p>;
  }
}
