/** GET of a read-API answer in the browser: the error envelope's message becomes the thrown error's. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new FetchError(body?.error?.message ?? `Request failed (${res.status})`, res.status);
  }
  return (await res.json()) as T;
}
