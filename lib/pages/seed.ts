/**
 * The answers a page's server render already has, under the keys its client views will ask for: the same
 * query-options factories (lib/pages/api-queries.ts) name them on both sides, so the first paint fetches
 * nothing and a changed control fetches only what changed.
 */
import { appMixOptions, compareOptions, compareState, compareTopAppsOptions, compareUsageOptions, modelAdoptionOptions, modelAppsOptions, modelVariantsOptions, subsidyOptions } from "./api-queries";
import type { ViewData } from "./view-data-types";
import type { ViewState } from "@/lib/view/state";

export interface SeededAnswer {
  queryKey: readonly [string, string];
  data: unknown;
}

const seed = (o: { queryKey: readonly [string, string] }, data: unknown): SeededAnswer[] => (data == null ? [] : [{ queryKey: o.queryKey, data }]);

export function seededAnswers(d: ViewData, state: ViewState): SeededAnswer[] {
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
