/**
 * The API request behind each chart of each page, from the page's view state: one builder per endpoint use,
 * shared by the server loader (lib/pages/view-data.ts, which seeds the client with the same answers) and the
 * client views. Display-only fields (display, scale…) are left out so they never change an API call.
 */
import type { ModelDetailResult } from "@/lib/queries/types";
import { viewQuery, PAGE_DEFAULTS, type ViewState } from "@/lib/view/state";

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const MODEL_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.model;

/** Adoption curve of the model: /api/v1/usage for this one model with the view's controls. */
export function adoptionQuery(state: ViewState, id: string): string {
  return viewQuery({ ...state, models: [[id]], authors: [], display: "chart" });
}

/** Free vs paid: one series per variant, tokens per period. */
export function variantQuery(state: ViewState, variants: ModelDetailResult["variants"]): string {
  return viewQuery({ ...state, models: variants.map((v) => [v.publicId]), authors: [], metric: "tokens", align: "calendar", scale: "linear", variant: "all", display: "chart" });
}

export function appsQuery(state: ViewState, id: string, top = 10): string {
  return viewQuery({ ...state, models: [[id]], authors: [], top, interval: "day", align: "calendar", metric: "tokens", scale: "linear", variant: "all", display: "chart" });
}

export { modelHref } from "@/lib/domain/hrefs";

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

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const APP_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.app;

/** /api/v1/apps/<appId> query: range, interval, metric (tokens or share of the app's tokens), top. */
export function appMixQuery(state: ViewState): string {
  const metric = state.metric === "share" ? "share" : "tokens";
  return viewQuery({ ...state, models: [], authors: [], metric, align: "calendar", scale: "linear", variant: "all", display: "chart" });
}

export function appMixPath(appId: string): string {
  return `/api/v1/apps/${encodeURIComponent(appId)}`;
}

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const VENDOR_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.vendors;

/** /api/v1/subsidy query: authors, range, interval, top. The ranking toggle (variant) is applied on screen. */
export function subsidyQuery(state: ViewState): string {
  return viewQuery({ ...state, models: [], variant: "all", align: "calendar", metric: "tokens", scale: "linear", display: "chart" });
}
