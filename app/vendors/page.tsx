import type { Metadata } from "next";
import { subsidyQuery, VENDOR_DEFAULTS } from "@/components/views/vendors/queries";
import { VendorsView } from "@/components/views/vendors/vendors-view";
import { listAuthors } from "@/lib/queries/models";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getDb } from "@/lib/server/db";
import { settle, type PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { getDataBounds } from "@/lib/view/range";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendors: free vs paid" };

export default async function VendorsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { state } = parseViewState(await searchParams, VENDOR_DEFAULTS);
  const db = await getDb();
  const [subsidy, authors, bounds] = await Promise.all([settle(getSubsidy(db, { ...state, models: [], variant: "all" })), listAuthors(db), getDataBounds(db)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Vendors: free vs paid</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          How much of each vendor&apos;s volume is given away through free variants, and who leads when only paid tokens count.
        </p>
      </div>
      <ViewDefaults defaults={VENDOR_DEFAULTS}>
        <VendorsView
          initial={{
            subsidy: subsidy.data ? { query: subsidyQuery(state), data: subsidy.data } : null,
            authors,
            oldestDay: bounds.oldestDay,
            error: subsidy.error,
          }}
        />
      </ViewDefaults>
    </div>
  );
}
