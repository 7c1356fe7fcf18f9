import type { Metadata } from "next";
import Link from "next/link";
import { MODEL_DEFAULTS } from "@/components/views/model/queries";
import { ModelView } from "@/components/views/model/model-view";
import { getModelDetail } from "@/lib/queries/model-detail";
import { getDb } from "@/lib/server/db";
import { settle, type PageSearchParams } from "@/lib/ui/server-data";
import { shortName } from "@/lib/ui/labels";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { getDataBounds } from "@/lib/view/range";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string[] }>;

function refOf(segments: string[]): string {
  return segments
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join("/");
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: refOf((await params).id) };
}

export default async function ModelPage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const ref = refOf((await params).id);
  const { state } = parseViewState(await searchParams, MODEL_DEFAULTS);
  const db = await getDb();
  const [detail, bounds] = await Promise.all([settle(getModelDetail(db, ref, { ...state, models: [[ref]] })), getDataBounds(db)]);
  if (!detail.data) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{ref}</h1>
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {detail.error}
        </p>
        <p className="text-sm">
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            Back to the overview
          </Link>{" "}
          to pick a model from the rankings.
        </p>
      </div>
    );
  }
  const m = detail.data.model;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{shortName(m.name, m.publicId)}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <span className="font-mono">{m.publicId}</span> by {m.author} ·{" "}
          <Link href={`/compare?models=${m.publicId}`} className="text-indigo-700 underline dark:text-indigo-300">
            Compare with…
          </Link>
        </p>
      </div>
      <ViewDefaults defaults={MODEL_DEFAULTS}>
        <ModelView detail={detail.data} serverState={state} oldestDay={bounds.oldestDay} />
      </ViewDefaults>
    </div>
  );
}
