import { DataStatusPanel } from "@/components/data-status";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { TopModelsTable } from "@/components/top-models-table";
import { getDataStatus } from "@/lib/queries/data-status";
import { getTopModels } from "@/lib/queries/top-models";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const db = await getDb();
  const [status, top] = await Promise.all([getDataStatus(db), getTopModels(db, { days: 7, limit: 10 })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Where LLM tokens go</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Token usage per model, from the snapshots stored in this instance.</p>
      </div>
      {status.hasSampleData && <SampleDataBadge />}
      <TopModelsTable top={top} />
      <DataStatusPanel status={status} />
    </div>
  );
}
