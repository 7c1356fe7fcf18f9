/** A located problem in an input: `path` names the row and field (e.g. "data[12].total_tokens", "row 7.date"). */
export interface IssueDetail {
  path: string;
  message: string;
}

/** Rejects a whole snapshot. `status` is the HTTP status the API answers with. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 415 | 422 | 503,
    message: string,
    readonly details: IssueDetail[] = [],
  ) {
    super(message);
    this.name = "IngestError";
  }
}

/** Collects located problems so a parser can report many at once (capped, to keep answers small). */
export class IssueList {
  readonly items: IssueDetail[] = [];
  constructor(private readonly cap = 50) {}
  add(path: string, message: string) {
    if (this.items.length < this.cap) this.items.push({ path, message });
  }
  get empty() {
    return this.items.length === 0;
  }
  /** Throws a 422 naming the first problems if any were collected. */
  throwIfAny(what: string) {
    if (this.empty) return;
    const first = this.items[0];
    throw new IngestError(422, `${what}: ${first.path}: ${first.message}`, this.items);
  }
}
