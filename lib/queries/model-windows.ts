/**
 * Model usage over a source's own windows (weekly trackers), and the one rule that keeps it from counting
 * tokens twice (README "Model usage windows", beside the app-period rule; test/integration/model-windows.test.ts):
 *
 * 1. A window is never split into days, re-cut into ISO weeks or months, nor added to day rows: at
 *    interval=day or month the days a model has only a window for are unreported (null); at interval=week
 *    windows are answered as windows (period = their first day, with their bounds), beside the calendar
 *    weeks of day rows, never summed with them.
 * 2. Where the model's day rows cover every day of a window, the days stand and the window is left out.
 * 3. Overlapping windows of one model are never added to each other: one stands — known bounds before an
 *    unknown start, then the newest as_of, then the later end.
 * A window whose start the source does not say (a weekly run) is taken to reach back at most a week
 * (WINDOW_REACH_DAYS) when rules 2 and 3 compare it with days and other windows.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso } from "@/db/row-values";
import { plainArray } from "@/db/pg-array";
import { addDays, daysInclusive } from "@/lib/domain/days";
import { tokenString, type Row } from "./sql";

/** How far back a window of unknown start is taken to reach: the weekly format's longest window. */
export const WINDOW_REACH_DAYS = 7;

export interface ModelWindow {
  modelId: number;
  kind: "week" | "window";
  /** First day; null when the source does not say. */
  from: string | null;
  to: string;
  rounded: boolean;
  tokens: string;
  promptTokens: string | null;
  completionTokens: string | null;
  snapshotId: number;
  asOf: string;
  /** Day rows of the same model inside the window's reach (rule 2). */
  dayRows: number;
}

/** The days a window can cover: its bounds, or the week up to its end when its start is unknown. */
export function reachOf(w: Pick<ModelWindow, "from" | "to">): { from: string; to: string } {
  return { from: w.from ?? addDays(w.to, -(WINDOW_REACH_DAYS - 1)), to: w.to };
}

const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from <= b.to && b.from <= a.to;

/** Rules 2 and 3 over stored windows (pure; unit-tested): the windows that stand, oldest first. */
export function pickWindows(windows: ModelWindow[]): ModelWindow[] {
  const candidates = windows
    .filter((w) => w.dayRows < daysInclusive(reachOf(w).from, w.to))
    .sort((a, b) => Number(a.from === null) - Number(b.from === null) || (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0) || (a.to < b.to ? 1 : a.to > b.to ? -1 : 0));
  const kept: ModelWindow[] = [];
  for (const w of candidates) {
    if (!kept.some((k) => k.modelId === w.modelId && overlaps(reachOf(k), reachOf(w)))) kept.push(w);
  }
  return kept.sort((a, b) => a.modelId - b.modelId || (reachOf(a).from < reachOf(b).from ? -1 : 1));
}

/** The windows that stand (pickWindows) for these models and touch [from, to], each whole. */
export async function modelWindows(db: Db, modelIds: number[], from: string, to: string): Promise<ModelWindow[]> {
  if (!modelIds.length) return [];
  // Neighbours just outside the range take part in rule 3, so a window's fate does not depend on the range.
  const lo = addDays(from, -WINDOW_REACH_DAYS);
  const hi = addDays(to, WINDOW_REACH_DAYS);
  const rows = await rowsOf<Row>(
    db,
    sql`select w.model_id, w.period_kind, w.period_start::text as period_start, w.period_end::text as period_end, w.rounded,
               w.total_tokens::text as tokens, w.prompt_tokens::text as prompt, w.completion_tokens::text as completion,
               w.snapshot_id, w.as_of,
               (select count(*) from model_usage_daily d where d.model_id = w.model_id
                  and d.day between coalesce(w.period_start, w.period_end - ${WINDOW_REACH_DAYS - 1}::int) and w.period_end)::int as day_rows
        from model_usage_window w
        where w.model_id = any(${plainArray(modelIds)}::int4[]) and w.period_end >= ${lo}::date
          and coalesce(w.period_start, w.period_end) <= ${hi}::date`,
  );
  const all = rows.map(
    (r): ModelWindow => ({
      modelId: Number(r.model_id),
      kind: r.period_kind === "week" ? "week" : "window",
      from: (r.period_start as string | null) ?? null,
      to: String(r.period_end),
      rounded: r.rounded === true || r.rounded === "t",
      tokens: tokenString(r.tokens),
      promptTokens: r.prompt === null ? null : String(r.prompt),
      completionTokens: r.completion === null ? null : String(r.completion),
      snapshotId: Number(r.snapshot_id),
      asOf: iso(r.as_of),
      dayRows: Number(r.day_rows),
    }),
  );
  return pickWindows(all).filter((w) => overlaps(reachOf(w), { from, to }));
}
