/**
 * The date range of a view, resolved against the stored data (ViewState.from/to may be null = "relative
 * to the newest data"):
 * - `to` defaults to the newest stored day; `from` defaults to `to` − 89 days (90 days inclusive), or, for
 *   launch-aligned views, to the earliest launch among the series (so every curve starts at its day 0);
 * - both are clamped to the stored days [oldest, newest]: there is nothing to show outside them, and a
 *   period cut by the clamp is marked partial;
 * - from > to after clamping gives an empty range (`empty: true`, every series empty).
 * With no usage stored at all, the range is the 90 days ending today (UTC) and empty.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { addDays, maxDay, minDay } from "./periods";
import type { ViewState } from "./state";

const DEFAULT_RANGE_DAYS = 90;

export interface ResolvedRange {
  from: string;
  to: string;
  /** Oldest and newest days with stored model usage; null when nothing is stored. */
  oldestDay: string | null;
  newestDay: string | null;
  /** Nothing can be in the range (no data, or from > to after clamping). */
  empty: boolean;
}

export interface DataBounds {
  oldestDay: string | null;
  newestDay: string | null;
}

/** Oldest and newest stored usage days (two index lookups on model_usage_daily's primary key). */
export async function getDataBounds(db: Db): Promise<DataBounds> {
  const [r] = await rowsOf<{ oldest: string | null; newest: string | null }>(
    db,
    sql`select (select min(day) from model_usage_daily)::text as oldest, (select max(day) from model_usage_daily)::text as newest`,
  );
  return { oldestDay: r?.oldest ?? null, newestDay: r?.newest ?? null };
}

/** Pure resolution (unit-tested): see the module comment. `defaultFrom` replaces to − 89 days when given. */
export function resolveRangeWith(
  bounds: DataBounds,
  state: Pick<ViewState, "from" | "to">,
  opts: { defaultFrom?: string | null; today?: string } = {},
): ResolvedRange {
  const { oldestDay, newestDay } = bounds;
  if (!newestDay || !oldestDay) {
    const to = state.to ?? opts.today ?? new Date().toISOString().slice(0, 10);
    const from = state.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    return { from, to, oldestDay: null, newestDay: null, empty: true };
  }
  let to = state.to ?? newestDay;
  let from = state.from ?? opts.defaultFrom ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  to = minDay(to, newestDay);
  from = maxDay(from, oldestDay);
  const empty = from > to;
  return { from, to, oldestDay, newestDay, empty };
}

