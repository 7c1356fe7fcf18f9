import { errorResponse, toErrorResponse } from "@/lib/server/api-error";
import { clientAddress, publicOrigin } from "@/lib/server/client";
import { getDb } from "@/lib/server/db";
import { readBodyText } from "@/lib/server/read-body";
import { createShare, SHARE_BODY_MAX_BYTES, ShareError } from "@/lib/share/create";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/share {view, subject?, chart?, query, mode?: "pinned"|"live"} → 201 {id, url, liveUrl,
 * pinnedUrl, embedUrl, asOf} (docs/sharing.md). 400 invalid state, 404 unknown model/app, 413 body or
 * pinned data too large, 415 not JSON, 429 rate limited (Retry-After).
 */
export async function POST(req: Request): Promise<Response> {
  try {
    if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
      return errorResponse(415, "send the share request as application/json", [{ path: "headers.content-type", message: "expected application/json" }]);
    }
    const text = await readBodyText(req, SHARE_BODY_MAX_BYTES, "a share request is a small JSON object");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return errorResponse(400, "body is not valid JSON", [{ path: "body", message: "malformed JSON" }]);
    }
    const result = await createShare(await getDb(), body, { origin: publicOrigin(req.headers), client: clientAddress(req.headers) });
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store", location: result.url } });
  } catch (err) {
    if (err instanceof ShareError) {
      const res = errorResponse(err.status, err.message, err.details);
      if (err.retryAfterSeconds) res.headers.set("retry-after", String(err.retryAfterSeconds));
      return res;
    }
    return toErrorResponse(err);
  }
}
