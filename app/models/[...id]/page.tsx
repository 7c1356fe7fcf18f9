import Link from "next/link";
import { SeedQueries } from "@/components/seed-queries";
import { UnknownSubject } from "@/components/unknown-subject";
import { MODEL_DEFAULTS } from "@/lib/pages/api-queries";
import { ModelView } from "@/components/views/model/model-view";
import { viewDataFor } from "@/lib/server/view-data";
import { shareMetadata } from "@/lib/share/metadata";
import { viewTitle } from "@/lib/share/view-title";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { shortName } from "@/lib/labels";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { subjectFromSegments, type ViewAddress } from "@/lib/view/address";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string[] }>;


async function addressOf(params: Params, searchParams: PageSearchParams): Promise<ViewAddress> {
  return { view: "model", subject: subjectFromSegments((await params).id), state: parseViewState(await searchParams, MODEL_DEFAULTS).state };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const address = await addressOf(params, searchParams);
  return shareMetadata(address, await viewDataFor(address));
}

export default async function ModelPage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const address = await addressOf(params, searchParams);
  const ref = address.subject!;
  const data = await viewDataFor(address);
  if (data.view !== "model") throw new Error("model data expected");
  if (!data.detail) {
    return (
      <UnknownSubject title={ref} error={data.error}>
        {" "}
        to pick a model from the rankings.
      </UnknownSubject>
    );
  }
  const m = data.detail.model;
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
      <ViewDefaults defaults={MODEL_DEFAULTS} view="model" context={viewTitle(data)} subject={ref}>
        <SeedQueries data={data} state={address.state}>
          <ModelView detail={data.detail} oldestDay={data.oldestDay} />
        </SeedQueries>
      </ViewDefaults>
    </div>
  );
}
