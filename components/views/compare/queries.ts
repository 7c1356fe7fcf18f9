import { viewQuery, PAGE_DEFAULTS, type ViewState } from "@/lib/view/state";

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const COMPARE_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.compare;
export const TOP_APPS_PER_MODEL = 5;
export const MAX_COMPARE = 6;

/** The state the compare page works with: at most 6 series. */
export function compareState(state: ViewState): ViewState {
  return { ...state, models: state.models.slice(0, MAX_COMPARE) };
}

/** /api/v1/apps query for one compared series: its top apps over the same range. */
export function topAppsQuery(state: ViewState, series: string[]): string {
  return viewQuery({ ...state, models: [series], authors: [], top: TOP_APPS_PER_MODEL, display: "chart", interval: "day", align: "calendar", metric: "tokens", scale: "linear" });
}

/** /api/v1/usage query of the adoption chart (display is a page matter, not the API's). */
export function usageQuery(state: ViewState): string {
  return viewQuery({ ...state, authors: [], display: "chart" });
}

/** /api/v1/compare query: models and range only. */
export function compareQuery(state: ViewState): string {
  return viewQuery({ ...state, authors: [], display: "chart", interval: "day", align: "calendar", metric: "tokens", scale: "linear" });
}
