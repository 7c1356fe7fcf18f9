import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SeedQueries } from "@/components/seed-queries";
import { ViewBody } from "@/components/share/view-body";
import { formatTimestamp } from "@/lib/format";
import { permalinkFor, viewDataFor } from "@/lib/server/view-data";
import { shareMetadata, viewTitle } from "@/lib/share/metadata";
import { permalinkAddress } from "@/lib/share/resolve-chart";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { pageHref } from "@/lib/view/address";
import { isChartId } from "@/lib/view/charts";
import { PAGE_DEFAULTS } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const row = await permalinkFor((await params).id);
  const address = row ? permalinkAddress(row) : null;
  return row && address ? { row, address, chart: row.chart && isChartId(row.chart) ? row.chart : undefined } : null;
}

export async function generateMetadata({ params }: { params: Params }) {
  const p = await load(params);
  if (!p) return { title: "Permalink not found" };
  const pinned = p.row.mode === "pinned" && !!p.row.data;
  const data = pinned ? p.row.data! : await viewDataFor(p.address);
  return shareMetadata(p.address, data, { chart: p.chart, permalink: { id: p.row.id, pinned, asOf: p.row.asOf } });
}

/** /s/<id>: a pinned permalink renders the view from its stored data; a live one redirects to the view. */
export default async function PermalinkPage({ params }: { params: Params }) {
  const p = await load(params);
  if (!p) notFound();
  const { row, address } = p;
  const live = `${pageHref(address)}${p.chart ? `#${p.chart}` : ""}`;
  if (row.mode !== "pinned" || !row.data) redirect(live);
  const data = row.data;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{viewTitle(data)}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">A shared view of Modelshare.</p>
      </div>
      <div role="note" data-pinned className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100">
        <p>
          <strong className="font-semibold">Pinned: data as of {row.asOf ? formatTimestamp(row.asOf) : "the time of sharing"}.</strong> These are the figures
          as they were shared on {formatTimestamp(row.createdAt)}; later data and restatements do not change them.
        </p>
        <Link href={live} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          View live data
        </Link>
      </div>
      <ViewDefaults defaults={PAGE_DEFAULTS[address.view]} view={address.view} context={viewTitle(data)} subject={address.subject} pinned={{ id: row.id, query: row.query, asOf: row.asOf }}>
        <SeedQueries data={data} state={address.state} pinnedId={row.id}>
          <ViewBody data={data} />
        </SeedQueries>
      </ViewDefaults>
    </div>
  );
}
