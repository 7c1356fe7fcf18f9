import { ApiError } from "@/lib/domain/api-error";

/** A located problem with a read request (unknown model, unknown app): the API answers with `status`. */
export class QueryError extends ApiError {
  constructor(status: 400 | 404, message: string, details: { path: string; message: string }[] = []) {
    super(status, message, details);
    this.name = "QueryError";
  }
}
