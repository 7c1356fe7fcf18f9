import { UnknownSubject } from "@/components/unknown-subject";
import { APP_DEFAULTS } from "@/lib/pages/api-queries";
import { SeedQueries } from "@/components/seed-queries";
import { AppView } from "@/components/views/app/app-view";
import { viewDataFor } from "@/lib/server/view-data";
import { shareMetadata } from "@/lib/share/metadata";
import { viewTitle } from "@/lib/share/view-title";
import { cleanText } from "@/lib/labels";
import type { PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { subjectFromSegments, type ViewAddress } from "@/lib/view/address";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ appId: string }>;


async function addressOf(params: Params, searchParams: PageSearchParams): Promise<ViewAddress> {
  return { view: "app", subject: subjectFromSegments([(await params).appId]), state: parseViewState(await searchParams, APP_DEFAULTS).state };
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const address = await addressOf(params, searchParams);
  return shareMetadata(address, await viewDataFor(address));
}

export default async function AppPage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const address = await addressOf(params, searchParams);
  const appId = address.subject!;
  const data = await viewDataFor(address);
  if (data.view !== "app") throw new Error("app data expected");
  if (!data.mix) {
    return <UnknownSubject title={`App “${cleanText(appId)}”`} error={data.error} />;
  }
  const app = data.mix.app;
  return (
    <div className="space-y-4">
      <div>
        {/* External strings: bounded, without control characters or bidi overrides (lib/ui/labels.ts). */}
        <h1 className="text-2xl font-semibold tracking-tight">{viewTitle(data)}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          App <span className="font-mono">{cleanText(app.appId)}</span>
          {app.categories.length > 0 && <> · {cleanText(app.categories.join(", "))}</>}
          {app.url && /^https?:\/\//i.test(app.url) && (
            <>
              {" "}
              ·{" "}
              <a href={app.url} rel="nofollow noopener noreferrer" className="text-indigo-700 underline dark:text-indigo-300">
                website
              </a>
            </>
          )}
        </p>
      </div>
      <ViewDefaults defaults={APP_DEFAULTS} view="app" context={viewTitle(data)} subject={appId}>
        <SeedQueries data={data} state={address.state}>
          <AppView appId={appId} initial={data.mix} oldestDay={data.oldestDay} />
        </SeedQueries>
      </ViewDefaults>
    </div>
  );
}
