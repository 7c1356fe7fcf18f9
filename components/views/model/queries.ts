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

/** /models/<id> for a public id (slashes kept, other characters escaped). */
export function modelHref(id: string): string {
  return `/models/${id.split("/").map(encodeURIComponent).join("/")}`;
}
