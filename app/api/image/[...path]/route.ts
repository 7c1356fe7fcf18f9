import { ImageResponse } from "next/og";
import { errorResponse, toErrorResponse } from "@/lib/server/api-error";
import { downloadName } from "@/lib/share/download-name";
import { getDb } from "@/lib/server/db";
import { cachedAnswer } from "@/lib/server/response-cache";
import { layoutCard, CARD_HEIGHT, CARD_WIDTH } from "@/lib/figures/render/card";
import { sceneToOg } from "@/lib/figures/render/og";
import { DARK, LIGHT } from "@/lib/figures/palette";
import { sceneToSvg } from "@/lib/figures/render/svg";
import { chartCacheHeaders, PINNED_CACHE_CONTROL } from "@/lib/share/chart-cache";
import { resolveChart } from "@/lib/share/resolve-chart";
import { parseChartPath } from "@/lib/view/address";
import { parseRenderParams } from "@/lib/view/state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET /api/image/<view>/<chart>[/<subject>]?<state>&format=png|svg&theme=light|dark&download=1 and
 * /api/image/s/<id>[/<chart>]: the chart as a 1200×630 picture with its title, summary and source — the
 * link preview (Open Graph / Twitter) and the PNG/SVG downloads (docs/sharing.md).
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const target = parseChartPath(url.pathname.split("/").slice(3), url.searchParams);
  if (!target) return errorResponse(404, "no such chart", [{ path: "path", message: "expected /api/image/<view>/<chart>[/<subject>] or /api/image/s/<id>[/<chart>]" }]);
  try {
    const db = await getDb();
    const { theme, format, download } = parseRenderParams(url.searchParams);
    const cache = await chartCacheHeaders(db, req, target);
    if (cache.notModified) return new Response(null, { status: 304, headers: cache.headers });
    // Drawn once per data version, then served from memory (lib/server/response-cache.ts).
    return await cachedAnswer(`image\n${cache.headers.etag}`, async () => {
      const resolved = await resolveChart(db, target);
      if (!resolved) return errorResponse(404, target.kind === "permalink" ? "no such permalink or chart" : "nothing to draw for this chart in this state");
      const scene = layoutCard(resolved.figure, { context: resolved.context, pinned: !!resolved.pinned, pinnedAsOf: resolved.pinned?.asOf ?? null });
      const palette = theme === "dark" ? DARK : LIGHT;
      const headers: Record<string, string> = { ...cache.headers, ...(resolved.pinned ? { "cache-control": PINNED_CACHE_CONTROL } : {}), "x-content-type-options": "nosniff" };
      if (download) headers["content-disposition"] = `attachment; filename="${downloadName(resolved.address, resolved.chart, format)}"`;
      if (format === "svg") {
        const svg = sceneToSvg(scene, palette, { title: resolved.figure.title, desc: resolved.figure.summary, background: true, standalone: true });
        return new Response(svg, { headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'" } });
      }
      // next.config.ts leaves this route's Content-Security-Policy to the route.
      return new ImageResponse(sceneToOg(scene, palette), { width: CARD_WIDTH, height: CARD_HEIGHT, headers: { ...headers, "content-security-policy": "default-src 'none'; frame-ancestors 'none'" } });
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
