import { ingestText } from "@/lib/ingest";
import { parseAsOfOrThrow } from "@/lib/ingest/as-of";
import { parseCategoryOrThrow } from "@/lib/ingest/formats/openrouter-app-rankings";
import { toErrorResponse } from "@/lib/server/api-error";
import { authorizeIngestOrThrow } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { readBodyText } from "@/lib/server/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * POST /api/ingest[?asOf=YYYY-MM-DD|ISO][&category=coding] — one snapshot in any supported format, detected
 * from content; `category` says which category an app-rankings body was asked for.
 */
export async function POST(req: Request) {
  try {
    authorizeIngestOrThrow(req);
    const params = new URL(req.url).searchParams;
    const asOf = parseAsOfOrThrow(params.get("asOf"));
    const category = parseCategoryOrThrow(params.get("category"));
    const text = await readBodyText(req);
    const summary = await ingestText(await getDb(), text, { asOf, category, contentType: req.headers.get("content-type") });
    return Response.json(summary, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
