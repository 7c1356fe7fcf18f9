import { SeedQueries } from "@/components/seed-queries";
import { CompareView } from "@/components/views/compare/compare-view";
import { COMPARE_DEFAULTS } from "@/lib/pages/api-queries";
import { viewDataFor } from "@/lib/server/view-data";
import { shareMetadata } from "@/lib/share/metadata";
import { viewTitle } from "@/lib/share/view-title";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import type { PageSearchParams } from "@/lib/ui/server-data";
import type { ViewAddress } from "@/lib/view/address";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

async function addressOf(searchParams: PageSearchParams): Promise<ViewAddress> {
  return { view: "compare", subject: null, state: parseViewState(await searchParams, COMPARE_DEFAULTS).state };
}

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  return shareMetadata(address, await viewDataFor(address));
}

export default async function ComparePage({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  const data = await viewDataFor(address);
  if (data.view !== "compare") throw new Error("compare data expected");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Compare models</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Adoption curves on one chart, specs and the ratios between them, top apps side by side, and estimated spend.
        </p>
      </div>
      <ViewDefaults defaults={COMPARE_DEFAULTS} view="compare" context={viewTitle(data)}>
        <SeedQueries data={data} state={address.state}>
          <CompareView initial={data} />
        </SeedQueries>
      </ViewDefaults>
    </div>
  );
}
