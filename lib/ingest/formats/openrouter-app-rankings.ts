/**
 * OpenRouter Data API `app-rankings`:
 * `{data:[{rank, app_id, app_name, total_tokens, total_requests}], meta:{as_of, start_date, end_date}}`.
 *
 * Totals over a window the source chooses (meta.start_date..meta.end_date), for all models: one AppRecord
 * and one `window` AppUsageRow per entry. The API is asked per category and its body does not say which:
 * the caller does (ParseContext.category, `?category=` on POST /api/ingest, the collector's request), or a
 * stored body's `meta.category`; each category's rows are rows of their own (an app keeps its rank in each). App ids are numbers in the API and strings here (names are not
 * unique — two different apps are called "pi" — so the id is the identity).
 */
import { CATEGORY_RE } from "@/lib/domain/categories";
import { IngestError, IssueList } from "../errors";
import type { AppRecord, AppUsageRow, ParseContext, ParsedSnapshot } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { describe, parseIsoInstant } from "../values";
import { openRouterMetaSchema } from "./openrouter-rankings-daily";
import {
  at,
  isRecord,
  notShape,
  parseJsonText,
  readCount,
  readOptionalCount,
  readPositiveInt,
  readText,
  zodCheck,
} from "./shared";

const WHAT = "invalid OpenRouter app-rankings snapshot";

/** App ids: integers (OpenRouter's), or non-empty strings within the id limits from other tools. */
export function readAppId(v: unknown, path: string, field: string, issues: IssueList, integersOnly = false): string | null {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === "string" && v.trim().length > 0 && !integersOnly) return readText(v.trim(), "id", path, field, issues) ?? null;
  const expected = integersOnly ? "a non-negative integer app id" : "an app id";
  issues.add(at(path, field), v === undefined || v === null || v === "" ? "is required" : `must be ${expected}, got ${describe(v)}`);
  return null;
}


/** `?category=` on POST /api/ingest: a category name, or null when absent. */
export function parseCategoryOrThrow(value: string | null | undefined, path = "query.category"): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (!CATEGORY_RE.test(value)) {
    throw new IngestError(400, "invalid category", [{ path, message: `expected a category name (lower-case letters, digits, -, e.g. coding), got ${describe(value)}` }]);
  }
  return value;
}

function readCategory(body: Record<string, unknown>, ctx: ParseContext | undefined, issues: IssueList): string | null {
  const stated = isRecord(body.meta) ? body.meta.category : undefined;
  if (stated !== undefined && stated !== null && (typeof stated !== "string" || !CATEGORY_RE.test(stated))) {
    issues.add("meta.category", `must be a category name (lower-case letters, digits, -), got ${describe(stated)}`);
    return null;
  }
  const given = ctx?.category ?? null;
  if (typeof stated === "string" && given !== null && stated !== given) {
    issues.add("meta.category", `is "${stated}" but the snapshot was sent as category "${given}"`);
    return null;
  }
  const category = given ?? (typeof stated === "string" ? stated : null);
  return category === "all" ? null : category;
}

export function parseAppRankings(body: unknown, ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !Array.isArray(body.data)) notShape(WHAT, "data", "expected {data: [...], meta: {...}}");
  const issues = new IssueList();
  const meta = zodCheck(openRouterMetaSchema, body.meta, issues, "meta");
  const category = readCategory(body, ctx, issues);
  if (meta && !meta.end_date) issues.add("meta.end_date", "is required (the window the totals cover)");
  if (meta?.start_date && meta.end_date && meta.start_date > meta.end_date) {
    issues.add("meta.start_date", `is after meta.end_date (${meta.end_date})`);
  }
  const data = body.data as unknown[];
  const apps: AppRecord[] = [];
  const appUsage: AppUsageRow[] = [];

  for (let i = 0; i < data.length; i++) {
    const row = data[i];
    const path = `data[${i}]`;
    if (!isRecord(row)) {
      issues.add(path, `must be an object, got ${describe(row)}`);
      continue;
    }
    // The API's ids are integers; "12.5" or "abc" here means the body is not what the API sends.
    const appId = readAppId(row.app_id, path, "app_id", issues, true);
    const name = readText(row.app_name, "name", path, "app_name", issues);
    const rank = readPositiveInt(row.rank, path, "rank", issues);
    const total = readCount(row.total_tokens, path, "total_tokens", issues);
    const requests = readOptionalCount(row.total_requests, path, "total_requests", issues);
    if (appId === null || typeof name !== "string" || rank === null || total === null || !meta?.end_date) continue;
    apps.push({ appId, name });
    appUsage.push({
      appId,
      model: null,
      periodKind: "window",
      periodStart: meta.start_date ?? null,
      periodEnd: meta.end_date,
      totalTokens: total,
      requests,
      rank,
      category,
      path,
    });
  }
  issues.throwIfAny(WHAT);

  return {
    format: "openrouter-app-rankings",
    source: "openrouter",
    asOf: parseIsoInstant(meta!.as_of),
    citation: OPENROUTER_CITATION,
    models: [],
    modelUsage: [],
    apps,
    appUsage,
  };
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseAppRankings(parseJsonText(text), ctx);
}
