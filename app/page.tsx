import { DataStatusPanel } from "@/components/data-status";
import { FreshnessNote } from "@/components/freshness-note";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { OverviewView } from "@/components/views/overview/overview-view";
import { getDataStatus } from "@/lib/queries/data-status";
import { getFreshness, staleAfterHoursFromEnv } from "@/lib/queries/freshness";
import { collectorStatus } from "@/lib/server/collector";
import { getDb } from "@/lib/server/db";
import { viewDataFor } from "@/lib/server/view-data";
import { shareMetadata } from "@/lib/share/metadata";
import { viewTitle } from "@/lib/share/view-title";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import type { ViewAddress } from "@/lib/view/address";
import { PAGE_DEFAULTS, parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

const OVERVIEW_DEFAULTS = PAGE_DEFAULTS.overview;

async function addressOf(searchParams: PageSearchParams): Promise<ViewAddress> {
  return { view: "overview", subject: null, state: parseViewState(await searchParams, OVERVIEW_DEFAULTS).state };
}

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  return shareMetadata(address, await viewDataFor(address));
}

export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  const db = await getDb();
  const [status, data, freshness] = await Promise.all([
    getDataStatus(db),
    viewDataFor(address),
    getFreshness(db, { staleAfterHours: staleAfterHoursFromEnv() }),
  ]);
  if (data.view !== "overview") throw new Error("overview data expected");
  const { overview } = data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Where LLM tokens go</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Token usage per model, from the snapshots stored in this instance.</p>
      </div>
      <FreshnessNote freshness={freshness} />
      {(status.hasSampleData || overview.provenance.sample) && <SampleDataBadge />}
      {overview.week && overview.topModels.length ? (
        <ViewDefaults defaults={OVERVIEW_DEFAULTS} navigation="server" view="overview" context={viewTitle(data)}>
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
      <DataStatusPanel status={status} collector={collectorStatus()} />
    </div>
  );
}
