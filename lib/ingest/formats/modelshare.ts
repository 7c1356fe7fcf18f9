/**
 * Modelshare canonical snapshot, JSON form (`"format": "modelshare.snapshot/v1"`). The README documents
 * it; in short:
 *
 *   { "format": "modelshare.snapshot/v1",
 *     "source": "acme-gateway",                      // who produced it; trimmed, 1..200 chars
 *     "capturedAt": "2026-01-06T00:00:00Z",          // when the data was true (ISO-8601 with a zone, or a day)
 *     "citation": "Source: Acme, as of {as_of}.",    // optional; default "Source: <source>, as of {as_of}."
 *     "models":     [{ "id", "permaslug"?, "name"?, "launchDate"?, "contextLength"?,
 *                      "pricing"?: { "inputPerM"?, "outputPerM"?, "cacheReadPerM"? } }],
 *     "modelUsage": [{ "date", "model", "totalTokens", "promptTokens"?, "completionTokens"?,
 *                      "reasoningTokens"?, "cachedTokens"?, "requests"? }],
 *     "apps":       [{ "id", "name", "url"?, "slug"?, "categories"? }],
 *     "appUsage":   [{ "app", "model"?, "period", "totalTokens", "requests"?, "rank"? }] }
 *
 * Strict: unknown fields are errors (a typo must not silently drop data). Counts are digit strings or safe
 * integers. Model references are looked up by the writer (declared models first, then the database);
 * "other"/"others" is the bucket. Declaring one model id or app id twice is an error; repeated usage rows
 * are left to the writer, which compares them after resolving models (identical repeats collapse,
 * conflicting ones reject the snapshot). The big arrays (modelUsage, appUsage) are checked by hand-written loops
 * rather than per-row zod, which is several times slower on a million rows.
 */
import { z } from "zod";
import { IngestError, IssueList } from "../errors";
import type { AppRecord, AppUsageRow, Day, ModelRecord, ModelRef, ModelUsageRow, ParseContext, ParsedSnapshot } from "../types";
import {
  authorOf,
  describe,
  isDay,
  isMonth,
  makeDayChecker,
  monthBounds,
  parseIsoInstant,
  quote,
  splitModelId,
} from "../values";
import { readAppId } from "./openrouter-app-rankings";
import { textProblem, type TextKind } from "../limits";
import { readPrice } from "../prices";
import { at, DuplicateChecker, isRecord, notShape, parseJsonText, readCategories, readCount, readOptionalCount, readPositiveInt, zodCheck } from "./shared";
import { isBucketName } from "@/lib/domain/buckets";

export const MODELSHARE_FORMAT = "modelshare.snapshot/v1";
const WHAT = "invalid modelshare snapshot";

// ---------------------------------------------------------------- shared by the JSON and CSV forms

/** A string within the limits of its kind (limits.ts), as a zod schema. */
function textSchema(kind: TextKind) {
  return z.string().superRefine((v, ctx) => {
    const problem = textProblem(v, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** Trimmed, 1..200 chars: it labels every figure's provenance. */
export const sourceSchema = z.string().trim().min(1, { message: "must not be empty" }).pipe(textSchema("source"));

export const citationSchema = textSchema("citation");

export function defaultCitation(source: string): string {
  return `Source: ${source}, as of {as_of}.`;
}


/**
 * Reads a model reference typed by the snapshot's author. Verdicts are memoized per string because a
 * million usage rows name a few hundred models.
 */
export function makeModelRefReader(): (v: unknown, path: string, field: string, issues: IssueList) => ModelRef | null {
  const cache = new Map<string, ModelRef | string>(); // ModelRef, or an error message
  return (v, path, field, issues) => {
    if (typeof v !== "string") {
      issues.add(at(path, field), v === undefined || v === null ? "is required" : `must be a model id string, got ${describe(v)}`);
      return null;
    }
    let r = cache.get(v);
    if (r === undefined) {
      const problem = v === "" ? "is required" : textProblem(v, "id");
      if (problem) r = `${problem}, got ${quote(v)}`;
      else if (v.startsWith(":") || v.endsWith(":")) r = `has an empty id or variant, got ${quote(v)}`;
      else r = isBucketName(v) ? { kind: "bucket" } : { kind: "lookup", ref: v };
      if (cache.size < 100_000 && v.length <= 256) cache.set(v, r);
    }
    if (typeof r === "string") {
      issues.add(at(path, field), r);
      return null;
    }
    return r;
  };
}

/** A day, month or window period → the stored period. */
export type Period = { kind: "day" | "month" | "window"; start: Day | null; end: Day };

/** "2026-01" → month, "2026-01-05" → day; anything else is reported at `path`. */
export function periodFromString(v: string, path: string, issues: IssueList): Period | null {
  if (isDay(v)) return { kind: "day", start: v, end: v };
  if (isMonth(v)) {
    const b = monthBounds(v);
    return { kind: "month", start: b.start, end: b.end };
  }
  issues.add(path, `must be a day (YYYY-MM-DD) or a month (YYYY-MM), got ${quote(v)}`);
  return null;
}

// ---------------------------------------------------------------- JSON form

const modelIdSchema = z.string().min(1, { message: "is required" }).pipe(textSchema("id"));
const daySchema = z.string().refine(isDay, { message: "must be a real day, YYYY-MM-DD" });

const modelSchema = z.strictObject({
  id: modelIdSchema.refine((v) => !isBucketName(v), { message: '"other" is reserved for the bucket' }),
  permaslug: modelIdSchema.refine((v) => !v.includes(":"), { message: "must not carry a :variant (the variant comes from id)" }).optional(),
  name: textSchema("name").nullish(),
  launchDate: daySchema.nullish(),
  contextLength: z.number().int().positive().max(2147483647).nullish(),
  pricing: z.strictObject({ inputPerM: z.unknown(), outputPerM: z.unknown(), cacheReadPerM: z.unknown() }).partial().nullish(),
});

const appSchema = z.strictObject({
  id: z.union([z.string(), z.number()]),
  name: textSchema("name"),
  url: textSchema("url").nullish(),
  slug: textSchema("id").nullish(),
  categories: z.unknown().optional(), // readCategories
});

const envelopeSchema = z.strictObject({
  format: z.literal(MODELSHARE_FORMAT),
  source: sourceSchema,
  capturedAt: z.string().refine((v) => parseIsoInstant(v) !== null, {
    message: "must be an ISO-8601 instant with a zone (e.g. 2026-01-06T00:00:00Z) or a day",
  }),
  citation: citationSchema.nullish(),
  models: z.array(z.unknown()).optional(),
  modelUsage: z.array(z.unknown()).optional(),
  apps: z.array(z.unknown()).optional(),
  appUsage: z.array(z.unknown()).optional(),
});

const MODEL_USAGE_KEYS = new Set([
  "date",
  "model",
  "totalTokens",
  "promptTokens",
  "completionTokens",
  "reasoningTokens",
  "cachedTokens",
  "requests",
]);
const APP_USAGE_KEYS = new Set(["app", "model", "period", "totalTokens", "requests", "rank"]);

function unknownKeys(row: Record<string, unknown>, known: Set<string>, path: string, issues: IssueList): void {
  for (const k in row) if (!known.has(k)) issues.add(`${path}.${k}`, "unknown field");
}

function parseModels(items: unknown[], issues: IssueList): ModelRecord[] {
  const out: ModelRecord[] = [];
  const ids = new DuplicateChecker("model id", (i) => `models[${i}]`);
  const identities = new DuplicateChecker("model (permaslug + variant)", (i) => `models[${i}]`);
  items.forEach((item, i) => {
    const path = `models[${i}]`;
    const m = zodCheck(modelSchema, item, issues, path);
    if (!m) return;
    const { base, variant } = splitModelId(m.id);
    if (base === "" || variant === "") {
      issues.add(`${path}.id`, "has an empty id or variant");
      return;
    }
    const permaslug = m.permaslug ?? base;
    ids.check(m.id, "", i, `${path}.id`, issues);
    identities.check(permaslug, variant, i, path, issues);
    let price: ModelRecord["price"];
    if (m.pricing) {
      const inputPerM = readPrice(m.pricing.inputPerM, "per-million", `${path}.pricing.inputPerM`, issues);
      const outputPerM = readPrice(m.pricing.outputPerM, "per-million", `${path}.pricing.outputPerM`, issues);
      const cacheReadPerM = readPrice(m.pricing.cacheReadPerM, "per-million", `${path}.pricing.cacheReadPerM`, issues);
      if (inputPerM === undefined || outputPerM === undefined || cacheReadPerM === undefined) return;
      price = { inputPerM, outputPerM, cacheReadPerM };
    }
    out.push({
      permaslug,
      variant,
      publicId: m.id,
      author: authorOf(m.id),
      name: m.name ?? null,
      launchDate: m.launchDate ?? null,
      contextLength: m.contextLength ?? null,
      price,
    });
  });
  return out;
}

function parseApps(items: unknown[], issues: IssueList): AppRecord[] {
  const out: AppRecord[] = [];
  const ids = new DuplicateChecker("app id", (i) => `apps[${i}]`);
  items.forEach((item, i) => {
    const path = `apps[${i}]`;
    const a = zodCheck(appSchema, item, issues, path);
    if (!a) return;
    const appId = readAppId(a.id, path, "id", issues);
    const categories = a.categories === undefined || a.categories === null ? null : readCategories(a.categories, path, "categories", issues);
    if (appId === null || categories === undefined) return;
    ids.check(appId, "", i, `${path}.id`, issues);
    out.push({ appId, name: a.name, url: a.url ?? null, slug: a.slug ?? null, categories });
  });
  return out;
}

function parseModelUsage(items: unknown[], issues: IssueList): ModelUsageRow[] {
  const out: ModelUsageRow[] = [];
  const isValidDay = makeDayChecker();
  const readRef = makeModelRefReader();
  for (let i = 0; i < items.length; i++) {
    const row = items[i];
    const path = `modelUsage[${i}]`;
    if (!isRecord(row)) {
      issues.add(path, `must be an object, got ${describe(row)}`);
      continue;
    }
    unknownKeys(row, MODEL_USAGE_KEYS, path, issues);
    const day = row.date;
    const dayOk = isValidDay(day);
    if (!dayOk) {
      issues.add(`${path}.date`, day === undefined ? "is required" : `must be a real day, YYYY-MM-DD, got ${describe(day)}`);
    }
    const model = readRef(row.model, path, "model", issues);
    const totalTokens = readCount(row.totalTokens, path, "totalTokens", issues);
    const promptTokens = readOptionalCount(row.promptTokens, path, "promptTokens", issues);
    const completionTokens = readOptionalCount(row.completionTokens, path, "completionTokens", issues);
    const reasoningTokens = readOptionalCount(row.reasoningTokens, path, "reasoningTokens", issues);
    const cachedTokens = readOptionalCount(row.cachedTokens, path, "cachedTokens", issues);
    const requests = readOptionalCount(row.requests, path, "requests", issues);
    if (!dayOk || model === null || totalTokens === null) continue;
    if (!issues.empty) continue; // the snapshot is rejected anyway: stop building rows
    out.push({ day, model, totalTokens, promptTokens, completionTokens, reasoningTokens, cachedTokens, requests, path });
  }
  return out;
}

function readJsonPeriod(v: unknown, path: string, issues: IssueList): Period | null {
  if (typeof v === "string") return periodFromString(v, path, issues);
  if (isRecord(v)) {
    for (const k in v) if (k !== "from" && k !== "to") issues.add(`${path}.${k}`, "unknown field");
    const from = v.from ?? null;
    const to = v.to;
    let ok = true;
    if (from !== null && !isDay(from)) {
      issues.add(`${path}.from`, `must be a real day, YYYY-MM-DD, or null (start unknown), got ${describe(from)}`);
      ok = false;
    }
    if (!isDay(to)) {
      issues.add(`${path}.to`, to === undefined ? "is required" : `must be a real day, YYYY-MM-DD, got ${describe(to)}`);
      ok = false;
    }
    if (!ok) return null;
    if (from !== null && (from as string) > (to as string)) {
      issues.add(path, `window starts after it ends (${from} > ${to})`);
      return null;
    }
    return { kind: "window", start: from as Day | null, end: to as Day };
  }
  issues.add(path, v === undefined ? "is required" : `must be "YYYY-MM", "YYYY-MM-DD" or {"from","to"}, got ${describe(v)}`);
  return null;
}

function parseAppUsage(items: unknown[], issues: IssueList): AppUsageRow[] {
  const out: AppUsageRow[] = [];
  const readRef = makeModelRefReader();
  for (let i = 0; i < items.length; i++) {
    const row = items[i];
    const path = `appUsage[${i}]`;
    if (!isRecord(row)) {
      issues.add(path, `must be an object, got ${describe(row)}`);
      continue;
    }
    unknownKeys(row, APP_USAGE_KEYS, path, issues);
    const appId = readAppId(row.app, path, "app", issues);
    const model = row.model === undefined || row.model === null ? null : readRef(row.model, path, "model", issues);
    const modelOk = row.model === undefined || row.model === null || model !== null;
    const period = readJsonPeriod(row.period, `${path}.period`, issues);
    const totalTokens = readCount(row.totalTokens, path, "totalTokens", issues);
    const requests = readOptionalCount(row.requests, path, "requests", issues);
    const rank = row.rank === undefined || row.rank === null ? null : readPositiveInt(row.rank, path, "rank", issues);
    if (appId === null || !modelOk || period === null || totalTokens === null) continue;
    if (!issues.empty) continue;
    out.push({
      appId,
      model,
      periodKind: period.kind,
      periodStart: period.start,
      periodEnd: period.end,
      totalTokens,
      requests,
      rank,
      path,
    });
  }
  return out;
}

export function parseModelshareJson(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body)) notShape(WHAT, "(root)", "expected a JSON object");
  const issues = new IssueList();
  const env = zodCheck(envelopeSchema, body, issues);
  if (!env) issues.throwIfAny(WHAT);
  const e = env!;
  const models = parseModels(e.models ?? [], issues);
  const apps = parseApps(e.apps ?? [], issues);
  const modelUsage = parseModelUsage(e.modelUsage ?? [], issues);
  const appUsage = parseAppUsage(e.appUsage ?? [], issues);
  issues.throwIfAny(WHAT);
  if (!models.length && !apps.length && !modelUsage.length && !appUsage.length) {
    throw new IngestError(422, `${WHAT}: the snapshot carries no models, modelUsage, apps or appUsage`, [
      { path: "(root)", message: "empty snapshot" },
    ]);
  }
  return {
    format: "modelshare-json",
    source: e.source,
    asOf: parseIsoInstant(e.capturedAt),
    citation: e.citation?.trim() ? e.citation : defaultCitation(e.source),
    models,
    modelUsage,
    apps,
    appUsage,
  };
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseModelshareJson(parseJsonText(text), ctx);
}
