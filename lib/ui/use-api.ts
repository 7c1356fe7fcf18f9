"use client";

import { keepPreviousData, useQueries, useQuery, type QueryFunction } from "@tanstack/react-query";
import { scopedKey } from "@/lib/pages/api-queries";
import type { FetchError } from "@/lib/pages/fetch-json";
import { usePageView } from "./view-defaults";

/** What lib/pages/api-queries.ts's factories return: the request as key, and its fetch. */
export interface ApiOptions<T> {
  queryKey: readonly [string, string];
  queryFn?: QueryFunction<T, readonly [string, string]>;
}

/**
 * A factory's options in this page's scope. The page's server render seeded the cache under the same keys
 * (components/seed-queries.tsx), so the first paint needs no request. On a pinned permalink nothing is
 * fetched: the stored answers are the data.
 */
function scoped<T>(o: ApiOptions<T>, pinnedId: string | null, enabled: boolean) {
  return {
    queryKey: scopedKey(o.queryKey, pinnedId),
    queryFn: o.queryFn as unknown as QueryFunction<T>,
    placeholderData: pinnedId ? undefined : keepPreviousData,
    enabled: enabled && !pinnedId,
  };
}

/** One read-API answer. `live`: fetch even on a pinned page (searches of the live catalogue). */
export function useApiQuery<T>(options: ApiOptions<T>, { enabled = true, live = false } = {}) {
  const pinned = usePageView().pinned;
  return useQuery<T, FetchError>(scoped(options, live ? null : (pinned?.id ?? null), enabled));
}

/** Several answers (e.g. the top apps of each compared model). */
export function useApiQueries<T>(options: ApiOptions<T>[]) {
  const pinnedId = usePageView().pinned?.id ?? null;
  return useQueries({ queries: options.map((o) => scoped(o, pinnedId, true)) });
}
