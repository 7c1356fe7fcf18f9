/**
 * The normalized form every input format is parsed into (on Postgres a model-usage CSV is written while it
 * is parsed: lib/ingest/streamed-usage.ts).
 * Parsers are pure (text in, ParsedSnapshot out, or a located IngestError thrown);
 * `lib/ingest/write.ts` is the only code that writes a ParsedSnapshot to the database.
 */

export type FormatId =
  | "openrouter-models" // GET /api/v1/models
  | "openrouter-rankings-daily" // Data API rankings-daily
  | "openrouter-app-rankings" // Data API app-rankings
  | "tracker-model-catalogue" // trackers/model_catalogue.csv
  | "tracker-top-apps" // trackers/top_apps_by_model.csv
  | "tracker-weekly" // trackers/weekly/<date>.json (OpenRouter's weekly top models, kept by a tracker)
  | "tracker-price-history" // prices/price-history-*.json
  | "modelshare-json" // our canonical snapshot (JSON)
  | "modelshare-csv"; // our canonical snapshot (CSV, for hand-made data)

/** A decimal integer string, 0 ≤ n ≤ 2^63−1 (Postgres bigint). Tokens never pass through a JS number. */
export type BigIntString = string;
/** YYYY-MM-DD (UTC day). */
export type Day = string;
/** A decimal string, USD per 1M tokens; null = unknown or dynamic ("-1" prices of routers). */
export type PricePerM = string | null;

/** How a usage row names its model. Resolved to a stored model by the writer. */
export type ModelRef =
  /** An identity the source states (OpenRouter permaslug + variant): created if not yet stored, with
   * `publicId` when the source also names the user-facing id (the trackers' model_id column). */
  | { kind: "permaslug"; permaslug: string; variant: string; publicId?: string }
  /** A name the snapshot's author typed (public id or permaslug, optional `:variant`): must be declared
   * in the same snapshot or already stored, else the snapshot is rejected (unknown model). */
  | { kind: "lookup"; ref: string }
  /** The `other` bucket: tokens of every model outside the source's top N. Never joined to the catalogue. */
  | { kind: "bucket" };

export interface ModelRecord {
  permaslug: string;
  variant: string; // "standard" when the id has no `:suffix`
  publicId: string; // user-facing id, e.g. google/gemini-3-flash-preview or …:free
  author: string; // part before "/", leading "~" stripped
  name: string | null;
  launchDate: Day | null;
  contextLength: number | null;
  /** Listed prices at the snapshot's as_of; undefined = this source says nothing about prices. */
  price?: { inputPerM: PricePerM; outputPerM: PricePerM; cacheReadPerM: PricePerM };
}

export interface ModelUsageRow {
  day: Day;
  model: ModelRef;
  totalTokens: BigIntString;
  promptTokens?: BigIntString | null;
  completionTokens?: BigIntString | null;
  reasoningTokens?: BigIntString | null;
  cachedTokens?: BigIntString | null;
  requests?: BigIntString | null;
  /** Where the row came from, for located errors raised while writing (e.g. "data[12]"). */
  path: string;
}

/**
 * Model usage over a source's own window, never split into days (lib/queries/model-windows.ts has the rule
 * that never adds it to day rows of the same days). Splits and requests: null = unknown.
 */
export interface ModelWindowRow {
  model: ModelRef;
  /** `week`: a week the source names by its first day (Sunday); `window`: a window whose start is unknown. */
  periodKind: "week" | "window";
  periodStart: Day | null;
  periodEnd: Day;
  /** The source rounded the totals (not exact). */
  rounded: boolean;
  totalTokens: BigIntString;
  promptTokens: BigIntString | null;
  completionTokens: BigIntString | null;
  reasoningTokens: BigIntString | null;
  cachedTokens: BigIntString | null;
  requests: BigIntString | null;
  path: string;
}

/** A listed price a usage source states for a model it names by identity (not a catalogue description). */
export interface PriceObservation {
  model: ModelRef;
  price: { inputPerM: PricePerM; outputPerM: PricePerM; cacheReadPerM: PricePerM };
  path: string;
}

export interface AppRecord {
  appId: string;
  name: string;
  slug?: string | null;
  url?: string | null;
  categories?: string[] | null;
}

/**
 * App usage over a period. `day` and `month` rows are calendar periods; `window` rows are the totals a
 * source reports over a window it chooses (app-rankings: 90 days; per-model top apps: unknown start).
 * See lib/queries/app-volume.ts for the rule that never adds overlapping periods twice.
 */
export interface AppUsageRow {
  appId: string;
  /** null = all models (app-rankings has no model). */
  model: ModelRef | null;
  periodKind: "day" | "month" | "window";
  /** First day of the period; null for a window whose start the source does not say. */
  periodStart: Day | null;
  /** Last day of the period (inclusive). */
  periodEnd: Day;
  totalTokens: BigIntString;
  requests?: BigIntString | null;
  rank?: number | null;
  /** The source's category the window ranks in (app-rankings asked per category); window rows only. */
  category?: string | null;
  path: string;
}

export interface ParsedSnapshot {
  format: FormatId;
  /** Who produced the data, e.g. "openrouter" or the canonical snapshot's `source`. */
  source: string;
  /** When the source says the data was true; null = not stated (the caller supplies one, else receipt time). */
  asOf: Date | null;
  /** false when `asOf` came from the caller (ParseContext) rather than the body (canonical CSV without `# capturedAt`). */
  asOfFromBody?: boolean;
  /** Citation the charts must carry; `{as_of}` is replaced with the snapshot's as_of (YYYY-MM-DD). */
  citation: string;
  models: ModelRecord[];
  modelUsage: ModelUsageRow[];
  /** The model usage states complete days (every model of each day, `other` included): the writer replaces
   * those days from older snapshots of the same source instead of merging row by row. */
  wholeDays?: boolean;
  /** Model usage over the source's own windows (weekly trackers). */
  modelWindows?: ModelWindowRow[];
  /** Prices observed on the snapshot's day for models named by identity (weekly trackers). */
  priceObservations?: PriceObservation[];
  apps: AppRecord[];
  appUsage: AppUsageRow[];
  /** Listed prices over time and the days each model id was seen listed (tracker price history). */
  priceHistory?: PriceHistoryEntry[];
}

/** One listed price from a day on (until the next point), USD per 1M tokens. */
export interface PricePoint {
  day: Day;
  inputPerM: PricePerM;
  outputPerM: PricePerM;
}

/** A model id's price history: the points where its listed price changed and when it was seen listed. */
export interface PriceHistoryEntry {
  /** Public id with its `:variant` (the tracker keys by the catalogue's id, not the permaslug). */
  publicId: string;
  name: string | null;
  firstSeen: Day;
  lastSeen: Day;
  points: PricePoint[];
  path: string;
}

export const OPENROUTER_CITATION = "Source: OpenRouter (openrouter.ai/rankings), as of {as_of}.";

/** What the caller knows besides the body: the as_of it supplied (e.g. `?asOf=` on the API), else null. */
export interface ParseContext {
  asOf: Date | null;
  /** The category an app-rankings body was asked for (`?category=` on the API, the collector's request). */
  category?: string | null;
  /** A writer following the parse (lib/ingest/streamed-usage.ts): told a model-usage CSV's provenance once
   * its header is read, and its rows so far after each slice. Other formats ignore it. */
  usageFeed?: UsageFeed;
}

/** What a snapshot row needs, known from a CSV's leading lines before its rows are read. */
export interface SnapshotHead {
  format: FormatId;
  source: string;
  asOf: Date;
  citation: string;
}

export interface UsageFeed {
  /** `values`: the usage columns the rows may state (total_tokens, prompt_tokens, …); the others are null. */
  head(head: SnapshotHead, values: readonly string[]): void;
  /** `rows` is the parser's own array, growing: read, never changed. A promise returned holds the parse
   * back until the writer is ready for rows. */
  slice(rows: readonly ModelUsageRow[]): Promise<void> | void;
}
