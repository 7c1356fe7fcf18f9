/**
 * Dated events of models (GET /api/v1/events, the markers on adoption curves and price charts), derived
 * from the stored catalogue and price history — nothing is typed in by hand:
 *
 * - `launch`: the catalogue's launch date; for a model without one, the first day a source saw it listed,
 *   unless that is the source's first day (the start of its record, not a launch).
 * - `free-added`: the same for a `:free` variant (the day it was first seen, else its launch date).
 * - `price-change`: a model_prices row whose input or output price differs from the row before it (old and
 *   new prices per 1M tokens). Free variants cost 0 whatever is listed, so they have none.
 * - `removed` / `free-removed`: the model's last listed day, when every source that listed it has seen a
 *   newer day without it (its last_seen is older than the source's newest listing day).
 *
 * Events cover the models asked and their other variants (the free tier of a model is part of its story).
 * Provenance: the snapshots of the price rows and listings behind the events.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import type { ViewState } from "@/lib/view/state";
import { provenanceOf, snapshotIdsOf } from "./provenance";
import { resolveAuthors, resolveModelRefs } from "./resolve-series";
import { EVENT_TYPES, type EventsResult, type EventType, type ModelEvent } from "./types";

export type { EventsResult, ModelEvent } from "./types";

export interface EventsQuery {
  modelIds: number[];
  /** Inclusive days; null = unbounded. */
  from: string | null;
  to: string | null;
}

/** The events of the models a view names (`models=` series, else `authors=`). */
export async function getViewEvents(db: Db, state: ViewState): Promise<EventsResult> {
  const series = state.models.length ? await resolveModelRefs(db, state.models) : await resolveAuthors(db, state.authors);
  return getEvents(db, { modelIds: series.flatMap((s) => s.members.map((m) => m.modelId)), from: state.from, to: state.to });
}

interface EventRow {
  date: string;
  type: EventType;
  model: string;
  name: string | null;
  author: string;
  bi: string | null;
  bo: string | null;
  ai: string | null;
  ao: string | null;
  snaps: unknown;
}

/** Type order within a day: a model launches before its price changes and ends last. */
const TYPE_ORDER = new Map(EVENT_TYPES.map((t, i) => [t, i]));

export async function getEvents(db: Db, q: EventsQuery): Promise<EventsResult> {
  if (!q.modelIds.length) return { from: q.from, to: q.to, events: [], provenance: await provenanceOf(db, []) };
  const rows = await rowsOf<EventRow>(
    db,
    sql`with asked as (select unnest(${plainArray(q.modelIds)}::int4[]) as id),
        ms as (
          select distinct m.id, m.public_id, m.name, m.author, m.variant, m.launch_date from models m
          where m.kind = 'model' and (m.id in (select id from asked)
             or m.permaslug in (select permaslug from models where id in (select id from asked)))),
        horizon as (select source, min(first_seen) as first_day, max(last_seen) as last_day from model_listings group by source),
        seen as (
          select l.model_id, min(l.first_seen) filter (where l.first_seen > h.first_day) as first_seen,
                 max(l.last_seen) as last_seen, bool_and(l.last_seen < h.last_day) as gone,
                 array_agg(l.snapshot_id) as snaps
          from model_listings l join horizon h using (source)
          where l.model_id in (select id from ms) group by l.model_id),
        launches as (
          select case when ms.variant = 'free' then coalesce(s.first_seen, ms.launch_date) else coalesce(ms.launch_date, s.first_seen) end as date,
                 case when ms.variant = 'free' then 'free-added' else 'launch' end as type,
                 ms.id, null::text as bi, null::text as bo, null::text as ai, null::text as ao,
                 -- a launch date without a listing: the catalogue snapshot that priced the model stated it
                 coalesce(s.snaps, array(select mp.snapshot_id from model_prices mp where mp.model_id = ms.id order by mp.day desc limit 1)) as snaps
          from ms left join seen s on s.model_id = ms.id),
        removals as (
          select s.last_seen as date, case when ms.variant = 'free' then 'free-removed' else 'removed' end as type,
                 ms.id, null::text, null::text, null::text, null::text, s.snaps
          from ms join seen s on s.model_id = ms.id where s.gone),
        prices as (
          select p.day, p.model_id, p.snapshot_id, p.input_per_m, p.output_per_m,
                 lag(p.input_per_m) over w as prev_in, lag(p.output_per_m) over w as prev_out,
                 lag(p.snapshot_id) over w as prev_snap, row_number() over w as n
          from model_prices p join ms on ms.id = p.model_id where ms.variant <> 'free'
          window w as (partition by p.model_id order by p.day)),
        changes as (
          select day as date, 'price-change' as type, model_id as id,
                 trim_scale(prev_in)::text, trim_scale(prev_out)::text, trim_scale(input_per_m)::text, trim_scale(output_per_m)::text,
                 array[prev_snap, snapshot_id] as snaps
          from prices where n > 1 and (input_per_m is distinct from prev_in or output_per_m is distinct from prev_out)),
        events as (select * from launches union all select * from removals union all select * from changes)
        select e.date::text as date, e.type, ms.public_id as model, ms.name, ms.author,
               e.bi, e.bo, e.ai, e.ao, e.snaps
        from events e (date, type, id, bi, bo, ai, ao, snaps) join ms on ms.id = e.id
        where e.date is not null
          and (${q.from}::date is null or e.date >= ${q.from}::date)
          and (${q.to}::date is null or e.date <= ${q.to}::date)`,
  );
  const events = rows
    .map((r): ModelEvent => ({
      date: r.date,
      type: r.type,
      model: r.model,
      name: r.name,
      author: r.author,
      ...(r.type === "price-change"
        ? { before: { inputPerM: r.bi, outputPerM: r.bo }, after: { inputPerM: r.ai, outputPerM: r.ao } }
        : {}),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)! || a.model.localeCompare(b.model));
  return { from: q.from, to: q.to, events, provenance: await provenanceOf(db, snapshotIdsOf(rows.map((r) => r.snaps))) };
}
