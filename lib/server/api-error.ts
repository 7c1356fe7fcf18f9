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

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "53300", "57P01", "57P02", "57P03", // too many connections, admin/crash shutdown, cannot connect now
]);

/** Drizzle wraps driver errors (DrizzleQueryError → cause), so look down the whole cause chain. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 8; depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08")) return true; // 08xxx: connection exceptions
    if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true; // AggregateError
    e = e.cause as typeof e;
  }
  return false;
}
