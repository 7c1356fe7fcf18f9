import { LIMITS } from "./limits";

/** A located problem in an input: `path` names the row and field (e.g. "data[12].total_tokens", "row 7.date"). */
export interface IssueDetail {
  path: string;
  message: string;
}

/** Rejects a whole snapshot. `status` is the HTTP status the API answers with. */
export class IngestError extends Error {
  readonly details: IssueDetail[];
  constructor(
    readonly status: 400 | 401 | 413 | 415 | 422 | 503,
    message: string,
    details: IssueDetail[] = [],
  ) {
    // Bounded here, whoever built them: a 100,000-column header or an 8 KB value must not come back whole.
    super(clip(message, MAX_MESSAGE));
    this.details = details.slice(0, LIMITS.details).map((d) => ({ path: clip(d.path, MAX_PATH), message: clip(d.message, MAX_MESSAGE) }));
    this.name = "IngestError";
  }
}

const MAX_MESSAGE = 1000;
const MAX_PATH = 200;

/** At most `max` UTF-16 units, never cutting a surrogate pair, marked with "…" when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(s[end - 1])) end--;
  return `${s.slice(0, end)}…`;
}

/** Collects located problems so a parser can report many at once (capped, to keep answers small). */
export class IssueList {
  readonly items: IssueDetail[] = [];
  constructor(private readonly cap: number = LIMITS.details) {}
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
