import { IngestError } from "./errors";
import { parseIsoInstant, quote } from "./values";

/** Parses a caller-supplied as_of (YYYY-MM-DD = that day at 00:00 UTC, or ISO-8601 with a zone); null when absent. */
export function parseAsOfOrThrow(value: string | null | undefined, path = "query.asOf"): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = parseIsoInstant(value);
  if (!date) {
    throw new IngestError(400, "invalid asOf", [{ path, message: `expected YYYY-MM-DD or an ISO-8601 timestamp with a zone, got ${quote(value)}` }]);
  }
  return date;
}

/** Data cannot be true in the future: one far-future as_of would otherwise win every later restatement. */
const MAX_AS_OF_AHEAD_MS = 24 * 60 * 60 * 1000;

export function checkAsOfNotFutureOrThrow(asOf: Date, now: Date, path: string): void {
  if (asOf.getTime() > now.getTime() + MAX_AS_OF_AHEAD_MS) {
    throw new IngestError(422, `as_of ${asOf.toISOString()} is in the future`, [
      { path, message: `as_of is more than a day after the time of receipt (${now.toISOString()})` },
    ]);
  }
}
