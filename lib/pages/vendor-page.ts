/**
 * A vendor's page (`/vendors/<slug>`): its models with their tokens in the range, its tokens per period split
 * into free and paid variants, and its top apps. null when no stored model has this author (the page is a 404).
 */
import type { Db } from "@/db";
import { topAppsFor } from "@/lib/queries/apps";
import { computeSubsidy } from "@/lib/queries/subsidy";
import { listModels } from "@/lib/queries/models";
import { resolveAuthors } from "@/lib/queries/resolve-series";
import type { AppsResult, ModelListItem, Provenance, SubsidyResult } from "@/lib/queries/types";
import { mergeProvenance } from "@/lib/queries/provenance";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";

export const VENDOR_TOP_APPS = 10;

export interface VendorPageData {
  author: string;
  from: string;
  to: string;
  newestDay: string | null;
  oldestDay: string | null;
  models: ModelListItem[];
  /** The vendor's free and paid tokens per period (the subsidy figures of one author). */
  periods: SubsidyResult["authors"][number] | null;
  apps: AppsResult;
  provenance: Provenance;
}

export async function loadVendorPage(db: Db, author: string, state: ViewState): Promise<VendorPageData | null> {
  const bounds = await getDataBounds(db);
  const range = resolveRangeWith(bounds, state);
  const list = await listModels(db, { ...state, authors: [author], variant: "all", models: [] });
  if (!list.models.length) return null;
  const [series] = await resolveAuthors(db, [author]);
  const [subsidy, apps] = await Promise.all([
    computeSubsidy(db, { ...state, authors: [author], models: [], variant: "all" }, range, { modelRankings: false }),
    topAppsFor(db, series, range, VENDOR_TOP_APPS),
  ]);
  return {
    author,
    from: range.from,
    to: range.to,
    newestDay: bounds.newestDay,
    oldestDay: bounds.oldestDay,
    models: list.models,
    periods: subsidy.authors.find((a) => a.author === author) ?? null,
    apps,
    provenance: mergeProvenance([list.provenance, subsidy.provenance, apps.provenance]),
  };
}
