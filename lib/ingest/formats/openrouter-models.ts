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
import { authorOf, isDecimalString, perTokenToPerMillion, priceFits, splitModelId, unixSecondsToDay } from "../values";
import { isRecord, notShape, parseJsonText, zodCheck } from "./shared";

const WHAT = "invalid OpenRouter models catalogue";

/** A per-token price: OpenRouter sends decimal strings; tolerate a JSON number too. */
const perTokenPrice = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(isDecimalString, { message: "must be a decimal price string" })
  .transform((v) => perTokenToPerMillion(v))
  .refine((v) => v === null || priceFits(v), { message: "price is too large (over 10 integer digits per 1M)" });

const entrySchema = z.object({
  id: z.string().min(1),
  canonical_slug: z.string().min(1),
  name: z.string().nullish(),
  created: z.number().int().nonnegative().nullish(),
  context_length: z.number().int().nonnegative().max(2147483647).nullish(),
  pricing: z
    .object({
      prompt: perTokenPrice.optional(),
      completion: perTokenPrice.optional(),
      input_cache_read: perTokenPrice.optional(),
    })
    .nullish(),
});

const bodySchema = z.object({ data: z.array(entrySchema) });

/** A missing pricing key means the price is 0 (OpenRouter omits zero-valued keys). */
function orZero(p: PricePerM | undefined): PricePerM {
  return p === undefined ? "0" : p;
}

export function parseOpenRouterModels(body: unknown, _ctx?: ParseContext): ParsedSnapshot {
  if (!isRecord(body) || !Array.isArray(body.data)) notShape(WHAT, "data", "expected {data: [...]}");
  const issues = new IssueList();
  const parsed = zodCheck(bodySchema, body, issues);
  issues.throwIfAny(WHAT);

  const models: ModelRecord[] = [];
  parsed!.data.forEach((e, i) => {
    const path = `data[${i}]`;
    const { variant } = splitModelId(e.id);
    if (e.canonical_slug.includes(":")) issues.add(`${path}.canonical_slug`, "must not carry a :variant suffix");
    const launchDate = e.created == null ? null : unixSecondsToDay(e.created);
    if (e.created != null && launchDate === null) issues.add(`${path}.created`, "is not a usable unix time");
    models.push({
      permaslug: e.canonical_slug,
      variant,
      publicId: e.id,
      author: authorOf(e.id),
      name: e.name ?? null,
      launchDate,
      contextLength: e.context_length ?? null,
      price: e.pricing
        ? {
            inputPerM: orZero(e.pricing.prompt),
            outputPerM: orZero(e.pricing.completion),
            cacheReadPerM: orZero(e.pricing.input_cache_read),
          }
        : undefined,
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
