/**
 * The answers a page's server render already has, under the keys its client views will ask for: the same
 * query-options factories (lib/pages/api-queries.ts) name them on both sides, so the first paint fetches
 * nothing and a changed control fetches only what changed.
 */
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { pageCacheSeconds } from "@/lib/server/page-cache";
import { appMixOptions, compareOptions, compareState, compareTopAppsOptions, compareUsageOptions, modelAdoptionOptions, modelAppsOptions, modelVariantsOptions, scopedKey, subsidyOptions } from "./api-queries";
import type { ViewData } from "./view-data-types";
import type { ViewState } from "@/lib/view/state";

interface SeededAnswer {
  queryKey: readonly [string, string];
  data: unknown;
}

const seed = (o: { queryKey: readonly [string, string] }, data: unknown): SeededAnswer[] => (data == null ? [] : [{ queryKey: o.queryKey, data }]);

function seededAnswers(d: ViewData, state: ViewState): SeededAnswer[] {
  switch (d.view) {
    case "overview":
      return []; // drawn from the server's data; its controls navigate (no API behind them)
    case "model": {
      if (!d.detail) return [];
      const id = d.detail.model.publicId;
      return [
        ...seed(modelAdoptionOptions(state, id), d.detail.adoption),
        ...seed(modelAppsOptions(state, id), d.detail.apps),
        ...(d.detail.variants.length > 1 ? seed(modelVariantsOptions(state, d.detail.variants), d.detail.variantSplit) : []),
      ];
    }
    case "compare": {
      const s = compareState(state);
      return [...seed(compareOptions(s), d.compare), ...seed(compareUsageOptions(s), d.usage), ...s.models.flatMap((m, i) => seed(compareTopAppsOptions(s, m), d.apps[i]))];
    }
    case "vendors":
      return seed(subsidyOptions(state), d.subsidy);
    case "app":
      return seed(appMixOptions(state, d.appId), d.mix);
  }
}

/**
 * The browser cache's starting state for a page: its answers under their keys (`pinnedId`: a permalink's
 * stored answers). This render may be served from the page cache (lib/server/page-cache.ts) until its lifetime
 * ends, with the data version unchanged, so its answers are dated to then: dated now, a page served late in
 * that lifetime would reach the browser already stale and fetch every answer again.
 */
export function seededCache(d: ViewData, state: ViewState, pinnedId: string | null): DehydratedState {
  const client = new QueryClient();
  const updatedAt = Date.now() + pageCacheSeconds() * 1000;
  for (const a of seededAnswers(d, state)) client.setQueryData(scopedKey(a.queryKey, pinnedId), a.data, { updatedAt });
  return dehydrate(client);
}
