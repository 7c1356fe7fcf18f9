/**
 * SQL building blocks shared by the read queries: period keys (the same rules as lib/view/periods.ts) and
 * the columns of a model summary (with its latest listed price).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Interval } from "@/lib/view/state";
import type { ModelSummary } from "./types";

/**
 * First day of the calendar period containing `day` (a date expression). Integer arithmetic on dates, so
 * the session time zone never matters: ISO weeks start on Monday (isodow 1), months on the 1st.
 */
export function sqlCalendarKey(day: SQL, interval: Interval): SQL {
  if (interval === "day") return day;
  if (interval === "week") return sql`(${day} - (extract(isodow from ${day})::int - 1))`;
  return sql`(${day} - (extract(day from ${day})::int - 1))`;
}

/** Day index of the launch-aligned period containing `day`: floor((day − launch) / len) × len. */
export function sqlAlignedKey(day: SQL, launch: SQL, interval: Interval): SQL {
  const len = interval === "day" ? 1 : interval === "week" ? 7 : 30;
  if (len === 1) return sql`(${day} - ${launch})`;
  return sql`(floor((${day} - ${launch})::numeric / ${sql.raw(String(len))})::int * ${sql.raw(String(len))})`;
}

/** Columns of a model summary from `models m` and a lateral `p` holding its latest price (see sqlLatestPrice). */
export const MODEL_SUMMARY_COLUMNS = sql`m.id as model_id, m.public_id, m.permaslug, m.variant, m.author, m.name,
  m.launch_date::text as launch_date, m.context_length, m.in_catalogue,
  trim_scale(p.input_per_m)::text as input_per_m, trim_scale(p.output_per_m)::text as output_per_m,
  p.snapshot_id as price_snapshot_id`;

/** `left join lateral (…) p on true`: the model's newest listed price (model_prices is keyed by (model_id, day)). */
export const LATEST_PRICE_JOIN = sql`left join lateral (
    select mp.input_per_m, mp.output_per_m, mp.snapshot_id from model_prices mp
    where mp.model_id = m.id order by mp.day desc limit 1) p on true`;

export type Row = Record<string, unknown>;

export function toModelSummary(r: Row): ModelSummary {
  return {
    modelId: Number(r.model_id),
    publicId: String(r.public_id),
    permaslug: String(r.permaslug),
    variant: String(r.variant),
    author: String(r.author),
    name: (r.name as string | null) ?? null,
    launchDate: (r.launch_date as string | null) ?? null,
    contextLength: r.context_length === null || r.context_length === undefined ? null : Number(r.context_length),
    inputPerM: (r.input_per_m as string | null) ?? null,
    outputPerM: (r.output_per_m as string | null) ?? null,
    ...(r.price_snapshot_id === undefined ? {} : { priceListed: r.price_snapshot_id !== null }),
    free: r.variant === "free",
  };
}

/** Decimal string of a bigint/numeric column that may arrive as a number (PGlite) or string (postgres.js). */
export function tokenString(v: unknown): string {
  if (v === null || v === undefined) return "0";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return BigInt(Math.round(v)).toString();
  return String(v);
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}
