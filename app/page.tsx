import { DataStatusPanel } from "@/components/data-status";
import { FreshnessNote } from "@/components/freshness-note";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { OverviewView } from "@/components/views/overview/overview-view";
import { getDataStatus } from "@/lib/queries/data-status";
import { getFreshness, staleAfterHoursFromEnv } from "@/lib/queries/freshness";
import { getOverview } from "@/lib/queries/overview";
import { getDb } from "@/lib/server/db";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { parseViewState, type ViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

const OVERVIEW_DEFAULTS: Partial<ViewState> = { interval: "week" };

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { state } = parseViewState(await searchParams, OVERVIEW_DEFAULTS);
  const db = await getDb();
  const [status, overview, freshness] = await Promise.all([
    getDataStatus(db),
    getOverview(db, { ...state, models: [], authors: [] }),
    getFreshness(db, { staleAfterHours: staleAfterHoursFromEnv() }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Where LLM tokens go</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Token usage per model, from the snapshots stored in this instance.</p>
      </div>
      <FreshnessNote freshness={freshness} />
      {(status.hasSampleData || overview.provenance.sample) && <SampleDataBadge />}
      {overview.week && overview.topModels.length ? (
        <ViewDefaults defaults={OVERVIEW_DEFAULTS} navigation="server">
          <OverviewView overview={overview} oldestDay={status.firstDay} />
        </ViewDefaults>
      ) : (
        <section aria-labelledby="top-heading" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="top-heading" className="text-base font-semibold">
            Top models
          </h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            No usage stored yet. Ingest a snapshot with <code>POST /api/ingest</code> or <code>npm run ingest -- file.json</code>.
          </p>
        </section>
      )}
      <DataStatusPanel status={status} />
    </div>
  );
}
