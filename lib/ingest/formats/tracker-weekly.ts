/**
 * A public tracker's weekly snapshot of OpenRouter's top models (`trackers/weekly/<date>.json`):
 * `{date, models:[{rank, slug, name, total_tokens, prompt_tokens, completion_tokens, reasoning_tokens,
 * cached_tokens, request_count, prompt_price, completion_price, cache_read_price, …, is_free}], …}`.
 *
 * Two kinds of file, told apart by content and stored as what they are (never as days):
 * - **backfilled week**: exact totals and `date` a Sunday → a `week` window, `date` … `date` + 6;
 * - **weekly run**: totals rounded to 1e9 (or `date` not a Sunday) → a `window` ending on the run day
 *   whose start the file does not say, marked rounded when it is.
 * A split (prompt, completion, reasoning, cached tokens, requests) that is 0 for every model of the file
 * is one the file lacks: unknown (null), not zero. The variant is the slug's `:suffix`, whatever `is_free`
 * says (the tracker marks stealth models priced 0 free without the suffix). Prices (USD per token, floats
 * written in plain or exponent notation) are a price observation on the snapshot's day. The snapshot's
 * as_of is its date; the source is the tracker, and the citation names both it and OpenRouter.
 */
import { IssueList } from "../errors";
import type { ModelWindowRow, ParseContext, ParsedSnapshot, PriceObservation } from "../types";
import { readPrice } from "../prices";
import { describe, isDay } from "../values";
import { addDays } from "@/lib/domain/days";
import { checkModelId, isRecord, notShape, parseJsonText, readCount, readOptionalCount, readString } from "./shared";
import { permaslugRef } from "./openrouter-rankings-daily";

const WHAT = "invalid weekly tracker snapshot";

export const TRACKER_WEEKLY_SOURCE = "openrouter-inference-stats";
export const TRACKER_WEEKLY_CITATION =
  "Source: OpenRouter (openrouter.ai/rankings), weekly top models as kept by the tracker johnbean393/openrouter-inference-stats, as of {as_of}.";

/** The weekly run rounds totals to this; a file whose every total is a multiple of it is a run. */
const ROUNDED_TO = 1_000_000_000n;

const SPLITS = [
  ["promptTokens", "prompt_tokens"],
  ["completionTokens", "completion_tokens"],
  ["reasoningTokens", "reasoning_tokens"],
  ["cachedTokens", "cached_tokens"],
  ["requests", "request_count"],
] as const;

/** True when `body` looks like a weekly tracker file (detection by shape). */
export function isTrackerWeekly(body: Record<string, unknown>): boolean {
  if (typeof body.date !== "string" || !Array.isArray(body.models)) return false;
  const sample = body.models.find(isRecord);
  return !!sample && "slug" in sample && "total_tokens" in sample;
}

function isSunday(day: string): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
}

export function parseTrackerWeekly(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !Array.isArray(body.models)) notShape(WHAT, "models", "expected {date, models: [...]}");
  const issues = new IssueList();
  const date = body.date;
  if (!isDay(date)) issues.add("date", `must be a real day, YYYY-MM-DD, got ${describe(date)}`);
  const rows: (ModelWindowRow & { splits: Record<string, string | null> })[] = [];
  const priceObservations: PriceObservation[] = [];

  (body.models as unknown[]).forEach((m, i) => {
    const path = `models[${i}]`;
    if (!isRecord(m)) return issues.add(path, `must be an object, got ${describe(m)}`);
    const slug = readString(m.slug, path, "slug", issues);
    const total = readCount(m.total_tokens, path, "total_tokens", issues);
    const splits: Record<string, string | null> = {};
    for (const [key, field] of SPLITS) splits[key] = readOptionalCount(m[field], path, field, issues);
    const prices = {
      inputPerM: readPrice(m.prompt_price ?? 0, "per-token", `${path}.prompt_price`, issues),
      outputPerM: readPrice(m.completion_price ?? 0, "per-token", `${path}.completion_price`, issues),
      cacheReadPerM: m.cache_read_price === undefined ? null : readPrice(m.cache_read_price, "per-token", `${path}.cache_read_price`, issues),
    };
    if (slug === null || total === null || !checkModelId(slug, path, "slug", issues)) return;
    const model = permaslugRef(slug);
    if (model.kind === "bucket") return issues.add(`${path}.slug`, `"${slug}" is a bucket, not a model`);
    rows.push({ model, periodKind: "week", periodStart: null, periodEnd: "", rounded: false, totalTokens: total, promptTokens: null, completionTokens: null, reasoningTokens: null, cachedTokens: null, requests: null, path, splits });
    if (prices.inputPerM !== undefined && prices.outputPerM !== undefined && prices.cacheReadPerM !== undefined) {
      priceObservations.push({ model, price: { inputPerM: prices.inputPerM, outputPerM: prices.outputPerM, cacheReadPerM: prices.cacheReadPerM }, path });
    }
  });
  if (!rows.length && issues.empty) issues.add("models", "lists no model");
  issues.throwIfAny(WHAT);

  const day = date as string;
  const rounded = rows.every((r) => BigInt(r.totalTokens) % ROUNDED_TO === 0n);
  const week = !rounded && isSunday(day);
  // A split that is 0 (or absent) for every model is one this file lacks.
  const known = new Set(SPLITS.map(([key]) => key).filter((key) => rows.some((r) => r.splits[key] !== null && r.splits[key] !== "0")));
  const modelWindows: ModelWindowRow[] = rows.map(({ splits, ...r }) => ({
    ...r,
    periodKind: week ? "week" : "window",
    periodStart: week ? day : null,
    periodEnd: week ? addDays(day, 6) : day,
    rounded,
    ...Object.fromEntries(SPLITS.map(([key]) => [key, known.has(key) ? (splits[key] ?? null) : null])),
  }));

  return {
    format: "tracker-weekly",
    source: TRACKER_WEEKLY_SOURCE,
    asOf: new Date(`${day}T00:00:00Z`),
    citation: TRACKER_WEEKLY_CITATION,
    models: [],
    modelUsage: [],
    modelWindows,
    priceObservations,
    apps: [],
    appUsage: [],
  };
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseTrackerWeekly(parseJsonText(text), ctx);
}
