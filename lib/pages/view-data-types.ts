/**
 * The shape of a view's data (lib/pages/view-data.ts loads it). Pinned permalinks store it, so it carries a
 * version and older shapes are upgraded when read (lib/pages/upgrade.ts). Types only: client views import it.
 */
import type { AppMixResult, AppsResult, AuthorSummary, CompareResult, ModelDetailResult, ModelListItem, OverviewResult, SubsidyResult, UsageResult } from "@/lib/queries/types";

export const VIEW_DATA_VERSION = 3;

/** `error`: a located problem with the request (unknown id…), shown instead of the charts. */
export type ViewData = { version?: number } & (
  | { view: "overview"; overview: OverviewResult; oldestDay: string | null }
  | { view: "model"; ref: string; detail: ModelDetailResult | null; error: string | null; oldestDay: string | null }
  | CompareData
  | VendorsData
  | { view: "app"; appId: string; mix: AppMixResult | null; error: string | null; oldestDay: string | null }
);

/** `apps[i]`: the top apps of the i-th compared series. */
export interface CompareData {
  view: "compare";
  compare: CompareResult | null;
  usage: UsageResult | null;
  apps: (AppsResult | null)[];
  suggestions: ModelListItem[];
  oldestDay: string | null;
  error: string | null;
}

export interface VendorsData {
  view: "vendors";
  subsidy: SubsidyResult | null;
  authors: AuthorSummary[];
  oldestDay: string | null;
  error: string | null;
}
