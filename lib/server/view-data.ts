/**
 * A page's data, loaded once per request: generateMetadata (title, description, preview image) and the
 * page itself ask for the same view in the same state, and React's cache() hands both one load.
 */
import "server-only";
import { cache } from "react";
import { loadViewData, type ViewData } from "@/lib/pages/view-data";
import { getPermalink, type PermalinkRow } from "@/lib/share/permalinks";
import { PERMALINK_ID, stateQuery, type ViewAddress } from "@/lib/view/address";
import { PAGE_DEFAULTS, parseViewState, type View } from "@/lib/view/state";
import { getDb } from "./db";

const load = cache(async (view: View, subject: string | null, query: string): Promise<ViewData> => {
  const state = parseViewState(new URLSearchParams(query), PAGE_DEFAULTS[view]).state;
  return loadViewData(await getDb(), { view, subject, state });
});

export function viewDataFor(a: ViewAddress): Promise<ViewData> {
  return load(a.view, a.subject, stateQuery(a.view, a.state).replace(/^\?/, ""));
}

/** A permalink row, loaded once per request (generateMetadata and the page). */
export const permalinkFor = cache(async (id: string): Promise<PermalinkRow | null> => (PERMALINK_ID.test(id) ? getPermalink(await getDb(), id) : null));
