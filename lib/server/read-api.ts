/**
 * Plumbing shared by every GET /api/v1/* route, so each route is a few lines:
 * 1. strict parsing of the query: unknown, repeated or unreadable parameters (query-strict.ts), then values
 *    through lib/view/state.ts → a located 400 naming each bad parameter;
 * 2. conditional GET: the ETag is derived from the newest snapshot id and the query, so it changes exactly
 *    when new data arrives; If-None-Match → 304 without running the query;
 * 3. the lib/ query, answered as JSON (default) or tidy CSV (`format=csv`, via lib/csv.ts);
 * 4. cache headers a CDN can keep until new data arrives (and serve stale while revalidating), and the
 *    answer itself kept in memory for that data version (lib/server/response-cache.ts);
 * 5. errors through the one envelope (lib/server/api-error.ts): 400/404 located, 503 when the database is down.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db";
import { newestSnapshotId } from "@/db/data-version";
import { assertKnownAuthors } from "@/lib/queries/authors";
import { parseApiRequest, type ApiParams, type ViewState } from "@/lib/view/state";
import { errorResponse, toErrorResponse } from "./api-error";
import { getDb } from "./db";
import { cachedAnswer } from "./response-cache";
import { strictQueryIssues } from "./query-strict";

export const CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

export interface ReadContext {
  db: Db;
  state: ViewState;
  api: ApiParams;
  url: URL;
}

export interface ReadRoute<T> {
  /** Defaults that differ from the view's (e.g. a route's own default interval). */
  base?: Partial<ViewState>;
  /** Extra validation (path parameters, required parameters): return issues to answer 400. */
  validate?: (ctx: Omit<ReadContext, "db">) => { path: string; message: string }[];
  run: (ctx: ReadContext) => Promise<T>;
  csv: (result: T) => string;
  /** Download name without extension, e.g. "modelshare-usage". */
  filename: string | ((ctx: Omit<ReadContext, "db">) => string);
}

/** The newest snapshot id (0 when empty): every ingest that writes anything creates a new one. */
export { newestSnapshotId } from "@/db/data-version";

/** The query in a canonical order, so `?a=1&b=2` and `?b=2&a=1` share a cache entry and an ETag. */
export function canonicalQuery(url: URL): string {
  const entries = [...url.searchParams.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return new URLSearchParams(entries).toString();
}

export function etagFor(snapshotId: number, url: URL): string {
  const hash = createHash("sha256").update(`${snapshotId}\n${url.pathname}\n${canonicalQuery(url)}`).digest("base64url").slice(0, 27);
  return `W/"${snapshotId}-${hash}"`;
}

/** RFC 9110 If-None-Match: a list of (weak or strong) tags, or `*`; compared weakly. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

export function readRoute<T>(route: ReadRoute<T>) {
  return async function handle(req: Request): Promise<Response> {
    try {
      const url = new URL(req.url);
      const strict = strictQueryIssues(url);
      const { state, api, issues } = parseApiRequest(url.searchParams, route.base);
      const parsed = { state, api, url };
      // A parameter refused by name or form is reported once, not again for its value.
      const refused = new Set(strict.map((i) => i.path));
      issues.splice(0, issues.length, ...strict, ...issues.filter((i) => !refused.has(i.path.replace(/\[.*$/, ""))));
      issues.push(...(route.validate?.(parsed) ?? []));
      if (issues.length) {
        const first = issues[0];
        return errorResponse(400, `invalid query parameter ${first.path.replace(/^query\./, "").replace(/\[.*$/, "")}: ${first.message}`, issues);
      }
      const db = await getDb();
      const etag = etagFor(await newestSnapshotId(db), url);
      const headers: Record<string, string> = { "cache-control": CACHE_CONTROL, etag };
      if (matchesIfNoneMatch(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
      // The ETag names the data version, the path and the canonical query: the whole answer.
      return await cachedAnswer(`api\n${etag}`, async () => {
        await assertKnownAuthors(db, state.authors); // every endpoint alike, whether it uses authors or not
        const result = await route.run({ db, ...parsed });
        if (api.format === "csv") {
          const name = typeof route.filename === "function" ? route.filename(parsed) : route.filename;
          return new Response(route.csv(result), {
            headers: {
              ...headers,
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}.csv"`,
            },
          });
        }
        return Response.json(result, { headers });
      });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
