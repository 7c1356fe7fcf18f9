/**
 * OpenRouter `GET /api/v1/models`: `{data:[{id, canonical_slug, name, created, context_length, pricing}, …]}`.
 *
 * One ModelRecord per entry. Identity is (canonical_slug, variant from the id's `:suffix`); the catalogue
 * carries dozens of other fields (architecture, supported_parameters, per-image prices, `overrides`…)
 * that we ignore — only the fields we store are validated. Prices are decimal strings in USD per token;
 * a missing key means 0 and "-1" means dynamic (null). The body carries no date, so asOf is null.
 */
import { z } from "zod";
import { IssueList } from "../errors";
import type { ModelRecord, ParseContext, ParsedSnapshot, PricePerM } from "../types";
import { OPENROUTER_CITATION } from "../types";
import { readPrice } from "../prices";
import { authorOf, splitModelId, unixSecondsToDay } from "../values";
import { checkModelId, isRecord, notShape, parseJsonText, readText, zodCheck } from "./shared";

const WHAT = "invalid OpenRouter models catalogue";

const entrySchema = z.object({
  id: z.string().min(1),
  canonical_slug: z.string().min(1),
  name: z.unknown().optional(),
  created: z.number().int().nonnegative().nullish(),
  context_length: z.number().int().nonnegative().max(2147483647).nullish(),
  // Prices are read by readPrice below, which reports what zod transforms would throw.
  pricing: z.record(z.string(), z.unknown()).nullish(),
});

/** A per-token price; a missing key means the price is 0 (OpenRouter omits zero-valued keys). */
function price(v: unknown, path: string, issues: IssueList): PricePerM | undefined {
  return v === undefined ? "0" : readPrice(v, "per-token", path, issues);
}

export function parseOpenRouterModels(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !Array.isArray(body.data)) notShape(WHAT, "data", "expected {data: [...]}");
  const issues = new IssueList();
  const models: ModelRecord[] = [];
  (body.data as unknown[]).forEach((item, i) => {
    const path = `data[${i}]`;
    // Entry by entry, so a bad field in one entry does not hide the prices of the others.
    const e = zodCheck(entrySchema, item, issues, path);
    const p = isRecord(item) && isRecord(item.pricing) ? item.pricing : null;
    const prices = p
      ? [price(p.prompt, `${path}.pricing.prompt`, issues), price(p.completion, `${path}.pricing.completion`, issues), price(p.input_cache_read, `${path}.pricing.input_cache_read`, issues)]
      : null;
    if (!e) return;
    const { variant } = splitModelId(e.id);
    const idOk = checkModelId(e.id, path, "id", issues);
    const slugOk = checkModelId(e.canonical_slug, path, "canonical_slug", issues);
    if (slugOk && e.canonical_slug.includes(":")) issues.add(`${path}.canonical_slug`, "must not carry a :variant suffix");
    const name = e.name === undefined || e.name === null ? null : readText(e.name, "name", path, "name", issues);
    if (!idOk || !slugOk || name === undefined || prices?.includes(undefined)) return;
    const launchDate = e.created == null ? null : unixSecondsToDay(e.created);
    if (e.created != null && launchDate === null) issues.add(`${path}.created`, "is not a usable unix time");
    models.push({
      permaslug: e.canonical_slug,
      variant,
      publicId: e.id,
      author: authorOf(e.id),
      name,
      launchDate,
      contextLength: e.context_length ?? null,
      price: prices ? { inputPerM: prices[0]!, outputPerM: prices[1]!, cacheReadPerM: prices[2]! } : undefined,
    });
  });
  issues.throwIfAny(WHAT);

  return {
    format: "openrouter-models",
    source: "openrouter",
    asOf: null,
    citation: OPENROUTER_CITATION,
    models,
    modelUsage: [],
    apps: [],
    appUsage: [],
  };
}

/** Text entry point (the signature every parser shares). */
export function parse(text: string, ctx: ParseContext): ParsedSnapshot {
  return parseOpenRouterModels(parseJsonText(text), ctx);
}
