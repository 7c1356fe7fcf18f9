/**
 * One schema for both drivers (postgres.js and PGlite). Tokens are bigint end to end (mode "bigint" on
 * reads would make JSON awkward, so query modules cast to text where they return tokens).
 *
 * Provenance: every usage row records the snapshot that last set it and that snapshot's as_of, so the
 * "newest as_of wins" rule is a single comparison in the upsert (see lib/ingest/write.ts).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

export const snapshots = pgTable(
  "snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Detected format, e.g. openrouter-rankings-daily. */
    format: text("format").notNull(),
    /** Who produced the data (openrouter, a canonical snapshot's `source`, sample). */
    source: text("source").notNull(),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** sha256 of the body (plus caller-supplied as_of/source): the same snapshot is stored once. */
    checksum: text("checksum").notNull().unique(),
    citation: text("citation").notNull(),
    /** Rows per table in this snapshot and what happened to them: {modelUsage:{rows,inserted,updated,unchanged},…}. */
    rowCounts: jsonb("row_counts").notNull(),
    isSample: boolean("is_sample").notNull().default(false),
  },
  (t) => [index("snapshots_as_of_idx").on(t.asOf)],
);

export const models = pgTable(
  "models",
  {
    id: serial("id").primaryKey(),
    permaslug: text("permaslug").notNull(),
    variant: text("variant").notNull(),
    /** `bucket` rows (OpenRouter's `other`) carry totals only and are never joined to the catalogue. */
    kind: text("kind", { enum: ["model", "bucket"] }).notNull().default("model"),
    publicId: text("public_id").notNull(),
    author: text("author").notNull(),
    name: text("name"),
    launchDate: date("launch_date", { mode: "string" }),
    contextLength: integer("context_length"),
    /** True once a catalogue (not just a usage row) has described the model. */
    inCatalogue: boolean("in_catalogue").notNull().default(false),
    /** Newest as_of of a snapshot that described the model: the newest sets public_id and author. */
    metaAsOf: timestamp("meta_as_of", { withTimezone: true, mode: "date" }),
    /** Per fact, the as_of of the snapshot that stated it: a snapshot omitting a fact never erases it, the
     * newest that states it wins (lib/ingest/write.ts). */
    nameAsOf: timestamp("name_as_of", { withTimezone: true, mode: "date" }),
    launchDateAsOf: timestamp("launch_date_as_of", { withTimezone: true, mode: "date" }),
    contextLengthAsOf: timestamp("context_length_as_of", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    unique("models_identity").on(t.permaslug, t.variant),
    index("models_public_id_idx").on(t.publicId),
    index("models_author_idx").on(t.author),
  ],
);

/** Listed prices per model as stated by each snapshot's day; consecutive equal rows are one price period. */
export const modelPrices = pgTable(
  "model_prices",
  {
    modelId: integer("model_id").notNull().references(() => models.id),
    day: date("day", { mode: "string" }).notNull(),
    /** USD per 1M tokens; null = dynamic or unknown (routers list "-1"). */
    inputPerM: numeric("input_per_m", { precision: 20, scale: 10 }),
    outputPerM: numeric("output_per_m", { precision: 20, scale: 10 }),
    cacheReadPerM: numeric("cache_read_per_m", { precision: 20, scale: 10 }),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull().references(() => snapshots.id),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.day] })],
);

/** A model's usage figures and their provenance: the same columns per day and per source window. */
const usageFigures = () => ({
  totalTokens: bigint("total_tokens", { mode: "bigint" }).notNull(),
  promptTokens: bigint("prompt_tokens", { mode: "bigint" }),
  completionTokens: bigint("completion_tokens", { mode: "bigint" }),
  reasoningTokens: bigint("reasoning_tokens", { mode: "bigint" }),
  cachedTokens: bigint("cached_tokens", { mode: "bigint" }),
  requests: bigint("requests", { mode: "bigint" }),
  snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
  asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
});
/**
 * The days a source saw each model listed in its catalogue: a catalogue snapshot states its own day, a
 * price history states first_seen..last_seen. Merged by least/greatest, so any order ends in one state; a
 * model whose last_seen is older than its source's newest listing day was removed (lib/queries/events.ts).
 */
export const modelListings = pgTable(
  "model_listings",
  {
    modelId: integer("model_id").notNull().references(() => models.id),
    source: text("source").notNull(),
    firstSeen: date("first_seen", { mode: "string" }).notNull(),
    lastSeen: date("last_seen", { mode: "string" }).notNull(),
    /** The snapshot that stated last_seen (newest last_seen, then as_of, then checksum). */
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull().references(() => snapshots.id),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.source] }), index("model_listings_source_last_idx").on(t.source, t.lastSeen)],
);

export const modelUsageDaily = pgTable(
  "model_usage_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    // No foreign keys on the usage tables: Postgres checks them with a trigger per row, which made bulk
    // ingest 4× slower (measured). lib/ingest/resolve-models.ts creates or finds every id in the same
    // transaction, and nothing deletes models or apps.
    modelId: integer("model_id").notNull(),
    ...usageFigures(),
  },
  (t) => [primaryKey({ columns: [t.day, t.modelId] }), index("model_usage_daily_model_day_idx").on(t.modelId, t.day)],
);

/**
 * Model usage over a source's own window (weekly trackers: a week starting on a Sunday, or a weekly run's
 * window whose start is unknown). Never split into days, never re-cut into ISO weeks or months, never in
 * the day rollups, and never added to day rows of the same days: the model-window rule (README "Model usage
 * windows", lib/queries/model-windows.ts) picks which counts. The key treats nulls as equal, so a window
 * restated later updates in place under the same restatement rule as day rows.
 */
export const modelUsageWindow = pgTable(
  "model_usage_window",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    modelId: integer("model_id").notNull(), // no foreign keys: see model_usage_daily
    /** What the source says the window is: `week` (Sunday to Saturday, exact totals) or `window` (start unknown). */
    periodKind: text("period_kind", { enum: ["week", "window"] }).notNull(),
    /** First day; null when the source does not say. */
    periodStart: date("period_start", { mode: "string" }),
    /** Last day (inclusive). */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** Totals the source rounded (weekly runs: to 1e9) are not exact; charts say so. */
    rounded: boolean("rounded").notNull().default(false),
    ...usageFigures(),
  },
  (t) => [
    unique("model_usage_window_identity").on(t.modelId, t.periodKind, t.periodStart, t.periodEnd).nullsNotDistinct(),
    index("model_usage_window_model_end_idx").on(t.modelId, t.periodEnd),
  ],
);

/**
 * The body of every snapshot ingested as text (and the as_of its caller supplied), so a retraction can
 * replay the remaining snapshots: every figure then is exactly what they say without the retracted one
 * (lib/ingest/retract.ts). Snapshots stored before this table existed have none and block retraction.
 */
export const snapshotBodies = pgTable("snapshot_bodies", {
  snapshotId: bigint("snapshot_id", { mode: "number" }).primaryKey(),
  callerAsOf: timestamp("caller_as_of", { withTimezone: true, mode: "date" }),
});

/**
 * A body's text in parts of about a megabyte, in order (lib/ingest/body-parts.ts). On PGlite every statement
 * runs on the server's own thread: one 19 MB insert stopped every read for about a second, a part stops them
 * for a few milliseconds. Parts follow their body's key and go with it (cascade).
 */
export const snapshotBodyParts = pgTable(
  "snapshot_body_parts",
  {
    snapshotId: bigint("snapshot_id", { mode: "number" })
      .notNull()
      .references(() => snapshotBodies.snapshotId, { onDelete: "cascade", onUpdate: "cascade" }),
    part: integer("part").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.part] })],
);

/**
 * Retracted snapshots (an audit log; nothing else of them is kept). `version` is drawn from the snapshot id
 * sequence, so the data version (db/data-version.ts) moves forward on a retraction as on an ingest.
 */
export const retractions = pgTable("retractions", {
  version: bigint("version", { mode: "number" }).primaryKey(),
  snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
  format: text("format").notNull(),
  source: text("source").notNull(),
  asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
  checksum: text("checksum").notNull(),
  retractedAt: timestamp("retracted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const apps = pgTable("apps", {
  /** The source's app id (OpenRouter's are integers; names are not unique). */
  appId: text("app_id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug"),
  url: text("url"),
  /** null = never stated (an empty list is never stored for an omission). */
  categories: text("categories").array(),
  /** Newest as_of of a snapshot that described the app: the newest sets the name. */
  metaAsOf: timestamp("meta_as_of", { withTimezone: true, mode: "date" }),
  /** Per optional fact, the as_of of the snapshot that stated it (see models.nameAsOf). */
  slugAsOf: timestamp("slug_as_of", { withTimezone: true, mode: "date" }),
  urlAsOf: timestamp("url_as_of", { withTimezone: true, mode: "date" }),
  categoriesAsOf: timestamp("categories_as_of", { withTimezone: true, mode: "date" }),
});

/**
 * Which snapshot last replaced a whole day of a source (rankings-daily: its top N plus `other`). Only a
 * snapshot that covers the day replaces it; the newest covering one (as_of, then checksum) owns it, and
 * rows of older snapshots of the source for that day are gone (lib/ingest/whole-days.ts).
 */
export const coveredDays = pgTable(
  "covered_days",
  {
    format: text("format").notNull(),
    source: text("source").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
    checksum: text("checksum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.format, t.source, t.day] })],
);

/**
 * App usage over a period: `day`, `month` (calendar) or `window` (a source's own window). model_id null
 * means all models; category null means no category. The key treats nulls as equal, so an app-rankings window
 * restated later updates in place.
 */
export const appUsage = pgTable(
  "app_usage",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    appId: text("app_id").notNull(), // no foreign keys: see model_usage_daily
    modelId: integer("model_id"),
    periodKind: text("period_kind", { enum: ["day", "month", "window"] }).notNull(),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    totalTokens: bigint("total_tokens", { mode: "bigint" }).notNull(),
    requests: bigint("requests", { mode: "bigint" }),
    rank: integer("rank"),
    /** The source's category the row ranks in (app-rankings is asked per category; its `window` rows of
     * several categories are one row each, with that category's rank); null = no category (all apps). Only
     * window rows carry one, so calendar rows (and their rollups) never count an app twice. */
    category: text("category"),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    unique("app_usage_identity")
      .on(t.appId, t.modelId, t.periodKind, t.periodStart, t.periodEnd, t.category)
      .nullsNotDistinct(),
    check("app_usage_category_window_only", sql`${t.category} is null or ${t.periodKind} = 'window'`),
    index("app_usage_model_period_idx").on(t.modelId, t.periodKind, t.periodEnd),
    index("app_usage_app_period_idx").on(t.appId, t.periodKind, t.periodEnd),
    // The apps page's category filter lists the categories: only window rows carry one, so this index is
    // small where a scan of the table took 0.9 s at 10M rows (README Benchmarks).
    index("app_usage_category_idx").on(t.category).where(sql`${t.category} is not null`),
  ],
);

/**
 * Rollups of model_usage_daily, maintained by statement-level triggers in the same transaction as every
 * write (drizzle/0003_usage_rollups_triggers.sql), so market-wide charts read a few rows per day instead of
 * one per model: all tokens per day (share denominators), free vs paid per author (subsidy), per-model months
 * (rankings over long ranges). Keyed by snapshot too, so provenance stays exact; a key whose rows all moved
 * to a newer snapshot is deleted (row_count 0). Read by lib/queries/*; never written by application code.
 */
export const usageDailyRollup = pgTable(
  "usage_daily_rollup",
  {
    day: date("day", { mode: "string" }).notNull(),
    /** models.author; the `other` bucket's is "other" (is_bucket). */
    author: text("author").notNull(),
    isFree: boolean("is_free").notNull(),
    isBucket: boolean("is_bucket").notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    totalTokens: bigint("total_tokens", { mode: "bigint" }).notNull(),
    rowCount: integer("row_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.author, t.isFree, t.isBucket, t.snapshotId] })],
);

export const usageMonthlyRollup = pgTable(
  "usage_monthly_rollup",
  {
    /** First day of the calendar month (UTC). */
    month: date("month", { mode: "string" }).notNull(),
    modelId: integer("model_id").notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    totalTokens: bigint("total_tokens", { mode: "bigint" }).notNull(),
    rowCount: integer("row_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.modelId, t.snapshotId] })],
);

/**
 * Rollups of app_usage's calendar rows (day and month kinds) that implement the app-period rule (README "App
 * usage periods", lib/queries/app-volume.ts), kept by statement-level triggers in the same transaction as every
 * write (drizzle/0006_app_usage_rollups_triggers.sql), which recompute every (app, month) a statement touched
 * from app_usage itself. Read by lib/queries/app-volume.ts; never written by application code.
 *
 * Which source stands per (app, model or all models, month): the month row, unless day rows cover every day
 * of the month, and what the picked rows add up to. Replaces a correlated count of day rows per month row
 * (250–500 ms per chart query at the benchmark's 10M rows) with one index lookup, and lets a model's top apps
 * read one row per app and whole month instead of one per app and day.
 */
export const appUsageMonthSource = pgTable(
  "app_usage_month_source",
  {
    appId: text("app_id").notNull(),
    /** null = rows stated for all models. */
    modelId: integer("model_id"),
    /** First day of the calendar month. */
    month: date("month", { mode: "string" }).notNull(),
    dayRows: integer("day_rows").notNull(),
    monthRows: integer("month_rows").notNull(),
    /** The kind of calendar row that counts for this month. */
    pickedKind: text("picked_kind", { enum: ["day", "month"] }).notNull(),
    /** The picked rows: their tokens, the days they cover and the snapshots that set them (provenance). */
    pickedTokens: bigint("picked_tokens", { mode: "bigint" }).notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    snapshotIds: bigint("snapshot_ids", { mode: "number" }).array().notNull(),
  },
  (t) => [
    unique("app_usage_month_source_key").on(t.appId, t.month, t.modelId).nullsNotDistinct(),
    // The months of the asked models in a range, fetched at once (top apps and compare ask per model).
    index("app_usage_month_source_model_idx").on(t.modelId, t.month),
  ],
);

/**
 * The all-apps leaderboard: per app and month, the per-model calendar rows the rule picks, summed over models,
 * by kind and snapshot (provenance), with the days they cover (coverage). Day-kind rows count only for months
 * the range covers whole; edge months read app_usage_picked_daily.
 */
export const appUsagePickedMonthly = pgTable(
  "app_usage_picked_monthly",
  {
    month: date("month", { mode: "string" }).notNull(),
    appId: text("app_id").notNull(),
    kind: text("kind", { enum: ["day", "month"] }).notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    totalTokens: bigint("total_tokens", { mode: "bigint" }).notNull(),
    rowCount: integer("row_count").notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.appId, t.kind, t.snapshotId] })],
);

/**
 * The all-apps leaderboard's upper bounds and sums: per month and app, the picked rows of
 * app_usage_picked_monthly summed over kinds and snapshots. A range's total for an app is at most the sum of these over the months
 * the range touches, so the leaderboard ranks exactly while reading only the apps near the top of each month
 * (lib/queries/app-ranking.ts). Kept from app_usage_picked_monthly by triggers (drizzle/0012). numeric: a sum
 * of bigints that cannot overflow.
 */
export const appUsageAppMonthly = pgTable(
  "app_usage_app_monthly",
  {
    month: date("month", { mode: "string" }).notNull(),
    appId: text("app_id").notNull(),
    totalTokens: numeric("total_tokens").notNull(),
    /** The month-kind part, null when there is none: what a range that cuts the month counts whole (the day
     * rows it reads per day). */
    monthTokens: numeric("month_tokens"),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.appId] }),
    // A month's apps, most tokens first: the ranking reads the head of each month's list.
    index("app_usage_app_monthly_rank_idx").on(t.month, t.totalTokens.desc(), t.appId),
  ],
);

/**
 * Per month, kind and snapshot: the days app_usage_picked_monthly's rows of every app cover. The all-apps
 * leaderboard's coverage and provenance (which span every app, not only the ones shown) read these few rows
 * instead of every app's. Kept with app_usage_app_monthly (drizzle/0012).
 */
export const appUsageMonthSnapshots = pgTable(
  "app_usage_month_snapshots",
  {
    month: date("month", { mode: "string" }).notNull(),
    kind: text("kind", { enum: ["day", "month"] }).notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind, t.snapshotId] })],
);

/**
 * Per app, snapshot and day: running totals within the month of the picked per-model day rows (summed over
 * models), one row for every day from the snapshot's first picked day in the month to the month's end, so a
 * range that cuts a month reads two rows per app and snapshot (the running totals at its last day and the day
 * before its first) instead of one per app and day: reading every day of the benchmark's mid-month range
 * (175k rows) took 1–2 s on the loaded 2-core machine.
 */
export const appUsagePickedDaily = pgTable(
  "app_usage_picked_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    appId: text("app_id").notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).notNull(),
    /** Picked rows on this very day (coverage: the first and last day with rows). */
    dayRows: integer("day_rows").notNull(),
    /** Since the 1st of the month, this day included. */
    cumTokens: bigint("cum_tokens", { mode: "bigint" }).notNull(),
    cumRows: integer("cum_rows").notNull(),
  },
  (t) => [
    // The key index also holds the totals (INCLUDE, drizzle/0011): the leaderboard reads them by index only.
    primaryKey({ columns: [t.day, t.appId, t.snapshotId] }),
    // Whether, and on which first and last day, a snapshot has picked day rows within a range that cuts a
    // month (the leaderboard's coverage and provenance), by two probes per snapshot.
    index("app_usage_picked_daily_snapshot_idx").on(t.snapshotId, t.day).where(sql`day_rows > 0`),
  ],
);

/**
 * Permalinks (`/s/<id>`): a view's state under a short unguessable id. `pinned` rows also keep the exact
 * data the view showed when it was shared (the JSON of its queries, bounded in size), so they reproduce it
 * after restatements and new snapshots; `live` rows follow new data. `creator_hash` (a keyed hash of the
 * client's address, never the address) rate-limits creation per client.
 */
export const permalinks = pgTable(
  "permalinks",
  {
    id: text("id").primaryKey(),
    view: text("view").notNull(),
    /** Model id (model page) or app id (app page). */
    subject: text("subject"),
    /** The chart it was shared from (embeds and previews show it), null = the view's default chart. */
    chart: text("chart"),
    /** Canonical query string of the state (non-default values only, no "?"). */
    query: text("query").notNull(),
    mode: text("mode", { enum: ["live", "pinned"] }).notNull(),
    /** Pinned rows: what the view showed (lib/pages/view-data.ts ViewData). */
    data: jsonb("data"),
    dataBytes: integer("data_bytes").notNull().default(0),
    /** Newest as_of among the snapshots behind the pinned data, and the newest snapshot id at share time. */
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }),
    snapshotId: bigint("snapshot_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    creatorHash: text("creator_hash").notNull(),
  },
  (t) => [index("permalinks_creator_created_idx").on(t.creatorHash, t.createdAt), index("permalinks_created_idx").on(t.createdAt)],
);

export const schema = {
  snapshots,
  models,
  modelPrices,
  modelUsageDaily,
  modelUsageWindow,
  snapshotBodies,
  snapshotBodyParts,
  retractions,
  apps,
  appUsage,
  usageDailyRollup,
  usageMonthlyRollup,
  appUsageMonthSource,
  appUsagePickedMonthly,
  appUsageAppMonthly,
  appUsageMonthSnapshots,
  appUsagePickedDaily,
  permalinks,
};
export { sql };
