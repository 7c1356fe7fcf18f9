/** The one error envelope of every API route: {"error": {"message", "details": [{"path", "message"}]}}. */
import { IngestError } from "@/lib/ingest/errors";
import { QueryError } from "@/lib/queries/errors";

export function errorResponse(status: number, message: string, details: { path: string; message: string }[] = []) {
  return Response.json({ error: { message, details } }, { status, headers: { "cache-control": "no-store" } });
}

/** Maps anything thrown by lib/ code to the envelope; unknown errors are logged and hidden. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof IngestError) return errorResponse(err.status, err.message, err.details);
  if (err instanceof QueryError) return errorResponse(err.status, err.message, err.details);
  if (isDatabaseUnavailable(err)) return errorResponse(503, "database unavailable, try again shortly");
  console.error(err);
  return errorResponse(500, "internal error");
}

function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? "";
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "57P01", "57P03"].includes(code);
}
