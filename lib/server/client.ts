/**
 * Who is asking, from the request headers (Next's route handlers do not expose the socket):
 * - the public origin for absolute links (permalinks, oEmbed, Open Graph): PUBLIC_ORIGIN when set (set it
 *   behind a proxy that rewrites Host), else the request's X-Forwarded-Proto/-Host (Next fills them in from
 *   the connection when absent) or Host;
 * - the client address for rate limits: the last X-Forwarded-For entry (Next sets the socket address when
 *   the header is absent; a reverse proxy appends the address it saw), else X-Real-IP.
 */
export function publicOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PUBLIC_ORIGIN) {
    try {
      return new URL(env.PUBLIC_ORIGIN).origin;
    } catch {
      // fall through to the request's own host
    }
  }
  const host = first(headers.get("x-forwarded-host")) || headers.get("host") || "localhost";
  const proto = first(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return "http://localhost";
  }
}

function first(v: string | null): string {
  return (v ?? "").split(",")[0].trim();
}

export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded[forwarded.length - 1] || headers.get("x-real-ip")?.trim() || "unknown";
}
