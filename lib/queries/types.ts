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
  /** Latest listed price, USD per 1M tokens (decimal strings); null = dynamic or unknown (priceListed says which). */
  inputPerM: string | null;
  outputPerM: string | null;
  /** False when no price of the model was ever stored: a null price is then unknown, not dynamic. Absent in
   * answers pinned before it existed. */
  priceListed?: boolean;
  free: boolean;
}

export interface SeriesPoint {
  /** First day of the period (YYYY-MM-DD), or the day index since launch when aligned ("0", "7", …). */
  period: string;
  /** Exact tokens in the period (decimal string); null when the source reported the period but not this series. */
  tokens: string | null;
  /** The plotted value for the metric: tokens, cumulative tokens, or share of all tokens (0..1); null when unreported. */
  value: number | null;
  /** The period is cut by the range or the data (a week or month not fully inside). */
  partial: boolean;
  /** Every reported day of the period has this series' figure; false = tokens are a lower bound (or null). */
  complete: boolean;
  /** A source's own window (weekly trackers), never a calendar period: its bounds as the source states them. */
  window?: WindowBounds;
}

/** A model-usage window: `week` = Sunday to Saturday as the source published it; `window` = start unknown. */
export interface WindowBounds {
  kind: "week" | "window";
  /** First day; null when the source does not say. */
  from: string | null;
  to: string;
  /** The source rounded the totals (weekly runs: to 1e9). */
  rounded: boolean;
}

export interface Series {
  /** Stable key: "google/gemini-3-flash-preview", "a+b" for a sum, or "author:google". */
  key: string;
  label: string;
  members: ModelSummary[];
  /** Day 0 of launch alignment: catalogue launch date, else first day with usage. */
  launchDate: string | null;
  /** Launch alignment: the day index of the first point (> 0 when the model launched before the stored data starts). */
  startsAt?: number | null;
  /** Calendar periods of day rows, or — at interval=week, for a series with no day rows in the range — its
   * windows (each with `window`). */
  points: SeriesPoint[];
  /** The source windows that stand for this series in the range (lib/queries/model-windows.ts), at any
   * interval: never added to `points` of days; absent when there are none. */
  windows?: SeriesPoint[];
}

export interface UsageResult {
  from: string;
  to: string;
  /** Newest day with stored usage (periods past it are partial); null when nothing is stored. */
  newestDay: string | null;
  interval: Interval;
  align: Align;
  metric: Metric;
  variant: VariantFilter;
  /** Launch alignment: the first N days after each launch that were asked for (null = as far as the data goes). */
  days?: number | null;
  /** Launch alignment: the days every series has data for after its launch — ratios compare this span only. */
  horizon?: number | null;
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
  newestDay: string | null;
  interval: Interval;
  authors: {
    author: string;
    points: SubsidyPoint[];
    freeTokens: string;
    paidTokens: string;
    freeShare: number | null;
    /** Free variants the catalogue lists for this author with no reported tokens in the range (below the source's top N). */
    unreportedFreeVariants: string[];
  }[];
  /** Ranking over the whole range: by all tokens and by paid tokens only. */
  rankingAll: { author: string; tokens: string }[];
  rankingPaid: { author: string; tokens: string }[];
  /** Models (variants of one permaslug together) ranked by all tokens and by paid tokens only. */
  modelRankingAll: ModelRankRow[];
  modelRankingPaid: ModelRankRow[];
  /** Free share of every named model's tokens in the range (the `other` bucket is excluded: its split is unknown). */
  market: { freeTokens: string; paidTokens: string; freeShare: number | null; points: SubsidyPoint[] };
  /** Share of all tokens in the range held by the source's `other` bucket: models no free share can see. */
  otherShare: number | null;
  provenance: Provenance;
}

export interface ModelRankRow {
  /** Public id of the paid (standard) variant when there is one, else of the first variant. */
  publicId: string;
  permaslug: string;
  name: string | null;
  author: string;
  tokens: string;
  paidTokens: string;
  freeTokens: string;
}

export interface AppRow {
  appId: string;
  appName: string;
  model: string | null; // public id; null = all models
  tokens: string;
}

/** calendar = day/month rows inside the range; window = the source's latest own window (no calendar rows). */
export type AppBasis = "calendar" | "window";

export interface AppsResult {
  from: string;
  to: string;
  /** The series the apps are for ("google/gemini-3-flash-preview", "a+b"), null = all models. */
  model: string | null;
  members: ModelSummary[];
  basis: AppBasis;
  /** Days the summed app periods actually cover (month rows count whole; a window's own bounds). */
  coverage: { from: string | null; to: string } | null;
  apps: AppRow[];
  provenance: Provenance;
}

export interface AppMixResult {
  app: { appId: string; name: string; url: string | null; categories: string[] };
  from: string;
  to: string;
  /** May be coarser than asked: month rows cannot be split into days or weeks (then "month"). */
  interval: Interval;
  basis: AppBasis;
  /** The app's tokens over the range (sum of the series). */
  tokens: string;
  /** basis "window": the source's own window (its start null when the source does not say). */
  window?: { from: string | null; to: string } | null;
  /** One series per model: the app's tokens on it per period; `value` is tokens, or the model's share of the app's tokens (metric=share). */
  series: Series[];
  provenance: Provenance;
}

export interface CompareModel {
  key: string;
  label: string;
  members: ModelSummary[];
  tokens: string;
  /** Specs of the series: its first member's (launch = earliest member launch, free = any member is a free variant). */
  launchDate: string | null;
  contextLength: number | null;
  inputPerM: string | null;
  outputPerM: string | null;
  /** As ModelSummary's, of the first member. */
  priceListed?: boolean;
  /** False when no source reported the series in the range (no day row, no window): `tokens` is then "0"
   * for want of a figure, not a count (a model below a ranking's top N is inside its `other`). Absent in
   * answers pinned before it existed. */
  reported?: boolean;
  free: boolean;
  /** The series has a free variant: one of its members, or a `:free` model sharing a member's permaslug. */
  hasFreeVariant: boolean;
  topApp: AppRow | null;
  topAppBasis: AppBasis | null;
  /** tokens × list price (input price on prompt tokens and output price on completion tokens when known,
   * else all tokens at the input price — see lib/queries/compare.ts); null when no price is listed. */
  estimatedSpendUsd: number | null;
  /** prompt-completion: prompt × input + completion × output price; input-only: all tokens × input price
   * (no prompt/completion split stored: a lower bound); mixed: some days each way. */
  estimatedSpendBasis: "prompt-completion" | "input-only" | "mixed" | null;
  /** What `tokens` and the spend were summed from: day rows, or — for a series with no day rows in the range —
   * the source's windows there, each counted whole (`windowCoverage`: the days they reach). */
  estimatedFrom: "days" | "windows";
  windowCoverage?: { from: string; to: string };
}

export interface CompareResult {
  from: string;
  to: string;
  newestDay: string | null;
  models: CompareModel[];
  /**
   * The first model against each model: `first ÷ this` for tokens, top app, input/output price and context
   * (so "Flash vs Haiku": topApp 3.7 = "3.7× the top app's volume", inputPrice 0.5 = "50% cheaper input",
   * context 5.2 = "5.2× the context"). The first model's own entry is all 1s; null when either side is missing or 0.
   */
  ratios: { key: string; base: string; tokens: number | null; topApp: number | null; inputPrice: number | null; outputPrice: number | null; context: number | null; spend: number | null }[];
  /** Events of the compared models and their variants, all dates (lib/queries/events.ts). */
  events: ModelEvent[];
  provenance: Provenance;
}

export interface ModelListItem extends ModelSummary {
  /** Tokens in the selected period (decimal string). */
  tokens: string;
}

export interface ModelsResult {
  from: string;
  to: string;
  models: ModelListItem[];
  provenance: Provenance;
}

export interface AuthorSummary {
  author: string;
  models: number;
  hasFree: boolean;
}

export interface RankedItem {
  key: string;
  label: string;
  tokens: string;
  previousTokens: string;
  /** (tokens − previous) / previous; null when previous is 0. */
  change: number | null;
  /** Share of all tokens in the latest week (`other` included in the denominator). */
  share: number;
  previousShare: number;
}

export interface OverviewResult {
  /** The latest week: the 7 days ending at the range's last day, against the 7 days before. */
  week: { from: string; to: string; previousFrom: string; previousTo: string } | null;
  totalTokens: string;
  previousTotalTokens: string;
  topModels: (RankedItem & { model: ModelSummary })[];
  topAuthors: RankedItem[];
  /** Share of all tokens over the range: the top N models, then "others" (every other model and the `other` bucket). */
  share: UsageResult;
  /** Largest week-over-week changes in share of all tokens (percentage points as a fraction). */
  movers: { up: (RankedItem & { model: ModelSummary; shareChange: number })[]; down: (RankedItem & { model: ModelSummary; shareChange: number })[] };
  /** Free variants' share of named models' tokens, per period and for the latest week. */
  freeShare: { points: SubsidyPoint[]; week: number | null };
  provenance: Provenance;
}

export interface PricePoint {
  /** First day this price was seen; it holds until the next point. */
  from: string;
  to: string;
  inputPerM: string | null;
  outputPerM: string | null;
  cacheReadPerM: string | null;
}

export interface ModelDetailResult {
  model: ModelSummary & { inCatalogue: boolean };
  /** Every variant of the same permaslug (free, standard, batch…), with tokens over the range. */
  variants: ModelListItem[];
  /** Price change points (consecutive equal prices collapsed), oldest first. */
  priceHistory: PricePoint[];
  /** The model's usage over the range (state.align/interval/metric). */
  adoption: UsageResult;
  /** One series per variant over the range (free vs paid split). */
  variantSplit: UsageResult;
  apps: AppsResult;
  /** Launches, price changes, free tiers and removals of the model and its variants, all dates (lib/queries/events.ts). */
  events: ModelEvent[];
  provenance: Provenance;
}

// ── Events (lib/queries/events.ts) ──

export const EVENT_TYPES = ["launch", "free-added", "price-change", "free-removed", "removed"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface ModelEvent {
  date: string;
  type: EventType;
  model: string;
  name: string | null;
  author: string;
  /** price-change only: USD per 1M tokens before and after (null = dynamic or unknown). */
  before?: { inputPerM: string | null; outputPerM: string | null };
  after?: { inputPerM: string | null; outputPerM: string | null };
}

export interface EventsResult {
  from: string | null;
  to: string | null;
  events: ModelEvent[];
  provenance: Provenance;
}

