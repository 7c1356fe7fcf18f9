import { viewQuery, PAGE_DEFAULTS, type ViewState } from "@/lib/view/state";

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
