import { VENDOR_DEFAULTS } from "@/lib/pages/api-queries";
import { SeedQueries } from "@/components/seed-queries";
import { VendorsView } from "@/components/views/vendors/vendors-view";
import { viewDataFor } from "@/lib/server/view-data";
import { shareMetadata } from "@/lib/share/metadata";
import { viewTitle } from "@/lib/share/view-title";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import type { ViewAddress } from "@/lib/view/address";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

async function addressOf(searchParams: PageSearchParams): Promise<ViewAddress> {
  return { view: "vendors", subject: null, state: parseViewState(await searchParams, VENDOR_DEFAULTS).state };
}

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  return shareMetadata(address, await viewDataFor(address));
}

export default async function VendorsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const address = await addressOf(searchParams);
  const data = await viewDataFor(address);
  if (data.view !== "vendors") throw new Error("vendors data expected");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Vendors: free vs paid</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          How much of each vendor&apos;s volume is given away through free variants, and who leads when only paid tokens count.
        </p>
      </div>
      <ViewDefaults defaults={VENDOR_DEFAULTS} view="vendors" context={viewTitle(data)}>
        <SeedQueries data={data} state={address.state}>
          <VendorsView initial={data} />
        </SeedQueries>
      </ViewDefaults>
    </div>
  );
}
