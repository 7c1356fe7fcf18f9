import { isDatabaseUnavailable, toErrorResponse } from "@/lib/server/api-error";
import { collectorStatus } from "@/lib/server/collector";
import { getDb } from "@/lib/server/db";
import { getFreshness, staleAfterHoursFromEnv } from "@/lib/queries/freshness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * GET /api/health — for monitors: database reachability and how old the newest data is.
 * 200 while the database answers (`stale: true` says the data is older than STALE_AFTER_HOURS, default 48,
 * so a monitor can alert on it); 503 only when the database is unreachable. `collector`: the scheduled
 * collector's last run (when, what was stored, the error if any) and the next one (docs/collector.md).
 */
export async function GET() {
  try {
    const freshness = await getFreshness(await getDb(), { staleAfterHours: staleAfterHoursFromEnv() });
    return Response.json({ status: freshness.stale ? "stale" : "ok", database: "reachable", ...freshness, collector: collectorStatus() }, { headers: NO_STORE });
  } catch (err) {
    if (isDatabaseUnavailable(err)) return Response.json({ status: "error", database: "unreachable", collector: collectorStatus() }, { status: 503, headers: NO_STORE });
    return toErrorResponse(err); // a bug is a 500, not an outage
  }
}
