/** Server-side helpers of the pages (not imported by client components). */
import { QueryError, RangeQueryError } from "@/lib/queries/errors";

/**
 * Runs a read query for a page's first paint. A QueryError (unknown model, unknown app) becomes a message
 * the page shows; anything else is rethrown (the error boundary handles it).
 */
export async function settle<T>(p: Promise<T>): Promise<{ data: T; error: null } | { data: null; error: string }> {
  try {
    return { data: await p, error: null };
  } catch (err) {
    if (err instanceof QueryError && !(err instanceof RangeQueryError)) {
      // Details that only repeat the message add nothing.
      const detail = err.details.map((d) => d.message).filter((m) => !err.message.includes(m)).join("; ");
      return { data: null, error: detail ? `${err.message}: ${detail}` : err.message };
    }
    throw err;
  }
}

export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;
