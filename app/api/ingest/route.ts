import { ingestText } from "@/lib/ingest";
import { parseAsOfOrThrow } from "@/lib/ingest/as-of";
import { toErrorResponse } from "@/lib/server/api-error";
import { authorizeIngestOrThrow } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { readBodyText } from "@/lib/server/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/ingest[?asOf=YYYY-MM-DD|ISO] — one snapshot in any supported format, detected from content. */
export async function POST(req: Request) {
  try {
    authorizeIngestOrThrow(req);
    const asOf = parseAsOfOrThrow(new URL(req.url).searchParams.get("asOf"));
    const text = await readBodyText(req);
    const summary = await ingestText(await getDb(), text, { asOf, contentType: req.headers.get("content-type") });
    return Response.json(summary, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
