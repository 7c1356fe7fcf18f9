/** The one error envelope of every API route: {"error": {"message", "details": [{"path", "message"}]}}. */
import "server-only";
import { ApiError } from "@/lib/domain/api-error";

export function errorResponse(status: number, message: string, details: { path: string; message: string }[] = []) {
  return Response.json({ error: { message, details } }, { status, headers: { "cache-control": "no-store" } });
}

/** Maps anything thrown by lib/ code to the envelope; unknown errors are logged (bounded) and hidden. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.message, err.details);
  if (isDatabaseUnavailable(err)) return errorResponse(503, "database unavailable, try again shortly");
  console.error(describeError(err));
  return errorResponse(500, "internal error");
}

/** Longest text logged for one error: a failed bulk write's message carries every parameter (megabytes). */
export const MAX_LOGGED_CHARS = 2000;

/**
 * One bounded log line per error: name, code and message of each error down the cause chain (Drizzle's
 * "Failed query: … params: …" is cut), and the first frames of the outermost stack.
 */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);
  let e = err as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e !== undefined && e !== null && depth < 4; depth++, e = e.cause as typeof e) {
    if (typeof e !== "object") {
      parts.push(cut(String(e), 400));
      break;
    }
    const code = typeof e.code === "string" ? ` [${e.code}]` : "";
    parts.push(`${String(e.name ?? "Error")}${code}: ${cut(String(e.message ?? ""), 400)}`);
  }
  const stack = err instanceof Error && err.stack ? err.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 6).join("\n") : "";
  return cut(`${parts.join("\n  caused by ")}${stack ? `\n${stack}` : ""}`, MAX_LOGGED_CHARS);
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED",
  "53300", "57P01", "57P02", "57P03", // too many connections, admin/crash shutdown, cannot connect now
  "3D000", "28000", "28P01", // the database does not exist (yet), authentication refused: not the request's fault
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
