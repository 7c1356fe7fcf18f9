import Link from "next/link";
import { notFound } from "next/navigation";
import { AppsTable } from "@/components/index/apps-table";
import { ModelsTable } from "@/components/index/models-table";
import { VendorPeriods } from "@/components/index/vendor-periods";
import { RangeControl } from "@/components/controls/range-control";
import { SampleDataBadge } from "@/components/sample-data-badge";
import { vendorName } from "@/lib/domain/vendors";
import { appsCoverageNote, topAppsTitle } from "@/lib/figures/apps";
import { formatDay, formatShare, formatTokens } from "@/lib/format";
import { VENDOR_DEFAULTS } from "@/lib/pages/api-queries";
import { modelsIndexHref, modelsIndexRows, MODELS_INDEX_DEFAULTS } from "@/lib/pages/models-index";
import { loadVendorPage } from "@/lib/pages/vendor-page";
import { getDb } from "@/lib/server/db";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ author: string }>;

/** A slug as the URL carries it; anything that cannot be an author is not found. */
async function authorOf(params: Params): Promise<string> {
  let author: string;
  try {
    author = decodeURIComponent((await params).author);
  } catch {
    notFound();
  }
  if (!/^[~\w.-]{1,100}$/.test(author)) notFound();
  return author;
}

export async function generateMetadata({ params }: { params: Params }) {
  const author = await authorOf(params);
  return { title: vendorName(author), description: `${vendorName(author)}'s models, tokens over time, free vs paid and top apps.` };
}

export default async function VendorPage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const author = await authorOf(params);
  const { state } = parseViewState(await searchParams, VENDOR_DEFAULTS);
  const data = await loadVendorPage(await getDb(), author, state);
  if (!data) notFound();
  const name = vendorName(author);
  const p = data.periods;
  const free = BigInt(p?.freeTokens ?? "0");
  const paid = BigInt(p?.paidTokens ?? "0");
  const rows = modelsIndexRows(data.models, MODELS_INDEX_DEFAULTS);
  const range = `${formatDay(data.from)} to ${formatDay(data.to)}`;
  const appsTitle = `${topAppsTitle(data.apps)} on ${name}'s models`;
  const appsNote = appsCoverageNote(data.apps);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Vendor <span className="font-mono">{author}</span> · {data.models.length} model{data.models.length === 1 ? "" : "s"} ·{" "}
          <Link href={`/vendors?authors=${encodeURIComponent(author)}`} className="text-indigo-700 underline dark:text-indigo-300">
            free share against other vendors
          </Link>{" "}
          ·{" "}
          <Link href={modelsIndexHref({ ...MODELS_INDEX_DEFAULTS, author })} className="text-indigo-700 underline dark:text-indigo-300">
            in the models index
          </Link>
        </p>
      </div>
      <ViewDefaults defaults={VENDOR_DEFAULTS} navigation="server">
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <RangeControl resolved={{ from: data.from, to: data.to, newestDay: data.newestDay }} oldestDay={data.oldestDay} />
        </div>
      </ViewDefaults>
      {data.provenance.sample && <SampleDataBadge />}
      <section aria-labelledby="vendor-tokens" className="space-y-2">
        <h2 id="vendor-tokens" className="text-lg font-semibold">
          Tokens over time, free vs paid
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {free + paid > BigInt(0) ? (
            <>
              From {range}, {name}&apos;s reported models had <strong>{formatTokens(free + paid)}</strong> tokens;{" "}
              <strong>{p?.freeShare === null || p?.freeShare === undefined ? "—" : formatShare(p.freeShare)}</strong> went to free variants.
            </>
          ) : (
            <>No reported tokens for {name}&apos;s models from {range}: its models may sit below the source&apos;s top list. Try a wider range.</>
          )}
        </p>
        {p && p.points.length > 0 && <VendorPeriods points={p.points} interval={state.interval} caption={`${name}: paid and free tokens per ${state.interval}, ${range}`} />}
      </section>
      <section aria-labelledby="vendor-apps" className="space-y-2">
        <h2 id="vendor-apps" className="text-lg font-semibold">
          {appsTitle}
        </h2>
        {appsNote && <p className="text-sm text-amber-800 dark:text-amber-200">{appsNote}</p>}
        {data.apps.apps.length ? (
          <AppsTable rows={data.apps.apps.map((a, i) => ({ ...a, rank: i + 1 }))} caption={appsTitle} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No app usage recorded for {name}&apos;s models in this range.</p>
        )}
      </section>
      <section aria-labelledby="vendor-models" className="space-y-2">
        <h2 id="vendor-models" className="text-lg font-semibold">
          Models
        </h2>
        <ModelsTable rows={rows} caption={`${name}'s models, most tokens from ${range} first`} />
      </section>
      {data.provenance.citations.length > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{data.provenance.citations.join(" ")}</p>}
    </div>
  );
}
