import { ApiError, type IssueDetail } from "@/lib/domain/api-error";
import { LIMITS } from "./limits";

export { clip, type IssueDetail } from "@/lib/domain/api-error";

/** Rejects a whole snapshot. `status` is the HTTP status the API answers with. */
export class IngestError extends ApiError {
  constructor(status: 400 | 413 | 415 | 422 | 503, message: string, details: IssueDetail[] = []) {
    super(status, message, details);
    this.name = "IngestError";
  }
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
