/**
 * Cache headers of embeds and chart images: live charts change exactly when a new snapshot arrives (ETag
 * from the newest snapshot id, as the read API); a pinned permalink never changes.
 */
import "server-only";
import type { Db } from "@/db";
import { CACHE_CONTROL, etagFor, matchesIfNoneMatch, newestSnapshotId } from "@/lib/server/read-api";
import type { ChartTarget } from "@/lib/view/address";

export const PINNED_CACHE_CONTROL = "public, max-age=86400, s-maxage=604800";

export async function chartCacheHeaders(db: Db, req: Request, t: ChartTarget): Promise<{ headers: Record<string, string>; notModified: boolean }> {
  const url = new URL(req.url);
  // Permalinks: the id names fixed data (pinned) or a fixed state (live, which follows snapshots like any view).
  const etag = etagFor(await newestSnapshotId(db), url);
  const headers = { "cache-control": t.kind === "permalink" ? "public, max-age=60, s-maxage=300" : CACHE_CONTROL, etag };
  return { headers, notModified: matchesIfNoneMatch(req.headers.get("if-none-match"), etag) };
}
