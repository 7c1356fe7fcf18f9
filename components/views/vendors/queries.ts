import { viewQuery, type ViewState } from "@/lib/view/state";

export const VENDOR_DEFAULTS: Partial<ViewState> = { interval: "month", top: 6 };

/** /api/v1/subsidy query: authors, range, interval, top. The ranking toggle (variant) is applied on screen. */
export function subsidyQuery(state: ViewState): string {
  return viewQuery({ ...state, models: [], variant: "all", align: "calendar", metric: "tokens", scale: "linear", display: "chart" });
}
