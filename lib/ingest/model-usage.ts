/**
 * Daily model usage — the big table — written with COPY. When no stored row falls within the snapshot's days
 * (new days appended), the rows are all inserts and go straight into the table. Otherwise they go through a
 * staging table: COPY'd into a temporary table (no indexes, no triggers) and merged with two statements: an update of the stored rows
 * the snapshot restates (the rule of lib/ingest/newer-row.ts) and a plain insert of the keys not stored yet.
 * A plain insert spares `insert … on conflict`'s speculative insertion per row; no other writer can add a
 * key in between, since every ingest and retraction holds the ingest lock.
 *
 * On Postgres all rows go in one COPY and one merge (the server works, the event loop is free). On PGlite
 * every statement runs on the server's own thread, so rows go ctx.chunk at a time with a turn of the event
 * loop between chunks, and reads are answered in between; each chunk merges with one `insert … on conflict`.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db";
import { copyInto } from "@/db/copy";
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, provenanceFields, rowBytes } from "@/db/copy-binary";
import type { ModelRef, ModelUsageRow } from "./types";
import type { WriteContext } from "./write";
import { upsertCounting } from "./upsert-counting";
import { collapseDuplicates, collapseDuplicatesByIndex } from "./duplicates";
import { newerRow } from "./newer-row";
import { eachInSlices, nextTurn, SLICE } from "./slices";
import type { StreamedKeys } from "./streamed-usage";

export const USAGE_VALUES = ["total_tokens", "prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_tokens", "requests"] as const;

const STAGE = "model_usage_stage";

/** Dropped at the end of the transaction; one per transaction (a retraction replays many snapshots into it). */
const CREATE_STAGE = sql.raw(
  `create temp table if not exists ${STAGE} (day date not null, model_id int4 not null, total_tokens int8 not null, prompt_tokens int8,
     completion_tokens int8, reasoning_tokens int8, cached_tokens int8, requests int8) on commit drop`,
);

/** A snapshot's model usage with repeats of one (day, model reference) collapsed, and the references named. */
export interface CollapsedUsage {
  rows: ModelUsageRow[];
  /** One per distinct reference. */
  refs: ModelRef[];
  /** The value columns some row states: the others are null in every row and are not sent. */
  stated: readonly UsageValue[];
}

export type UsageValue = (typeof USAGE_VALUES)[number];
const FIELD: Record<UsageValue, keyof ModelUsageRow> = {
  total_tokens: "totalTokens",
  prompt_tokens: "promptTokens",
  completion_tokens: "completionTokens",
  reasoning_tokens: "reasoningTokens",
  cached_tokens: "cachedTokens",
  requests: "requests",
};
const usageValues = (r: ModelUsageRow) => USAGE_VALUES.map((c) => r[FIELD[c]] ?? "").join("/");

/** Memos keyed by reference object stay small where a parser makes one object per row. */
const MEMO = 10_000;

/** Small numbers for model references and days, so a row's key is one small integer (no string per row). */
function keyer() {
  const refs: ModelRef[] = [];
  const [byRef, byIdentity, byDay] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const byObject = new Map<ModelRef, number>(); // parsers share one object per distinct name
  const indexOf = (map: Map<string, number>, key: string, ref: ModelRef) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = refs.push(ref) - 1));
    return i;
  };
  const refIndex = (ref: ModelRef) => {
    let i = byObject.get(ref);
    if (i === undefined) {
      i = ref.kind === "lookup" ? indexOf(byRef, ref.ref, ref) : indexOf(byIdentity, ref.kind === "bucket" ? "" : `${ref.permaslug}\0${ref.variant}`, ref);
      if (byObject.size < MEMO) byObject.set(ref, i);
    }
    return i;
  };
  // Rows usually come a day at a time: the last day's index spares most lookups.
  let [lastDay, lastIndex] = ["", -1];
  const dayIndex = (day: string) => {
    if (day === lastDay) return lastIndex;
    let i = byDay.get(day);
    if (i === undefined) byDay.set(day, (i = byDay.size));
    [lastDay, lastIndex] = [day, i];
    return i;
  };
  return { refs, refIndex, dayIndex, days: () => byDay.size };
}

/**
 * Collapses repeats by model *reference*, which needs no database: the ingest runs it before taking the
 * ingest lock, so other ingests do not wait for it. Two references to one model (a public id and its
 * permaslug) are caught after resolution, in mergeModelUsage. A first pass numbers each row's day and
 * reference; a row's key is then day × references + reference, a small integer.
 */
export async function collapseUsage(all: ModelUsageRow[]): Promise<CollapsedUsage> {
  const { refs, refIndex, dayIndex, days } = keyer();
  const [dayOf, refOf] = [new Int32Array(all.length), new Int32Array(all.length)];
  const stated = new Set<UsageValue>(["total_tokens"]);
  await eachInSlices(all, (r, i) => {
    dayOf[i] = dayIndex(r.day);
    refOf[i] = refIndex(r.model);
    noteStated(r, stated);
  });
  const width = refs.length;
  const rows = await collapseDuplicatesByIndex(all, (i) => dayOf[i] * width + refOf[i], days() * width, usageValues);
  return { rows, refs, stated: USAGE_VALUES.filter((c) => stated.has(c)) };
}

/** Adds the optional value columns `r` states. */
function noteStated(r: ModelUsageRow, stated: Set<UsageValue>): void {
  if (r.promptTokens != null) stated.add("prompt_tokens");
  if (r.completionTokens != null) stated.add("completion_tokens");
  if (r.reasoningTokens != null) stated.add("reasoning_tokens");
  if (r.cachedTokens != null) stated.add("cached_tokens");
  if (r.requests != null) stated.add("requests");
}

/** `streamed`: keys written while the snapshot was parsed (lib/ingest/streamed-usage.ts), counted as inserted. */
export async function mergeModelUsage(
  ctx: WriteContext,
  usage: CollapsedUsage,
  resolvedIdOf: (ref: ModelRef) => number,
  streamed?: StreamedKeys,
): Promise<{ inserted: number; updated: number }> {
  const ids = new Map<ModelRef, number>();
  const idOf = (ref: ModelRef) => {
    let id = ids.get(ref);
    if (id === undefined) {
      id = resolvedIdOf(ref);
      if (ids.size < MEMO) ids.set(ref, id);
    }
    return id;
  };
  const aliased = new Set(usage.refs.map(idOf)).size < usage.refs.length;
  const collapsed = aliased ? await collapseDuplicates(usage.rows, (r) => `${r.day}|${idOf(r.model)}`, usageValues) : usage.rows;
  // Collapsed rows have one distinct (day, model) each, and every key written while parsing is one of
  // them: as many keys as rows means all were written.
  const rows = !streamed?.count ? collapsed : streamed.count === collapsed.length ? [] : await notStreamed(collapsed, streamed, idOf);
  const before = streamed?.count ?? 0;
  const total = { inserted: before, updated: 0 };
  const progress = (written: number) => ctx.onUsageWritten?.(before + written, before + rows.length);
  if (!rows.length) {
    if (before) progress(0);
    return total;
  }
  const per = ctx.embedded ? ctx.chunk : rows.length;
  if (!(await anyStoredOnDays(ctx, rows))) {
    // Only new days (a collector appending): nothing to merge, every row is an insert, straight from COPY.
    const provenance = provenanceFields(ctx.snapshotId, ctx.asOfIso);
    for (let start = 0; start < rows.length; start += per) {
      if (start > 0) await nextTurn();
      const end = Math.min(rows.length, start + per);
      await copyInto(ctx.tx, "model_usage_daily", ["day", "model_id", ...usage.stated, "snapshot_id", "as_of"], copyRows(rows, start, end, idOf, usage.stated, provenance), ctx.embedded);
      total.inserted += end - start;
      progress(end);
    }
    return total;
  }
  await ctx.tx.execute(CREATE_STAGE);
  for (let start = 0; start < rows.length; start += per) {
    if (start > 0) await nextTurn();
    const end = Math.min(rows.length, start + per);
    await ctx.tx.execute(sql.raw(`truncate ${STAGE}`));
    await copyInto(ctx.tx, STAGE, ["day", "model_id", ...usage.stated], copyRows(rows, start, end, idOf, usage.stated), ctx.embedded);
    if (ctx.embedded) {
      const r = await upsertFromStage(ctx);
      total.inserted += r.inserted;
      total.updated += r.changed - r.inserted;
    } else {
      await ctx.tx.execute(sql.raw(`analyze ${STAGE}`)); // a temp table has no statistics: plan the joins on real counts
      total.updated += await countOf(ctx, updateStored(ctx));
      total.inserted += await countOf(ctx, insertNew(ctx));
    }
    progress(end);
  }
  return total;
}

/** The rows whose key was not written while parsing. */
async function notStreamed(rows: ModelUsageRow[], streamed: StreamedKeys, idOf: (ref: ModelRef) => number): Promise<ModelUsageRow[]> {
  const rest: ModelUsageRow[] = [];
  await eachInSlices(rows, (r) => streamed.has(r.day, idOf(r.model)) || rest.push(r));
  return rest;
}

const columnList = sql.join(USAGE_VALUES.map((c) => sql.identifier(c)), sql`, `);
const setFrom = (row: SQL) => sql.join(USAGE_VALUES.map((c) => sql`${sql.identifier(c)} = ${row}.${sql.identifier(c)}`), sql`, `);
const stagedValues = sql.join(
  USAGE_VALUES.map((c) => sql`s.${sql.identifier(c)}`),
  sql`, `,
);

/** Stored rows of the staged keys that the staged row restates. */
function updateStored(ctx: WriteContext) {
  const newer = newerRow(ctx.checksum, "model_usage_daily", [...USAGE_VALUES], { row: sql`s`, asOf: sql`${ctx.asOfIso}::timestamptz` });
  return sql`update model_usage_daily set ${setFrom(sql`s`)}, snapshot_id = ${ctx.snapshotId}, as_of = ${ctx.asOfIso}::timestamptz
             from ${sql.raw(STAGE)} s
             where model_usage_daily.day = s.day and model_usage_daily.model_id = s.model_id and ${newer}
             returning 1`;
}

/** Staged keys not stored yet (the update before has seen the others). */
function insertNew(ctx: WriteContext) {
  return sql`insert into model_usage_daily (day, model_id, ${columnList}, snapshot_id, as_of)
             select s.day, s.model_id, ${stagedValues}, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
             from ${sql.raw(STAGE)} s
             where not exists (select 1 from model_usage_daily u where u.day = s.day and u.model_id = s.model_id)
             returning 1`;
}

/**
 * PGlite's chunks are small: probing the primary key per staged row (`on conflict`) beats the hash joins
 * the planner picks for the two statements above, which read the whole table for every chunk.
 */
function upsertFromStage(ctx: WriteContext) {
  return upsertCounting(
    ctx.tx,
    sql`insert into model_usage_daily (day, model_id, ${columnList}, snapshot_id, as_of)
        select s.day, s.model_id, ${stagedValues}, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz from ${sql.raw(STAGE)} s
        on conflict (day, model_id) do update set ${setFrom(sql`excluded`)}, snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
        where ${newerRow(ctx.checksum, "model_usage_daily", [...USAGE_VALUES])}`,
  );
}

async function countOf(ctx: WriteContext, statement: SQL): Promise<number> {
  const [r] = await rowsOf<{ n: string | number }>(ctx.tx, sql`with w as (${statement}) select count(*) as n from w`);
  return Number(r.n);
}

/** Whether any day the rows state holds a stored row (of any model): one probe of the primary key. */
async function anyStoredOnDays(ctx: WriteContext, rows: ModelUsageRow[]): Promise<boolean> {
  let [first, last] = [rows[0].day, rows[0].day];
  await eachInSlices(rows, (r) => {
    if (r.day < first) first = r.day;
    else if (r.day > last) last = r.day;
  });
  const found = await rowsOf(ctx.tx, sql`select 1 from model_usage_daily where day between ${first}::date and ${last}::date limit 1`);
  return found.length > 0;
}

/** Rows [start, end) in COPY's binary format as `day, model_id, …stated[, snapshot_id, as_of]`, a slice at a
 * time with a turn of the event loop between slices. Every value is a validated day or digit string. */
async function* copyRows(rows: ModelUsageRow[], start: number, end: number, idOf: (ref: ModelRef) => number, stated: readonly UsageValue[], provenance?: Buffer): AsyncGenerator<Buffer> {
  const width = 2 + stated.length + (provenance ? 2 : 0);
  yield COPY_BINARY_HEADER;
  for (let from = start; from < end; from += SLICE) {
    if (from > start) await nextTurn();
    const to = Math.min(end, from + SLICE);
    const out = new BinaryRows((to - from) * rowBytes(width));
    for (let i = from; i < to; i++) {
      const r = rows[i];
      out.row(width);
      out.date(r.day);
      out.int4(idOf(r.model));
      encodeUsageValues(out, r, stated);
      if (provenance) out.raw(provenance);
    }
    yield out.done();
  }
  yield COPY_BINARY_TRAILER;
}

/** The `columns` of a row, in order, in COPY's binary format. */
export function encodeUsageValues(out: BinaryRows, r: ModelUsageRow, columns: readonly UsageValue[]): void {
  for (const c of columns) {
    const v = r[FIELD[c]] as string | null | undefined;
    if (v == null) out.null();
    else out.int8Digits(v);
  }
}
