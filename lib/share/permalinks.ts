/**
 * Permalink rows: creation under a per-client and a global hourly limit, and lookup by id.
 *
 * Rate limiting is an in-database sliding window: creating a permalink takes a transaction-scoped advisory
 * lock on the client's hash, counts that client's rows of the last hour (index on creator_hash, created_at)
 * and the rows of every client (index on created_at), and inserts only under both limits — exact across
 * processes and restarts, one short transaction per share.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { permalinks } from "@/db/schema";
import { iso } from "@/db/row-values";
import type { View } from "@/lib/view/state";
import type { ViewData } from "@/lib/pages/view-data";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const PERMALINK_ID_LENGTH = 12;

/** 12 base-62 characters from crypto.randomBytes (≈71 bits; rejection sampling keeps them uniform). */
export function newPermalinkId(length = PERMALINK_ID_LENGTH): string {
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
  /** Permalinks all clients together may create per hour (a ceiling when client addresses can be forged). */
  global: number;
}

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const n = (v: string | undefined, d: number) => (v && Number.isSafeInteger(Number(v)) && Number(v) >= 0 ? Number(v) : d);
  return { perClient: n(env.SHARE_RATE_LIMIT, 30), global: n(env.SHARE_RATE_LIMIT_GLOBAL, 1000) };
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
    const [mine] = await rowsOf<{ n: number; oldest: string | Date | null }>(
      t,
      sql`select count(*)::int as n, min(created_at) as oldest from permalinks where creator_hash = ${p.creatorHash} and created_at > ${since}::timestamptz`,
    );
    if (Number(mine.n) >= limits.perClient) return { ok: false, scope: "client", retryAfterSeconds: retryAfter(mine.oldest, now) };
    const [all] = await rowsOf<{ n: number; oldest: string | Date | null }>(
      t,
      sql`select count(*)::int as n, min(created_at) as oldest from permalinks where created_at > ${since}::timestamptz`,
    );
    if (Number(all.n) >= limits.global) return { ok: false, scope: "global", retryAfterSeconds: retryAfter(all.oldest, now) };
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
  const data = typeof r.data === "string" ? (JSON.parse(r.data) as ViewData) : ((r.data as ViewData | null) ?? null);
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
