import { errorResponse, toErrorResponse } from "@/lib/server/api-error";
import { originVary, publicOrigin } from "@/lib/server/client";
import { getDb } from "@/lib/server/db";
import { canonicalQuery, newestSnapshotId } from "@/lib/server/read-api";
import { cachedAnswer } from "@/lib/server/response-cache";
import { oembedResponse, targetOfUrl } from "@/lib/share/oembed";
import { resolveChart } from "@/lib/share/resolve-chart";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function dimension(v: string | null): number | null {
  if (v === null || v === "") return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * GET /api/oembed?url=…&maxwidth=&maxheight=&format=json — a "rich" oEmbed answer for any shareable URL of
 * this site (docs/sharing.md); 404 for other URLs, 501 for format=xml (JSON only).
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const format = url.searchParams.get("format");
  if (format && format !== "json") return errorResponse(501, `format "${format}" is not supported: this provider answers JSON only`, [{ path: "query.format", message: "use format=json" }]);
  const raw = url.searchParams.get("url");
  if (!raw) return errorResponse(400, "url is required", [{ path: "query.url", message: "the URL of a Modelshare page, permalink or embed" }]);
  const origin = publicOrigin(req.headers);
  const target = targetOfUrl(raw, origin);
  if (!target) return errorResponse(404, "not a shareable URL of this site", [{ path: "query.url", message: `expected a page, permalink or embed under ${origin}` }]);
  try {
    const db = await getDb();
    // One answer per data version, origin and canonical query, kept in memory (lib/server/response-cache.ts).
    return await cachedAnswer(`oembed\n${await newestSnapshotId(db)}\n${origin}\n${canonicalQuery(url)}`, async () => {
      const resolved = await resolveChart(db, target);
      if (!resolved) return errorResponse(404, "nothing to embed at this URL", [{ path: "query.url", message: "unknown permalink, model or app, or a chart with no data" }]);
      const body = oembedResponse({
        origin,
        target,
        chart: resolved.chart,
        title: `${resolved.context}: ${resolved.figure.title}`,
        maxwidth: dimension(url.searchParams.get("maxwidth")),
        maxheight: dimension(url.searchParams.get("maxheight")),
      });
      return Response.json(body, { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*", ...originVary() } });
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
