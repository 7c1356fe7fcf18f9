/**
 * Permalink rows: creation under a per-client and a global hourly limit, and lookup by id.
 *
 * Rate limiting is an in-database sliding window: creating a permalink takes a transaction-scoped advisory
 * lock on the client's hash, counts that client's rows and stored bytes of the last hour (index on
 * creator_hash, created_at), then the rows and bytes of every client (index on created_at), and inserts only
 * under all four limits — shared by every process and kept across restarts (per client under its lock; the
 * global count may overshoot by the shares in flight at once), one short transaction per share. The
 * client's own limits are checked first, and are far below the global ones, so one client cannot use up
 * the server's hour: a flood stops at its own limit while other clients keep sharing.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { permalinks } from "@/db/schema";
import { iso } from "@/db/row-values";
import type { View } from "@/lib/view/state";
import type { ViewData } from "@/lib/pages/view-data";
import { upgradeViewData } from "@/lib/pages/upgrade";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PERMALINK_ID_LENGTH = 12;

/** 12 base-62 characters from crypto.randomBytes (≈71 bits; rejection sampling keeps them uniform). */
function newPermalinkId(length = PERMALINK_ID_LENGTH): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += BASE62[b % 62];
    }
  }
  return out;
}

export interface RateLimits {
  /** Permalinks one client may create per hour. */
  perClient: number;
  /** Permalinks all clients together may create per hour (a ceiling against many clients at once). */
  global: number;
  /** Bytes of pinned data one client may store per hour. */
  perClientBytes: number;
  /** Bytes of pinned data all clients together may store per hour. */
  globalBytes: number;
}

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const n = (v: string | undefined, d: number) => (v && Number.isSafeInteger(Number(v)) && Number(v) >= 0 ? Number(v) : d);
  return {
    perClient: n(env.SHARE_RATE_LIMIT, 30),
    global: n(env.SHARE_RATE_LIMIT_GLOBAL, 1000),
    perClientBytes: n(env.SHARE_BYTES_PER_HOUR, 5_000_000),
    globalBytes: n(env.SHARE_BYTES_PER_HOUR_GLOBAL, 100_000_000),
  };
}

export interface NewPermalink {
  view: View;
  subject: string | null;
  chart: string | null;
  query: string;
  mode: "live" | "pinned";
  data: ViewData | null;
  dataBytes: number;
  asOf: string | null;
  snapshotId: number | null;
  creatorHash: string;
}

export interface PermalinkRow extends Omit<NewPermalink, "creatorHash"> {
  id: string;
  createdAt: string;
}

export type CreateResult = { ok: true; id: string } | { ok: false; retryAfterSeconds: number; scope: "client" | "global" };

export async function createPermalink(db: Db, p: NewPermalink, limits: RateLimits, now = new Date()): Promise<CreateResult> {
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`permalinks:${p.creatorHash}`}, 0))`);
    const [mine] = await rowsOf<Window>(
      t,
      sql`select count(*)::int as n, coalesce(sum(data_bytes), 0)::bigint as bytes, min(created_at) as oldest from permalinks where creator_hash = ${p.creatorHash} and created_at > ${since}::timestamptz`,
    );
    if (over(mine, limits.perClient, limits.perClientBytes, p.dataBytes)) return { ok: false, scope: "client", retryAfterSeconds: retryAfter(mine.oldest, now) };
    const [all] = await rowsOf<Window>(
      t,
      sql`select count(*)::int as n, coalesce(sum(data_bytes), 0)::bigint as bytes, min(created_at) as oldest from permalinks where created_at > ${since}::timestamptz`,
    );
    if (over(all, limits.global, limits.globalBytes, p.dataBytes)) return { ok: false, scope: "global", retryAfterSeconds: retryAfter(all.oldest, now) };
    for (let attempt = 0; ; attempt++) {
      const id = newPermalinkId();
      const inserted = await t
        .insert(permalinks)
        .values({
          id,
          view: p.view,
          subject: p.subject,
          chart: p.chart,
          query: p.query,
          mode: p.mode,
          data: p.data,
          dataBytes: p.dataBytes,
          asOf: p.asOf ? new Date(p.asOf) : null,
          snapshotId: p.snapshotId,
          creatorHash: p.creatorHash,
          createdAt: now,
        })
        .onConflictDoNothing({ target: permalinks.id })
        .returning({ id: permalinks.id });
      if (inserted.length) return { ok: true, id };
      if (attempt > 5) throw new Error("could not allocate a permalink id");
    }
  });
}

type Window = { n: number; bytes: string | number; oldest: string | Date | null };

/** Another row would pass the hour's count, or its bytes would pass the hour's byte budget. */
function over(w: Window, maxRows: number, maxBytes: number, bytes: number): boolean {
  return Number(w.n) >= maxRows || (bytes > 0 && Number(w.bytes) + bytes > maxBytes);
}

function retryAfter(oldest: string | Date | null, now: Date): number {
  if (!oldest) return 60;
  const at = new Date(oldest).getTime() + 3_600_000;
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}

export async function getPermalink(db: Db, id: string): Promise<PermalinkRow | null> {
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select id, view, subject, chart, query, mode, data, data_bytes, as_of, snapshot_id, created_at from permalinks where id = ${id}`,
  );
  if (!r) return null;
  const stored = typeof r.data === "string" ? (JSON.parse(r.data) as ViewData) : ((r.data as ViewData | null) ?? null);
  const data = upgradeViewData(stored); // written by an older version: shown as it was
  return {
    id: String(r.id),
    view: r.view as View,
    subject: (r.subject as string | null) ?? null,
    chart: (r.chart as string | null) ?? null,
    query: String(r.query),
    mode: r.mode === "pinned" ? "pinned" : "live",
    data,
    dataBytes: Number(r.data_bytes),
    asOf: r.as_of ? iso(r.as_of as string | Date) : null,
    snapshotId: r.snapshot_id === null || r.snapshot_id === undefined ? null : Number(r.snapshot_id),
    createdAt: iso(r.created_at as string | Date),
  };
}
