import { ApiError } from "@/lib/domain/api-error";
import { retractSnapshot } from "@/lib/ingest/retract";
import { toErrorResponse } from "@/lib/server/api-error";
import { authorizeIngestOrThrow } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** DELETE /api/snapshots/<id> — retract a snapshot (ingest token): figures fall back to the remaining snapshots. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    authorizeIngestOrThrow(req);
    const { id } = await ctx.params;
    if (!/^[1-9]\d{0,15}$/.test(id)) throw new ApiError(400, "invalid snapshot id", [{ path: "id", message: "must be a positive integer (the snapshotId an ingest answered)" }]);
    const summary = await retractSnapshot(await getDb(), Number(id));
    return Response.json(summary, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
