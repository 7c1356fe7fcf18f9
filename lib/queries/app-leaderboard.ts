/**
 * The apps leaderboard (`/apps`): every app over a range, or in one category. Calendar rows in the range
 * come first (lib/queries/apps.ts topAppsFor); without them, the newest window each source reported, and the
 * answer says so (`basis: "window"`, with the window's days) because a window is not the range asked for.
 *
 * Categories are those the sources give: app-rankings is asked per category (app_usage.category, with the
 * app's rank in it), the tracker lists each app's `app_categories` (apps.categories). A category with its own
 * app-rankings rows is ranked by them; otherwise apps listing the category are kept from the whole leaderboard.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { textArray } from "@/db/pg-array";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import type { ViewState } from "@/lib/view/state";
import { getLatestWindows } from "./app-volume";
import { topAppsFor } from "./apps";
import { provenanceOf } from "./provenance";
import type { Provenance } from "./types";

export const LEADERBOARD_SIZE = 50;

export interface LeaderboardRow {
  /** Position on this leaderboard (1 = most tokens). */
  rank: number;
  /** The source's own rank within the category, when it ranks one. */
  sourceRank: number | null;
  appId: string;
  appName: string;
  categories: string[];
  tokens: string;
}

export interface AppLeaderboard {
  from: string;
  to: string;
  category: string | null;
  /** Every category the sources give, for the filter. */
  categories: string[];
  basis: "calendar" | "window";
  /** The days the figures cover: the range's (calendar) or the source's window (start null when unknown). */
  coverage: { from: string | null; to: string } | null;
  rows: LeaderboardRow[];
  provenance: Provenance;
}

export async function listAppCategories(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ c: string }>(
    db,
    sql`select c from (select distinct category as c from app_usage where category is not null
                       union select distinct unnest(categories) from apps) x
        where c is not null and c <> '' order by c`,
  );
  return rows.map((r) => String(r.c));
}

async function categoriesOf(db: Db, appIds: string[]): Promise<Map<string, string[]>> {
  if (!appIds.length) return new Map();
  const rows = await rowsOf<{ app_id: string; categories: string[] | null }>(
    db,
    sql`select app_id, categories from apps where app_id = any(${textArray(appIds)}::text[])`,
  );
  return new Map(rows.map((r) => [String(r.app_id), r.categories ?? []]));
}

export async function getAppLeaderboard(db: Db, state: ViewState, category: string | null): Promise<AppLeaderboard> {
  const [bounds, categories] = await Promise.all([getDataBounds(db), listAppCategories(db)]);
  const range = resolveRangeWith(bounds, state);
  const base = { from: range.from, to: range.to, category, categories };

  // A category the source ranked: its own rows, in its order.
  if (category) {
    const own = await getLatestWindows(db, { allModels: true, category, limit: LEADERBOARD_SIZE });
    if (own.length) {
      const cats = await categoriesOf(db, own.map((w) => w.appId));
      const starts = own.map((w) => w.periodStart).filter((d): d is string => Boolean(d)).sort();
      return {
        ...base,
        basis: "window",
        coverage: { from: starts[0] ?? null, to: own.map((w) => w.periodEnd).sort().at(-1)! },
        rows: own.map((w, i) => ({ rank: i + 1, sourceRank: w.rank, appId: w.appId, appName: w.appName, categories: cats.get(w.appId) ?? [], tokens: w.tokens })),
        provenance: await provenanceOf(db, own.map((w) => w.snapshotId)),
      };
    }
  }

  const all = await topAppsFor(db, null, range, category ? 1000 : LEADERBOARD_SIZE);
  const cats = await categoriesOf(db, all.apps.map((a) => a.appId));
  const kept = all.apps.filter((a) => !category || (cats.get(a.appId) ?? []).includes(category)).slice(0, LEADERBOARD_SIZE);
  return {
    ...base,
    basis: all.basis,
    coverage: all.coverage,
    rows: kept.map((a, i) => ({ rank: i + 1, sourceRank: null, appId: a.appId, appName: a.appName, categories: cats.get(a.appId) ?? [], tokens: a.tokens })),
    provenance: all.provenance,
  };
}
