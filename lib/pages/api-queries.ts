/**
 * The API request behind each chart of each page, from the page's view state: one query-options factory per
 * endpoint use (key + fetch), shared by the server, which seeds a page's react-query cache under the same keys
 * (lib/pages/seed.ts), and the client views, which ask for the same options. Display-only fields (display,
 * scale…) are left out of the query strings so they never change an API call.
 */
import { queryOptions } from "@tanstack/react-query";
import type { AppMixResult, AppsResult, CompareResult, ModelDetailResult, ModelsResult, SubsidyResult, UsageResult } from "@/lib/queries/types";
import { viewQuery, PAGE_DEFAULTS, type ViewState } from "@/lib/view/state";
import { fetchJson, type FetchError } from "./fetch-json";

/** The options of one GET of the read API: the key is the request itself, so equal requests share an answer. */
function apiOptions<T>(path: string, query: string) {
  return queryOptions<T, FetchError, T, readonly [string, string]>({
    queryKey: [path, query] as const,
    queryFn: ({ signal }) => fetchJson<T>(`${path}${query}`, signal),
  });
}

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const MODEL_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.model;

/** Adoption curve of the model: /api/v1/usage for this one model with the view's controls. */
export function modelAdoptionOptions(state: ViewState, id: string) {
  return apiOptions<UsageResult>("/api/v1/usage", viewQuery({ ...state, models: [[id]], authors: [], display: "chart" }));
}

/** Free vs paid: one series per variant, tokens per period. */
export function modelVariantsOptions(state: ViewState, variants: ModelDetailResult["variants"]) {
  const query = viewQuery({ ...state, models: variants.map((v) => [v.publicId]), authors: [], metric: "tokens", align: "calendar", scale: "linear", variant: "all", display: "chart" });
  return apiOptions<UsageResult>("/api/v1/usage", query);
}

/** The model's top 10 apps over the range. */
export function modelAppsOptions(state: ViewState, id: string) {
  const query = viewQuery({ ...state, models: [[id]], authors: [], top: 10, interval: "day", align: "calendar", metric: "tokens", scale: "linear", variant: "all", display: "chart" });
  return apiOptions<AppsResult>("/api/v1/apps", query);
}

/** The model picker's search (never pinned: it searches the live catalogue). */
export function modelSearchOptions(q: string) {
  return apiOptions<ModelsResult>("/api/v1/models", `?q=${encodeURIComponent(q)}`);
}

/** /models/<id> for a public id (slashes kept, other characters escaped). */
export function modelHref(id: string): string {
  return `/models/${id.split("/").map(encodeURIComponent).join("/")}`;
}

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const COMPARE_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.compare;
export const TOP_APPS_PER_MODEL = 5;
export const MAX_COMPARE = 6;

/** The state the compare page works with: at most 6 series. */
export function compareState(state: ViewState): ViewState {
  return { ...state, models: state.models.slice(0, MAX_COMPARE) };
}

/** /api/v1/apps for one compared series: its top apps over the same range. */
export function compareTopAppsOptions(state: ViewState, series: string[]) {
  const query = viewQuery({ ...state, models: [series], authors: [], top: TOP_APPS_PER_MODEL, display: "chart", interval: "day", align: "calendar", metric: "tokens", scale: "linear" });
  return apiOptions<AppsResult>("/api/v1/apps", query);
}

/** /api/v1/usage of the compare page's adoption chart (display is a page matter, not the API's). */
export function compareUsageOptions(state: ViewState) {
  return apiOptions<UsageResult>("/api/v1/usage", viewQuery({ ...state, authors: [], display: "chart" }));
}

/** /api/v1/compare: models and range only. */
export function compareOptions(state: ViewState) {
  return apiOptions<CompareResult>("/api/v1/compare", viewQuery({ ...state, authors: [], display: "chart", interval: "day", align: "calendar", metric: "tokens", scale: "linear" }));
}

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const APP_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.app;

/** The state of the app page's mix: range, interval, metric (tokens or share of the app's tokens), top. */
export function appMixState(state: ViewState): ViewState {
  return { ...state, models: [], authors: [], metric: state.metric === "share" ? "share" : "tokens" };
}

/** /api/v1/apps/<appId> with the app page's mix state. */
export function appMixOptions(state: ViewState, appId: string) {
  const query = viewQuery({ ...appMixState(state), align: "calendar", scale: "linear", variant: "all", display: "chart" });
  return apiOptions<AppMixResult>(`/api/v1/apps/${encodeURIComponent(appId)}`, query);
}

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const VENDOR_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.vendors;

/** /api/v1/subsidy: authors, range, interval, top. The ranking toggle (variant) is applied on screen. */
export function subsidyOptions(state: ViewState) {
  return apiOptions<SubsidyResult>("/api/v1/subsidy", viewQuery({ ...state, models: [], variant: "all", align: "calendar", metric: "tokens", scale: "linear", display: "chart" }));
}

/**
 * Where an answer belongs in the browser's cache: a pinned permalink's answers are its stored data, kept
 * apart from live answers to the same request (and from other permalinks').
 */
export function scopedKey(key: readonly unknown[], pinnedId: string | null): readonly unknown[] {
  return pinnedId ? ["pinned", pinnedId, ...key] : ["live", ...key];
}
