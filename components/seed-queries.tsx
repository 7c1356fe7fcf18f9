import { HydrationBoundary } from "@tanstack/react-query";
import { seededCache } from "@/lib/pages/seed";
import type { ViewData } from "@/lib/pages/view-data-types";
import type { ViewState } from "@/lib/view/state";

/**
 * Hands a page's server-loaded answers to the browser's react-query cache (server component): the client
 * views ask for the same keys and start with these answers. `pinnedId`: a permalink's stored answers.
 */
export function SeedQueries({ data, state, pinnedId = null, children }: { data: ViewData; state: ViewState; pinnedId?: string | null; children: React.ReactNode }) {
  return <HydrationBoundary state={seededCache(data, state, pinnedId)}>{children}</HydrationBoundary>;
}
