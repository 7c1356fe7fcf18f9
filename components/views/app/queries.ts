import { viewQuery, type ViewState } from "@/lib/view/state";

export const APP_DEFAULTS: Partial<ViewState> = { interval: "month" };

/** /api/v1/apps/<appId> query: range, interval, metric (tokens or share of the app's tokens), top. */
export function appMixQuery(state: ViewState): string {
  const metric = state.metric === "share" ? "share" : "tokens";
  return viewQuery({ ...state, models: [], authors: [], metric, align: "calendar", scale: "linear", variant: "all", display: "chart" });
}

export function appMixPath(appId: string): string {
  return `/api/v1/apps/${encodeURIComponent(appId)}`;
}
