import { getDb } from "@/lib/server/db";
import { cachedAnswer } from "@/lib/server/response-cache";
import { toErrorResponse } from "@/lib/server/api-error";
import { originVary, publicOrigin } from "@/lib/server/client";
import { chartCacheHeaders, PINNED_CACHE_CONTROL } from "@/lib/share/chart-cache";
import { embedHtml, embedMessageHtml } from "@/lib/share/embed-html";
import { resolveChart } from "@/lib/share/resolve-chart";
import { parseChartPath } from "@/lib/view/address";
import { parseRenderParams } from "@/lib/view/state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Framing: next.config.ts sends `Content-Security-Policy: frame-ancestors *` for /embed/*; the rest of the
// embed's policy is a <meta> tag in the page (lib/share/embed-html.ts).
const HTML = { "content-type": "text/html; charset=utf-8", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" };

/**
 * GET /embed/<view>/<chart>[/<subject>]?<state>&theme=light|dark|auto, /embed/s/<id>[/<chart>]: one chart
 * for an iframe (docs/sharing.md). Framable by any site; no cookies, no storage, no framework JavaScript.
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const origin = publicOrigin(req.headers);
  const target = parseChartPath(url.pathname.split("/").slice(2), url.searchParams);
  const notFound = (msg: string) => new Response(embedMessageHtml(msg, `${origin}/`), { status: 404, headers: { ...HTML, "cache-control": "no-store", ...originVary() } });
  if (!target) return notFound("This address names no chart of Modelshare.");
  try {
    const db = await getDb();
    const cache = await chartCacheHeaders(db, req, target);
    if (cache.notModified) return new Response(null, { status: 304, headers: { ...cache.headers, ...originVary() } });
    // Drawn once per data version and origin, then served from memory (lib/server/response-cache.ts).
    return await cachedAnswer(`embed\n${cache.headers.etag}\n${origin}`, async () => {
      const resolved = await resolveChart(db, target);
      if (!resolved) return notFound(target.kind === "permalink" ? "No such permalink, or it has no such chart." : "There is nothing to draw for this chart in this state (an unknown model or app?).");
      const { theme } = parseRenderParams(url.searchParams);
      const html = embedHtml({ figure: resolved.figure, context: resolved.context, theme, viewUrl: `${origin}${resolved.viewPath}`, pinned: resolved.pinned });
      // The "View on Modelshare" link is absolute: Vary on what publicOrigin read when no PUBLIC_ORIGIN fixes it.
      const headers = { ...HTML, ...cache.headers, ...(resolved.pinned ? { "cache-control": PINNED_CACHE_CONTROL } : {}), ...originVary() };
      return new Response(html, { headers });
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
