import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { scopedKey } from "@/lib/pages/api-queries";
import { seededAnswers } from "@/lib/pages/seed";
import type { ViewData } from "@/lib/pages/view-data-types";
import type { ViewState } from "@/lib/view/state";

/**
 * Hands a page's server-loaded answers to the browser's react-query cache (server component): the client
 * views ask for the same keys and start with these answers. `pinnedId`: a permalink's stored answers.
 */
export function SeedQueries({ data, state, pinnedId = null, children }: { data: ViewData; state: ViewState; pinnedId?: string | null; children: React.ReactNode }) {
  const client = new QueryClient();
  for (const a of seededAnswers(data, state)) client.setQueryData(scopedKey(a.queryKey, pinnedId), a.data);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
