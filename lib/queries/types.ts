/**
 * Result shapes of the read queries, shared by the API (/api/v1/*), the pages, embeds and OG images.
 * Token figures travel as decimal strings (exact); `value` is the plotted number (may be a share or a
 * cumulative sum), a float that is fine for drawing but never for quoting.
 */
import type { Align, Interval, Metric, VariantFilter } from "@/lib/view/state";

/** Where the numbers came from: shown under every chart and returned by every endpoint. */
export interface Provenance {
  sources: string[];
  /** Newest as_of among the snapshots that contributed (ISO), null when nothing did. */
  asOf: string | null;
  /** Distinct citations the numbers require, e.g. "Source: OpenRouter (openrouter.ai/rankings), as of 2026-09-22." */
  citations: string[];
  /** True when any contributing snapshot is the generated sample data. */
  sample: boolean;
}

export interface ModelSummary {
  modelId: number;
  publicId: string;
  permaslug: string;
  variant: string;
  author: string;
  name: string | null;
  launchDate: string | null;
  contextLength: number | null;
  /** Latest listed price, USD per 1M tokens (decimal strings); null = dynamic or unknown. */
  inputPerM: string | null;
  outputPerM: string | null;
  free: boolean;
}

export interface SeriesPoint {
  /** First day of the period (YYYY-MM-DD), or the day index since launch when aligned ("0", "7", …). */
  period: string;
  /** Exact tokens in the period (decimal string). */
  tokens: string;
  /** The plotted value for the metric: tokens, cumulative tokens, or share of all tokens (0..1). */
  value: number;
  /** The period is cut by the range or the data (a week or month not fully inside). */
  partial: boolean;
}

export interface Series {
  /** Stable key: "google/gemini-3-flash-preview", "a+b" for a sum, or "author:google". */
  key: string;
  label: string;
  members: ModelSummary[];
  /** Day 0 of launch alignment: catalogue launch date, else first day with usage. */
  launchDate: string | null;
  points: SeriesPoint[];
}

export interface UsageResult {
  from: string;
  to: string;
  interval: Interval;
  align: Align;
  metric: Metric;
  variant: VariantFilter;
  series: Series[];
  provenance: Provenance;
}

export interface SubsidyPoint {
  period: string;
  freeTokens: string;
  paidTokens: string;
  /** free / (free + paid); null when the author had no tokens in the period. */
  freeShare: number | null;
  partial: boolean;
}

export interface SubsidyResult {
  from: string;
  to: string;
  interval: Interval;
  authors: { author: string; points: SubsidyPoint[]; freeTokens: string; paidTokens: string; freeShare: number | null }[];
  /** Ranking over the whole range: by all tokens and by paid tokens only. */
  rankingAll: { author: string; tokens: string }[];
  rankingPaid: { author: string; tokens: string }[];
  provenance: Provenance;
}

export interface AppRow {
  appId: string;
  appName: string;
  model: string | null; // public id; null = all models
  tokens: string;
}

export interface AppsResult {
  from: string;
  to: string;
  /** Days the summed app periods actually cover (month rows count whole). */
  coverage: { from: string; to: string } | null;
  apps: AppRow[];
  provenance: Provenance;
}

export interface AppMixResult {
  app: { appId: string; name: string; url: string | null; categories: string[] };
  from: string;
  to: string;
  interval: Interval;
  /** One series per model: the app's tokens on it per period. */
  series: Series[];
  provenance: Provenance;
}

export interface CompareModel {
  key: string;
  label: string;
  members: ModelSummary[];
  tokens: string;
  topApp: AppRow | null;
  /** tokens × list price (input price on prompt tokens and output price on completion tokens when known,
   * else all tokens at the input price — see lib/queries/compare.ts); null when no price is listed. */
  estimatedSpendUsd: number | null;
}

export interface CompareResult {
  from: string;
  to: string;
  models: CompareModel[];
  /** Ratios of each model to the first one: tokens, top app, input/output price, context. */
  ratios: { key: string; tokens: number | null; topApp: number | null; inputPrice: number | null; outputPrice: number | null; context: number | null }[];
  provenance: Provenance;
}
