"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { Initial } from "@/lib/pages/initial";
import { usePageView } from "./view-defaults";

export type { Initial } from "@/lib/pages/initial";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * GET /api/v1/<path><query>, seeded with the server-rendered answer when the query matches it. On a pinned
 * permalink nothing is fetched: the stored answers are the data (they match, since the state is the stored one).
 */
export function useApi<T>(path: string, query: string, initial?: Initial<T> | null, enabled = true, opts: { live?: boolean } = {}) {
  // `live`: always fetch (searches), even on a pinned page.
  const pinned = !!usePageView().pinned && !opts.live;
  return useQuery<T, ApiError>({
    queryKey: [pinned ? "pinned" : "live", path, query],
    queryFn: ({ signal }) => fetchJson<T>(`${path}${query}`, signal),
    initialData: initial && initial.query === query ? initial.data : undefined,
    placeholderData: pinned ? undefined : keepPreviousData,
    enabled: enabled && !pinned,
  });
}

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(body?.error?.message ?? `Request failed (${res.status})`, res.status);
  }
  return (await res.json()) as T;
}

/** Several GETs of one endpoint (e.g. top apps of each compared model), each seeded like useApi. */
export function useApiMany<T>(path: string, queries: string[], initial: Initial<T>[] = []) {
  const pinned = !!usePageView().pinned;
  return useQueries({
    queries: queries.map((query) => {
      const seed = initial.find((i) => i.query === query);
      return {
        queryKey: [pinned ? "pinned" : "live", path, query],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<T>(`${path}${query}`, signal),
        initialData: seed?.data,
        placeholderData: pinned ? undefined : keepPreviousData,
        enabled: !pinned,
      };
    }),
  });
}
