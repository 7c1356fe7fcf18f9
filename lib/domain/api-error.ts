/**
 * The one error every API route answers from (lib/server/api-error.ts maps it to the envelope
 * {"error": {"message", "details": [{"path", "message"}]}}): a status, a message and located details,
 * bounded here whoever built them — a 100,000-column header or an 8 KB value must not come back whole.
 * Ingest (IngestError) and reading (QueryError) name their own kinds; auth and body limits use it directly.
 */

/** A located problem in an input: `path` names the row and field (e.g. "data[12].total_tokens", "row 7.date"). */
export interface IssueDetail {
  path: string;
  message: string;
}

export type ApiStatus = 400 | 401 | 404 | 413 | 415 | 422 | 429 | 503;

/** Most details an answer carries. */
const MAX_DETAILS = 50;
const MAX_MESSAGE = 1000;
const MAX_PATH = 200;

/** At most `max` UTF-16 units, never cutting a surrogate pair, marked with "…" when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(s[end - 1])) end--;
  return `${s.slice(0, end)}…`;
}

export class ApiError extends Error {
  readonly details: IssueDetail[];
  constructor(
    readonly status: ApiStatus,
    message: string,
    details: IssueDetail[] = [],
  ) {
    super(clip(message, MAX_MESSAGE));
    this.details = details.slice(0, MAX_DETAILS).map((d) => ({ path: clip(d.path, MAX_PATH), message: clip(d.message, MAX_MESSAGE) }));
    this.name = "ApiError";
  }
}
