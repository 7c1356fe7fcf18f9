"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";

export interface Initial<T> {
  /** The API query string the server rendered with ("?models=a,b"), so it is reused only for that state. */
  query: string;
  data: T;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** GET /api/v1/<path><query>, seeded with the server-rendered answer when the query matches it. */
export function useApi<T>(path: string, query: string, initial?: Initial<T> | null, enabled = true) {
  return useQuery<T, ApiError>({
    queryKey: [path, query],
    queryFn: ({ signal }) => fetchJson<T>(`${path}${query}`, signal),
    initialData: initial && initial.query === query ? initial.data : undefined,
    placeholderData: keepPreviousData,
    enabled,
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
  return useQueries({
    queries: queries.map((query) => {
      const seed = initial.find((i) => i.query === query);
      return {
        queryKey: [path, query],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<T>(`${path}${query}`, signal),
        initialData: seed?.data,
        placeholderData: keepPreviousData,
      };
    }),
  });
}
