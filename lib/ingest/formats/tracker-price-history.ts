/**
 * A public tracker's price history of OpenRouter's catalogue (prices/price-history-*.json):
 * `{as_of, model_count, models:{id:{name, first_seen, last_seen, present_now, points:[[date, input, output]]}}}`.
 *
 * Keys are public model ids (with `:free` and other suffixes), not permaslugs: the writer attaches them to
 * the stored model with that public id, else creates one (lib/ingest/write.ts). Each point is a change of
 * listed price, in USD per 1M tokens computed with floats (like the tracker catalogue CSV); null = dynamic.
 * first_seen/last_seen are the days the tracker saw the id listed: the events of lib/queries/events.ts
 * (removals, free tiers that end) come from them. Rows are read by hand: ~1,000 models, ~3,000 points.
 */
import { IssueList } from "../errors";
import type { Day, ParseContext, ParsedSnapshot, PriceHistoryEntry, PricePoint } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { readPrice } from "../prices";
import { describe, isDay, parseIsoInstant, toUtcDay } from "../values";
import { checkModelId, isRecord, notShape, parseJsonText, readText } from "./shared";
import { TRACKER_SOURCE } from "./tracker-catalogue";

const WHAT = "invalid tracker price history";

/** A price history body: `as_of` plus a `models` object whose entries carry `points`. */
export function isPriceHistoryShape(body: Record<string, unknown>): boolean {
  if (!("as_of" in body) || !isRecord(body.models)) return false;
  const first = Object.values(body.models)[0];
  return first === undefined || (isRecord(first) && "points" in first);
}

function day(v: unknown, path: string, issues: IssueList): Day | undefined {
  if (isDay(v)) return v;
  issues.add(path, `must be a real day, YYYY-MM-DD, got ${describe(v)}`);
  return undefined;
}

/** [date, input, output]: prices per 1M from floats, null = dynamic (routers). */
function readPoint(v: unknown, path: string, lastDay: Day | null, issues: IssueList): PricePoint | undefined {
  if (!Array.isArray(v) || v.length !== 3) {
    issues.add(path, `must be [date, input $/M, output $/M], got ${describe(v)}`);
    return undefined;
  }
  const d = day(v[0], `${path}[0]`, issues);
  if (d !== undefined && lastDay !== null && d > lastDay) issues.add(`${path}[0]`, `is after the snapshot's as_of (${lastDay})`);
  const price = (p: unknown, i: number) => (p === null ? null : readPrice(p, "per-million-float", `${path}[${i}]`, issues));
  const inputPerM = price(v[1], 1);
  const outputPerM = price(v[2], 2);
  if (d === undefined || inputPerM === undefined || outputPerM === undefined) return undefined;
  return { day: d, inputPerM, outputPerM };
}

function readEntry(id: string, v: unknown, lastDay: Day | null, issues: IssueList): PriceHistoryEntry | undefined {
  const path = `models[${JSON.stringify(id)}]`;
  if (!checkModelId(id, "models", JSON.stringify(id), issues)) return undefined;
  if (!isRecord(v)) {
    issues.add(path, `must be an object, got ${describe(v)}`);
    return undefined;
  }
  const name = v.name === undefined || v.name === null ? null : readText(v.name, "name", path, "name", issues);
  const firstSeen = day(v.first_seen, `${path}.first_seen`, issues);
  const lastSeen = day(v.last_seen, `${path}.last_seen`, issues);
  if (firstSeen && lastSeen && firstSeen > lastSeen) issues.add(`${path}.last_seen`, `is before first_seen (${firstSeen})`);
  if (lastSeen && lastDay !== null && lastSeen > lastDay) issues.add(`${path}.last_seen`, `is after the snapshot's as_of (${lastDay})`);
  if (!Array.isArray(v.points)) {
    issues.add(`${path}.points`, `must be a list of [date, input, output], got ${describe(v.points)}`);
    return undefined;
  }
  // Points are in time order; a day with several changes (116 in the fixture) keeps its last: the price
  // in effect at the end of that day.
  const points: PricePoint[] = [];
  v.points.forEach((p, i) => {
    const point = readPoint(p, `${path}.points[${i}]`, lastDay, issues);
    if (!point) return;
    const prev = points[points.length - 1];
    if (prev && point.day < prev.day) issues.add(`${path}.points[${i}][0]`, `is before the previous point (${prev.day}): points must be in time order`);
    else if (prev && point.day === prev.day) points[points.length - 1] = point;
    else points.push(point);
  });
  if (name === undefined || !firstSeen || !lastSeen) return undefined;
  return { publicId: id, name, firstSeen, lastSeen, points, path };
}

export function parsePriceHistory(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !isRecord(body.models)) notShape(WHAT, "models", "expected {as_of, models: {id: {…}}}");
  const issues = new IssueList();
  const asOf = parseIsoInstant(body.as_of);
  if (!asOf) issues.add("as_of", `must be a day (YYYY-MM-DD) or an ISO-8601 instant with a zone, got ${describe(body.as_of)}`);
  const lastDay = asOf ? toUtcDay(asOf) : null;
  const priceHistory: PriceHistoryEntry[] = [];
  for (const [id, v] of Object.entries(body.models as Record<string, unknown>)) {
    const entry = readEntry(id, v, lastDay, issues);
    if (entry) priceHistory.push(entry);
  }
  issues.throwIfAny(WHAT);
  return {
    format: "tracker-price-history",
    source: TRACKER_SOURCE,
    asOf,
    citation: OPENROUTER_CITATION,
    models: [],
    modelUsage: [],
    apps: [],
    appUsage: [],
    priceHistory,
  };
}

export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parsePriceHistory(parseJsonText(text), ctx);
}
