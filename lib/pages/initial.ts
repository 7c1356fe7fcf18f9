/** What a page's server render hands its client view: API answers seeded for the client's queries. */
import type { AppsResult, AuthorSummary, CompareResult, ModelListItem, SubsidyResult, UsageResult } from "@/lib/queries/types";

export interface Initial<T> {
  /** The API query string the server rendered with ("?models=a,b"), so it is reused only for that state. */
  query: string;
  data: T;
}

/** What the compare page's server render hands to its client view. */
export interface CompareInitial {
  compare: Initial<CompareResult> | null;
  usage: Initial<UsageResult> | null;
  apps: Initial<AppsResult>[];
  suggestions: ModelListItem[];
  oldestDay: string | null;
  /** A located problem with the requested models (unknown id…), shown instead of the charts. */
  error: string | null;
}

export interface VendorsInitial {
  subsidy: Initial<SubsidyResult> | null;
  authors: AuthorSummary[];
  oldestDay: string | null;
  error: string | null;
}
