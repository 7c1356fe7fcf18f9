import type { AppsResult, CompareResult, ModelListItem, UsageResult } from "@/lib/queries/types";
import type { Initial } from "@/lib/ui/use-api";

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
