import type { Metadata } from "next";
import { CompareView } from "@/components/views/compare/compare-view";
import { COMPARE_DEFAULTS, compareQuery, compareState, topAppsQuery, TOP_APPS_PER_MODEL, usageQuery } from "@/components/views/compare/queries";
import type { CompareInitial } from "@/components/views/compare/types";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { settle, type PageSearchParams } from "@/lib/ui/server-data";
import { getTopApps } from "@/lib/queries/apps";
import { getCompare } from "@/lib/queries/compare";
import { listModels } from "@/lib/queries/models";
import { getUsage } from "@/lib/queries/usage";
import { getDataBounds } from "@/lib/view/range";
import { DEFAULT_VIEW, parseViewState } from "@/lib/view/state";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare models" };

export default async function ComparePage({ searchParams }: { searchParams: PageSearchParams }) {
  const state = compareState(parseViewState(await searchParams, COMPARE_DEFAULTS).state);
  const db = await getDb();
  const ready = state.models.length >= 2;
  const [bounds, catalogue, compare, usage, ...apps] = await Promise.all([
    getDataBounds(db),
    listModels(db, { ...DEFAULT_VIEW }),
    ready ? settle(getCompare(db, state)) : null,
    ready ? settle(getUsage(db, { ...state, authors: [] })) : null,
    ...(ready ? state.models.map((m) => settle(getTopApps(db, { ...state, models: [m], top: TOP_APPS_PER_MODEL }))) : []),
  ]);
  const initial: CompareInitial = {
    compare: compare?.data ? { query: compareQuery(state), data: compare.data } : null,
    usage: usage?.data ? { query: usageQuery(state), data: usage.data } : null,
    apps: state.models.flatMap((m, i) => (apps[i]?.data ? [{ query: topAppsQuery(state, m), data: apps[i].data }] : [])),
    suggestions: catalogue.models.slice(0, 12),
    oldestDay: bounds.oldestDay,
    error: compare?.error ?? usage?.error ?? null,
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compare models</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Adoption curves on one chart, specs and the ratios between them, top apps side by side, and estimated spend.
        </p>
      </div>
      <ViewDefaults defaults={COMPARE_DEFAULTS}>
        <CompareView initial={initial} />
      </ViewDefaults>
    </div>
  );
}
