/** A located problem with a read request (unknown model, unknown app): the API answers with `status`. */
export class QueryError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "QueryError";
  }
}
