import { IngestError } from "./errors";

/** Parses a caller-supplied as_of (YYYY-MM-DD = that day at 00:00 UTC, or an ISO timestamp); null when absent. */
export function parseAsOfOrThrow(value: string | null | undefined, path = "query.asOf"): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new IngestError(400, "invalid asOf", [{ path, message: `expected YYYY-MM-DD or an ISO timestamp, got "${value}"` }]);
  }
  return date;
}
