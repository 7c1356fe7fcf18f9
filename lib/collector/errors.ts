import type { IssueDetail } from "@/lib/ingest/errors";

/**
 * What went wrong in a collection, and what it means for the rest of the run:
 * - `auth`, `budget`, `rate-limit`: every further request would fail the same way, so the run stops;
 * - `http`, `retries`, `truncated`, `drift`: this response is stored nowhere; other endpoints still run.
 */
export type CollectorErrorKind = "auth" | "budget" | "rate-limit" | "http" | "retries" | "truncated" | "drift";

export class CollectorError extends Error {
  constructor(
    readonly kind: CollectorErrorKind,
    message: string,
    /** Located problems (schema drift: the paths that changed). */
    readonly details: IssueDetail[] = [],
  ) {
    super(message);
    this.name = "CollectorError";
  }

  /** True when no further request in this run can succeed. */
  get stopsRun(): boolean {
    return this.kind === "auth" || this.kind === "budget" || this.kind === "rate-limit";
  }
}

/** A second collector (or the server, on PGlite) holds the database. */
export class CollectorLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CollectorLockedError";
  }
}

/** Bad command line or environment: exit code 2. */
export class CollectorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CollectorConfigError";
  }
}
