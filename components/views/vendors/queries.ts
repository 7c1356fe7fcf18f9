import { viewQuery, PAGE_DEFAULTS, type ViewState } from "@/lib/view/state";

/** The page's defaults, defined with every view's in lib/view/state.ts. */
export const VENDOR_DEFAULTS: Partial<ViewState> = PAGE_DEFAULTS.vendors;

/** /api/v1/subsidy query: authors, range, interval, top. The ranking toggle (variant) is applied on screen. */
export function subsidyQuery(state: ViewState): string {
  return viewQuery({ ...state, models: [], variant: "all", align: "calendar", metric: "tokens", scale: "linear", display: "chart" });
}
