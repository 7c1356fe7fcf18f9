import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { getDb } from "@/lib/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET /api/health — database reachability and the age of the newest data, for monitors. */
export async function GET() {
  try {
    const db = await getDb();
    const [row] = await rowsOf<{ latest: string | Date | null }>(db, sql`select max(as_of) as latest from snapshots`);
    const latest = row?.latest ? new Date(row.latest) : null;
    return Response.json(
      { status: "ok", database: "reachable", latestAsOf: latest?.toISOString() ?? null, ageSeconds: latest ? Math.round((Date.now() - latest.getTime()) / 1000) : null },
      { headers: { "cache-control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
