/**
 * Model references → stored models. A reference is a public id (`google/gemini-3-flash-preview`,
 * `…:free`) or a permaslug with an optional `:variant` (`google/gemini-3-flash-preview-20251217`,
 * `…-20251217:free`; no suffix = standard). Public ids win over permaslugs; among several models with one
 * public id, the catalogue's newest description wins. Unknown references are a QueryError (400) located
 * at `query.models[i]` (i = the series' index; `[i][j]` for the j-th member of an `a+b` sum).
 */
import { sql } from "drizzle-orm";
import { splitModelId } from "@/lib/domain/model-id";
import { rowsOf, type Db } from "@/db";
import { plainArray, textArray } from "@/db/pg-array";
import type { VariantFilter } from "@/lib/view/state";
import { assertKnownAuthors } from "./authors";
import { QueryError } from "./errors";
import { LATEST_PRICE_JOIN, MODEL_SUMMARY_COLUMNS, toModelSummary, type Row } from "./sql";
import type { ModelSummary } from "./types";

export interface ResolvedSeries {
  /** Stable key: member public ids joined by "+", or "author:<name>". */
  key: string;
  label: string;
  members: ModelSummary[];
  /** Day 0 of launch alignment: the earliest catalogue launch date among the members, else their first day of usage. */
  launchDate: string | null;
}

type ModelRow = ModelSummary & { inCatalogue: boolean };

/** Looks up many references in one query; returns ref → model (absent when unknown). */
async function lookupRefs(db: Db, refs: string[]): Promise<Map<string, ModelRow>> {
  const unique = [...new Set(refs)];
  const out = new Map<string, ModelRow>();
  if (!unique.length) return out;
  const bases = unique.map((r) => splitModelId(r).base);
  const rows = await rowsOf<Row>(
    db,
    sql`select ${MODEL_SUMMARY_COLUMNS}, m.kind
        from models m ${LATEST_PRICE_JOIN}
        where m.public_id = any(${textArray(unique)}::text[]) or m.permaslug = any(${textArray(bases)}::text[])
        order by m.in_catalogue desc, m.meta_as_of desc nulls last, m.id desc`,
  );
  for (const ref of unique) {
    const { base, variant } = splitModelId(ref);
    const hit = rows.find((r) => r.public_id === ref) ?? rows.find((r) => r.permaslug === base && r.variant === variant);
    if (hit) out.set(ref, { ...toModelSummary(hit), inCatalogue: Boolean(hit.in_catalogue) });
  }
  return out;
}

/** First day of usage of each model (one index probe per model on model_usage_daily (model_id, day)). */
async function firstUsageDays(db: Db, modelIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!modelIds.length) return out;
  const rows = await rowsOf<{ id: number; first: string | null }>(
    db,
    sql`select x.id, (select min(u.day) from model_usage_daily u where u.model_id = x.id)::text as first
        from unnest(${plainArray([...new Set(modelIds)])}::int4[]) as x(id)`,
  );
  for (const r of rows) if (r.first) out.set(Number(r.id), r.first);
  return out;
}

async function withLaunchDates(db: Db, series: Omit<ResolvedSeries, "launchDate">[]): Promise<ResolvedSeries[]> {
  const needUsage = series.filter((s) => !s.members.some((m) => m.launchDate)).flatMap((s) => s.members.map((m) => m.modelId));
  const first = await firstUsageDays(db, needUsage);
  return series.map((s) => {
    const launches = s.members.map((m) => m.launchDate).filter((d): d is string => Boolean(d));
    const fallback = s.members.map((m) => first.get(m.modelId)).filter((d): d is string => Boolean(d));
    const pick = (launches.length ? launches : fallback).sort()[0] ?? null;
    return { ...s, launchDate: pick };
  });
}

export function seriesLabel(members: ModelSummary[]): string {
  return members.map((m) => m.name ?? m.publicId).join(" + ");
}

/** `models` of a view → series, in order; throws QueryError 400 naming every unknown reference. */
export async function resolveModelRefs(db: Db, refs: string[][]): Promise<ResolvedSeries[]> {
  const found = await lookupRefs(db, refs.flat());
  const details: { path: string; message: string }[] = [];
  refs.forEach((series, i) =>
    series.forEach((ref, j) => {
      if (!found.has(ref)) details.push({ path: series.length > 1 ? `query.models[${i}][${j}]` : `query.models[${i}]`, message: `unknown model "${ref}"` });
    }),
  );
  if (details.length) throw new QueryError(400, `unknown model: ${details[0].message.replace(/^unknown model /, "")}`, details);
  const series = refs.map((group) => {
    const members = [...new Map(group.map((ref) => [found.get(ref)!.modelId, found.get(ref)!])).values()].map(({ inCatalogue: _, ...m }) => m);
    return { key: members.map((m) => m.publicId).join("+"), label: seriesLabel(members), members };
  });
  return withLaunchDates(db, series);
}

/** Authors → one series each with all their models (never the `other` bucket); unknown authors are a 400. */
export async function resolveAuthors(db: Db, authors: string[]): Promise<ResolvedSeries[]> {
  if (!authors.length) return [];
  await assertKnownAuthors(db, authors);
  const rows = await rowsOf<Row>(
    db,
    sql`select ${MODEL_SUMMARY_COLUMNS}
        from models m ${LATEST_PRICE_JOIN}
        where m.kind = 'model' and m.author = any(${textArray(authors)}::text[])
        order by m.public_id`,
  );
  const series = authors.map((a) => ({ key: `author:${a}`, label: a, members: rows.filter((r) => r.author === a).map(toModelSummary) }));
  // Authors have no launch date: day 0 is their first day of usage.
  const first = await firstUsageDays(db, series.flatMap((s) => s.members.map((m) => m.modelId)));
  return series.map((s) => ({
    ...s,
    launchDate: s.members.map((m) => first.get(m.modelId)).filter((d): d is string => Boolean(d)).sort()[0] ?? null,
  }));
}

/** One model by reference (model page): QueryError 404 when unknown. */
export async function resolveModelRef(db: Db, ref: string): Promise<ModelRow> {
  const found = (await lookupRefs(db, [ref])).get(ref);
  if (!found) throw new QueryError(404, `unknown model "${ref}"`, [{ path: "model", message: `unknown model "${ref}"` }]);
  return found;
}

/** Keeps the members a variant filter allows: paid = every variant but `free`; free = only `free`. */
export function filterMembers(members: ModelSummary[], variant: VariantFilter): ModelSummary[] {
  if (variant === "all") return members;
  return members.filter((m) => (variant === "free" ? m.variant === "free" : m.variant !== "free"));
}
