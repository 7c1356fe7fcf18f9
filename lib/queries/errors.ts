import { ApiError } from "@/lib/domain/api-error";

/** A located problem with a read request (unknown model, unknown app): the API answers with `status`. */
export class QueryError extends ApiError {
  constructor(status: 400 | 404, message: string, details: { path: string; message: string }[] = []) {
    super(status, message, details);
    this.name = "QueryError";
  }
}

/**
 * A range that is empty once resolved against the stored days (`from` after the newest day, `to` before the
 * oldest): a 400 from every endpoint alike. Pages fall back to their default range instead (the charts'
 * own requests then show this message).
 */
export class RangeQueryError extends QueryError {
  constructor(detail: { path: string; message: string }) {
    super(400, detail.message, [detail]);
    this.name = "RangeQueryError";
  }
}
