/**
 * OpenRouter Data API `rankings-daily`:
 * `{data:[{date, model_permaslug, total_tokens}], meta:{as_of, start_date, end_date, version}}`.
 *
 * Each UTC day: the top N models by tokens plus one `other` row (a bucket, never a model). Permaslugs are
 * dated and carry the variant as a suffix (`…-20251217:free`). total_tokens is a decimal string beyond
 * 2^53, kept as a string. Rows are validated by hand (not per-row zod): this array can be large.
 */
import { z } from "zod";
import { IssueList } from "../errors";
import type { ModelRef, ModelUsageRow, ParseContext, ParsedSnapshot } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { describe, isDay, makeDayChecker, parseIsoInstant, splitModelId, toUtcDay } from "../values";
import { checkModelId, isRecord, notShape, parseJsonText, readCount, readString, zodCheck } from "./shared";
import { BUCKET_SLUG } from "@/lib/domain/buckets";

const WHAT = "invalid OpenRouter rankings-daily snapshot";

export const openRouterMetaSchema = z.object({
  as_of: z.string().refine((v) => parseIsoInstant(v) !== null, { message: "must be an ISO-8601 instant with a zone" }),
  start_date: z.string().refine(isDay, { message: "must be a real day, YYYY-MM-DD" }).nullish(),
  end_date: z.string().refine(isDay, { message: "must be a real day, YYYY-MM-DD" }).nullish(),
  version: z.string().nullish(),
});

/** OpenRouter's bucket of every model outside the top N. */
function isOtherBucket(slug: string): boolean {
  return slug === BUCKET_SLUG;
}

/** `x/y-20251217:free` → {permaslug "x/y-20251217", variant "free"}; `other` → the bucket. */
function permaslugRef(slug: string): ModelRef {
  if (isOtherBucket(slug)) return { kind: "bucket" };
  const { base, variant } = splitModelId(slug);
  return { kind: "permaslug", permaslug: base, variant };
}

export function parseRankingsDaily(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !Array.isArray(body.data)) notShape(WHAT, "data", "expected {data: [...], meta: {...}}");
  const issues = new IssueList();
  const meta = zodCheck(openRouterMetaSchema, body.meta, issues, "meta");
  const data = body.data as unknown[];
  const isValidDay = makeDayChecker();
  const modelUsage: ModelUsageRow[] = new Array(data.length);
  // A day cannot have been counted before it happened: a row after as_of is a mistake, not a forecast.
  const asOf = meta ? parseIsoInstant(meta.as_of) : null;
  const lastDay = asOf ? toUtcDay(asOf) : null;

  for (let i = 0; i < data.length; i++) {
    const row = data[i];
    const path = `data[${i}]`;
    if (!isRecord(row)) {
      issues.add(path, `must be an object, got ${describe(row)}`);
      continue;
    }
    const day = row.date;
    const dayOk = isValidDay(day);
    if (!dayOk) issues.add(`${path}.date`, `must be a real day, YYYY-MM-DD, got ${describe(day)}`);
    else if (lastDay !== null && day > lastDay) issues.add(`${path}.date`, `is after the snapshot's as_of (${lastDay})`);
    const slug = readString(row.model_permaslug, path, "model_permaslug", issues);
    const total = readCount(row.total_tokens, path, "total_tokens", issues);
    if (slug === null || total === null || !dayOk) continue;
    if (!checkModelId(slug, path, "model_permaslug", issues)) continue;
    modelUsage[i] = { day, model: permaslugRef(slug), totalTokens: total, path };
  }
  issues.throwIfAny(WHAT);

  return {
    format: "openrouter-rankings-daily",
    source: "openrouter",
    asOf,
    citation: OPENROUTER_CITATION,
    models: [],
    modelUsage,
    wholeDays: true, // each day is the complete top N plus `other`
    apps: [],
    appUsage: [],
  };
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseRankingsDaily(parseJsonText(text), ctx);
}
