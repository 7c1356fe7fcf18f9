import type { Metadata } from "next";
import Link from "next/link";
import { APP_DEFAULTS, appMixQuery } from "@/components/views/app/queries";
import { AppView } from "@/components/views/app/app-view";
import { getAppMix } from "@/lib/queries/apps";
import { getDb } from "@/lib/server/db";
import { settle, type PageSearchParams } from "@/lib/ui/server-data";
import { ViewDefaults } from "@/lib/ui/view-defaults";
import { getDataBounds } from "@/lib/view/range";
import { parseViewState } from "@/lib/view/state";

export const dynamic = "force-dynamic";

type Params = Promise<{ appId: string }>;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `App ${decode((await params).appId)}` };
}

export default async function AppPage({ params, searchParams }: { params: Params; searchParams: PageSearchParams }) {
  const appId = decode((await params).appId);
  const { state } = parseViewState(await searchParams, APP_DEFAULTS);
  const db = await getDb();
  const mixState = { ...state, models: [], authors: [], metric: state.metric === "share" ? ("share" as const) : ("tokens" as const) };
  const [mix, bounds] = await Promise.all([settle(getAppMix(db, appId, mixState)), getDataBounds(db)]);
  if (!mix.data) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">App “{appId}”</h1>
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {mix.error}
        </p>
        <p className="text-sm">
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            Back to the overview
          </Link>
        </p>
      </div>
    );
  }
  const app = mix.data.app;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{app.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          App <span className="font-mono">{app.appId}</span>
          {app.categories.length > 0 && <> · {app.categories.join(", ")}</>}
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
      <ViewDefaults defaults={APP_DEFAULTS}>
        <AppView appId={appId} initial={{ query: appMixQuery(state), data: mix.data }} oldestDay={bounds.oldestDay} />
      </ViewDefaults>
    </div>
  );
}
