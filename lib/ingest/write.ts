/**
 * Writes a parsed snapshot in one transaction: all or nothing.
 *
 * Rules (each covered by test/integration/ingest.test.ts):
 * - Idempotent: a snapshot is identified by its checksum; the same one again changes nothing.
 * - Restatements: for one key — (day, model), (app, model, period), (model, price day), a model's or app's
 *   description — the row from the snapshot with the newest as_of wins, whatever the arrival order. Equal
 *   as_of: the larger figure (or description) wins, so the outcome never depends on order.
 * - Whole days: a snapshot that states complete days (rankings-daily: top N + `other`) replaces the days it
 *   states from older snapshots of the same source, so a model that fell into `other` is not counted twice;
 *   a day already stated by a newer snapshot of that source is left as it is.
 * - Sample data is replaced, not mixed: the first real snapshot into a database holding only the sample
 *   clears it in the same transaction.
 * - Concurrency: ingests take one transaction-scoped advisory lock, so concurrent ingests run one by one and
 *   end in the same state as any sequential order (which, by the rule above, is a single state). Work that
 *   needs no stored state is done before the lock: parsing, checks and collapsing repeats, and storing the
 *   body (under a provisional key) in the transaction. A model-usage CSV on Postgres is the exception: it
 *   takes the lock once its leading lines are read and writes its rows while it is parsed
 *   (lib/ingest/streamed-usage.ts).
 * - Bulk: daily model usage (the big table) is COPY'd straight into the table when its days hold no stored
 *   row, else into a temporary staging table and merged from there by the same rules
 *   (lib/ingest/model-usage.ts); other usage rows go through `INSERT … SELECT FROM
 *   unnest(…)`. Both take a fixed number of statements per snapshot on Postgres, and small ones on PGlite.
 * - Reads go on: passes over all rows run in slices with turns of the event loop between them
 *   (lib/ingest/slices.ts), and on PGlite the writer yields between its statements.
 */
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { iso } from "@/db/row-values";
import { plainArray, textArray } from "@/db/pg-array";
import { forgetDataVersion, isEmbedded } from "@/db/data-version";
import { IngestError, IssueList } from "./errors";
import type { AppUsageRow, ModelRecord, ModelRef, ModelWindowRow, ParsedSnapshot, PricePerM, SnapshotHead, UsageFeed } from "./types";
import { adoptGuessedModels, resolveHistoryModels, type HistoryModels } from "./history-models";
import { BUCKET, resolveModels, type ResolvedModels } from "./resolve-models";
import { checkMonthlySumsOrThrow } from "./sums";
import { replaceWholeDays } from "./whole-days";
import { newerRow } from "./newer-row";
import { collapseDuplicates } from "./duplicates";
import { upsertCounting, type Changed } from "./upsert-counting";
import { turnBeforeEachStatement } from "./slices";
import { insertBody } from "./body-parts";
import { collapseUsage, mergeModelUsage, USAGE_VALUES, type CollapsedUsage } from "./model-usage";
import { followParse, type Claimed, type StreamedKeys } from "./streamed-usage";

export interface RowCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Whole-day snapshots only: rows of older snapshots of the same source deleted from the days this one states. */
  removed?: number;
}

export interface IngestSummary {
  snapshotId: number;
  format: ParsedSnapshot["format"];
  source: string;
  asOf: string;
  citation: string;
  /** True when this exact snapshot was stored before: nothing was written. */
  duplicate: boolean;
  modelsCreated: number;
  rows: {
    models: RowCounts;
    prices: RowCounts;
    /** Days models were seen listed (catalogues and price histories). */
    listings: RowCounts;
    modelUsage: RowCounts;
    /** Model usage over a source's own windows (weekly trackers); present when the snapshot has any. */
    modelWindows?: RowCounts;
    apps: RowCounts;
    appUsage: RowCounts;
  };
}

export interface WriteOptions {
  checksum: string;
  /** Used when the snapshot states no as_of of its own. */
  fallbackAsOf: Date;
  isSample?: boolean;
  /** Told after each statement of daily model usage (the big table): rows written so far, of how many. */
  onUsageWritten?: (written: number, of: number) => void;
  /** The text the snapshot was parsed from and the as_of its caller supplied: kept so a retraction can
   * replay the remaining snapshots (lib/ingest/retract.ts). */
  body?: { text: string; callerAsOf: Date | null };
}

export const INGEST_LOCK = 727274002;
/** Rows per unnest statement: bounds the size of one parameter while keeping statements few. */
export const CHUNK = 200_000;
/**
 * PGlite runs each statement on the server's own thread: a 200,000-row statement would stop every other
 * request for seconds. There, usage rows go 2,500 per statement (≈50–100 ms each here) and the writer yields to the event loop
 * between statements, so answers that need no query (lib/server/response-cache.ts) keep being served.
 */
export const EMBEDDED_CHUNK = 2_500;

/**
 * Bodies are megabytes of text: lz4 stores one 2–3× faster than Postgres's default pglz. Where the server
 * was built without lz4 (and on PGlite), the default stays.
 */
const LZ4_IN_THIS_TRANSACTION = sql`do $$ begin perform set_config('default_toast_compression', 'lz4', true); exception when others then null; end $$`;

/**
 * Stores the body before the ingest lock, so other ingests do not wait while megabytes are written, under a
 * provisional key no other transaction uses (this transaction's id, negated); under the lock the row moves
 * to the snapshot's id — an update that leaves the stored text where it is. Returns the provisional key.
 */
async function storeBody(tx: Db, body: NonNullable<WriteOptions["body"]>, embedded: boolean): Promise<number> {
  if (!embedded) await tx.execute(LZ4_IN_THIS_TRANSACTION);
  return insertBody(tx, sql`-txid_current()`, body.text, body.callerAsOf, !embedded);
}

/** The work on a snapshot's usage that needs no database, done before the ingest lock: the monthly sums'
 * check and collapsing repeats. */
export async function prepareUsage(snap: ParsedSnapshot): Promise<CollapsedUsage> {
  await checkMonthlySumsOrThrow(snap.modelUsage);
  return collapseUsage(snap.modelUsage);
}

export async function writeSnapshot(db: Db, snap: ParsedSnapshot, opts: WriteOptions): Promise<IngestSummary> {
  const prepared = async () => ({ snap, usage: await prepareUsage(snap), checksum: opts.checksum, fallbackAsOf: opts.fallbackAsOf });
  return writePrepared(db, prepared, { ...opts, knownChecksum: opts.checksum });
}

/** A snapshot ready to write: parsed, checked, its usage collapsed, its identity and as_of of last resort known. */
export interface PreparedSnapshot {
  snap: ParsedSnapshot;
  usage: CollapsedUsage;
  checksum: string;
  fallbackAsOf: Date;
}

/** `knownChecksum`: the snapshot's identity when it is known before parsing. */
type PreparedWriteOptions = Pick<WriteOptions, "isSample" | "onUsageWritten" | "body"> & { knownChecksum?: string | null };

/**
 * Writes the snapshot `prepare` makes, calling it inside the transaction: its body (megabytes) is stored by
 * Postgres while Node parses it, instead of after. `knownChecksum`, when the snapshot's identity is known
 * before parsing, lets a snapshot sent again skip storing its body.
 */
export async function writePrepared(
  db: Db,
  prepare: (feed?: UsageFeed) => Promise<PreparedSnapshot>,
  opts: PreparedWriteOptions,
): Promise<IngestSummary> {
  try {
    return await writeInTransaction(db, prepare, opts, isEmbedded(db));
  } finally {
    forgetDataVersion(db); // committed or not, the next reader asks the database
  }
}

async function writeInTransaction(
  db: Db,
  prepare: (feed?: UsageFeed) => Promise<PreparedSnapshot>,
  opts: PreparedWriteOptions,
  embedded: boolean,
): Promise<IngestSummary> {
  return db.transaction(async (transaction) => {
    const tx = embedded ? turnBeforeEachStatement(transaction) : transaction;
    // A snapshot sent again is answered from what was stored: its body is not written for nothing.
    const seen = opts.knownChecksum ? (await rowsOf(tx, sql`select 1 from snapshots where checksum = ${opts.knownChecksum}`)).length > 0 : false;
    const storing = opts.body && !seen ? storeBody(tx, opts.body, embedded) : null;
    storing?.catch(() => undefined); // if preparing fails, the transaction is rolled back with it
    const claim = (head: SnapshotHead, checksum: string) => claimSnapshot(tx, head, checksum, storing, opts, embedded);
    // Where the identity is known before parsing, a model-usage CSV's rows are written while it is parsed.
    const known = opts.knownChecksum;
    const follow = !embedded && known && !seen ? followParse((head) => claim(head, known)) : null;
    let prepared: PreparedSnapshot;
    try {
      prepared = await prepare(follow?.feed);
    } catch (err) {
      await follow?.abandon();
      throw err;
    }
    const { snap, usage, checksum, fallbackAsOf } = prepared;
    const head: SnapshotHead = { format: snap.format, source: snap.source, asOf: snap.asOf ?? fallbackAsOf, citation: snap.citation };
    const early = await follow?.finish(snap.modelUsage);
    if (early && JSON.stringify(describedHead(early.head)) !== JSON.stringify(describedHead(head))) {
      throw new Error("the parser announced a head its snapshot does not have"); // a bug, not bad input
    }
    const claimed = early?.claimed ?? (await claim(head, checksum));
    if ("duplicate" in claimed) return claimed.duplicate;
    const { ctx, replacedSample } = claimed;
    const { rows, modelsCreated } = await writeRows(ctx, snap, { replacedSample, usage, streamed: early?.streamed });
    await tx.execute(sql`update snapshots set row_counts = ${JSON.stringify(rows)}::jsonb where id = ${ctx.snapshotId}`);
    return { snapshotId: ctx.snapshotId, ...describedHead(head), duplicate: false, modelsCreated, rows };
  });
}

/** The snapshot's provenance as its summary states it. */
function describedHead(head: SnapshotHead) {
  const asOf = head.asOf.toISOString();
  return { format: head.format, source: head.source, asOf, citation: head.citation.replaceAll("{as_of}", asOf.slice(0, 10)) };
}

/**
 * Under the ingest lock: the answer stored for a snapshot seen before, else its `snapshots` row (the sample
 * data replaced first, when this is the first real snapshot) with its body moved to it.
 */
async function claimSnapshot(
  tx: Db,
  head: SnapshotHead,
  checksum: string,
  storing: Promise<number> | null,
  opts: PreparedWriteOptions,
  embedded: boolean,
): Promise<Claimed> {
  let provisional = storing ? await storing : null;
  const { format, source, asOf, citation } = describedHead(head);
  await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
  const [existing] = await rowsOf<StoredSnapshot>(
    tx,
    sql`select id, format, source, as_of, citation, row_counts from snapshots where checksum = ${checksum}`,
  );
  if (existing) {
    if (provisional !== null) await tx.execute(sql`delete from snapshot_bodies where snapshot_id = ${provisional}`);
    return { duplicate: duplicateSummary(existing) };
  }
  const replacedSample = !opts.isSample && (await replaceSampleData(tx));
  const [{ id: rawId }] = await rowsOf<{ id: number }>(
    tx,
    sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
        values (${format}, ${source}, ${asOf}::timestamptz, ${checksum}, ${citation}, '{}'::jsonb, ${opts.isSample ?? false})
        returning id`,
  );
  const snapshotId = Number(rawId);
  if (opts.body && provisional === null) provisional = await storeBody(tx, opts.body, embedded); // seen before the lock, retracted since
  if (provisional !== null) await tx.execute(sql`update snapshot_bodies set snapshot_id = ${snapshotId} where snapshot_id = ${provisional}`);
  const ctx: WriteContext = { tx, snapshotId, asOfIso: asOf, chunk: embedded ? EMBEDDED_CHUNK : CHUNK, embedded, checksum, onUsageWritten: opts.onUsageWritten };
  return { ctx, replacedSample };
}

/**
 * Writes the rows of a snapshot whose `snapshots` row exists (ctx.snapshotId): at ingest, and again when a
 * retraction replays the remaining snapshots (lib/ingest/retract.ts).
 */
export async function writeRows(
  ctx: WriteContext,
  snap: ParsedSnapshot,
  opts: { replacedSample?: boolean; usage?: CollapsedUsage; streamed?: StreamedKeys } = {},
): Promise<{ rows: IngestSummary["rows"]; modelsCreated: number }> {
  const declared = [...new Map(snap.models.map((m) => [`${m.permaslug}:${m.variant}`, m])).values()]; // last wins
  await adoptGuessedModels(ctx.tx, declared);
  const models = await upsertModels(ctx, declared);
  const usage = opts.usage ?? (await collapseUsage(snap.modelUsage));
  const resolved = await resolveModels(ctx.tx, snap, { replacedSample: opts.replacedSample, usageRefs: usage.refs });
  const history = await resolveHistoryModels(ctx.tx, snap.priceHistory ?? [], ctx.asOfIso);
  const prices = await upsertPrices(ctx, await priceRows(ctx, snap, declared, resolved, history));
  const listings = await upsertListings(ctx, snap.source, listingRows(ctx, snap, declared, resolved.declaredIds, history.idOf));
  const usageRows = snap.wholeDays ? await replaceWholeDays(ctx, { ...snap, modelUsage: usage.rows }) : { rows: usage.rows, removed: 0 };
  const written = await mergeModelUsage(ctx, { ...usage, rows: usageRows.rows }, resolved.idOf, opts.streamed);
  const modelUsage: RowCounts = {
    rows: snap.modelUsage.length,
    inserted: written.inserted,
    updated: written.updated,
    unchanged: snap.modelUsage.length - written.inserted - written.updated,
    ...(snap.wholeDays ? { removed: usageRows.removed } : {}),
  };
  const windows = snap.modelWindows?.length ? { modelWindows: await upsertModelWindows(ctx, snap.modelWindows, resolved.idOf) } : {};
  const apps = await upsertApps(ctx, snap);
  const appUsage = await upsertAppUsage(ctx, snap.appUsage, resolved.idOf);

  const rows = { models, prices, listings, modelUsage, ...windows, apps, appUsage };
  return { rows, modelsCreated: models.inserted + resolved.created + history.created };
}

export interface WriteContext {
  tx: Db;
  snapshotId: number;
  asOfIso: string;
  /** Rows per bulk statement. */
  chunk: number;
  /** PGlite: statements run on this process's thread, so bulk writes go in small statements with turns of
   * the event loop between them. */
  embedded: boolean;
  /** The snapshot's checksum: the last tie-break between equal rows of equal as_of. */
  checksum: string;
  onUsageWritten?: (written: number, of: number) => void;
}

interface StoredSnapshot {
  id: number;
  format: ParsedSnapshot["format"];
  source: string;
  as_of: unknown;
  citation: string;
  row_counts: IngestSummary["rows"] | string;
}

/** The answer for a snapshot stored before: what was stored then, nothing written now. */
function duplicateSummary(s: StoredSnapshot): IngestSummary {
  const stored = (typeof s.row_counts === "string" ? JSON.parse(s.row_counts) : s.row_counts) as IngestSummary["rows"];
  const none = (c: RowCounts | undefined): RowCounts => ({ rows: c?.rows ?? 0, inserted: 0, updated: 0, unchanged: c?.rows ?? 0 });
  return {
    snapshotId: Number(s.id),
    format: s.format,
    source: s.source,
    asOf: iso(s.as_of),
    citation: s.citation,
    duplicate: true,
    modelsCreated: 0,
    rows: {
      models: none(stored.models),
      prices: none(stored.prices),
      listings: none(stored.listings),
      modelUsage: none(stored.modelUsage),
      apps: none(stored.apps),
      appUsage: none(stored.appUsage),
    },
  };
}

/** Bulk statements in chunks of ctx.chunk rows (bounded parameter size), their counts summed. */
async function inChunks<T>(ctx: WriteContext, rows: T[], run: (chunk: T[]) => Promise<Changed>, onChunk?: (written: number) => void): Promise<Changed> {
  const total: Changed = { inserted: 0, changed: 0 };
  for (let start = 0; start < rows.length; start += ctx.chunk) {
    if (start > 0 && ctx.embedded) await new Promise((resolve) => setImmediate(resolve));
    const r = await run(rows.slice(start, start + ctx.chunk));
    total.inserted += r.inserted;
    total.changed += r.changed;
    onChunk?.(Math.min(rows.length, start + ctx.chunk));
  }
  return total;
}

/** Counts from `insert … returning (xmax = 0)`: fresh rows report xmax 0, updated rows their locker. */
function counts(total: number, returned: Changed): RowCounts {
  const inserted = returned.inserted;
  const updated = returned.changed - inserted;
  return { rows: total, inserted, updated, unchanged: total - inserted - updated };
}

const ZERO: RowCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };

async function upsertModels(ctx: WriteContext, models: ModelRecord[]): Promise<RowCounts> {
  if (!models.length) return ZERO;
  const bucket = models.find((m) => m.permaslug === BUCKET.permaslug);
  if (bucket) throw new IngestError(422, `"${BUCKET.permaslug}" is the bucket of all other models, not a model`, [{ path: "models", message: `a model may not use the permaslug "${BUCKET.permaslug}"` }]);
  const json = JSON.stringify(
    models.map((m) => ({
      permaslug: m.permaslug,
      variant: m.variant,
      public_id: m.publicId,
      author: m.author,
      name: m.name,
      launch_date: m.launchDate,
      context_length: m.contextLength,
    })),
  );
  // public_id and author: the newest description (ties: the larger value). Each other fact: the newest
  // snapshot that states it; one that omits it (null) never erases it.
  const rowWins = sql`(models.meta_as_of is null or (excluded.meta_as_of, excluded.public_id, excluded.author) > (models.meta_as_of, models.public_id, models.author))`;
  const name = factWins("models", "name");
  const launch = factWins("models", "launch_date");
  const context = factWins("models", "context_length");
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into models (permaslug, variant, public_id, author, name, launch_date, context_length, in_catalogue, meta_as_of,
                            name_as_of, launch_date_as_of, context_length_as_of)
          select permaslug, variant, public_id, author, name, launch_date, context_length, true, a,
                 case when name is not null then a end, case when launch_date is not null then a end, case when context_length is not null then a end
          from jsonb_to_recordset(${json}::jsonb)
            as x(permaslug text, variant text, public_id text, author text, name text, launch_date date, context_length int),
            (select ${ctx.asOfIso}::timestamptz as a) as asof
          on conflict (permaslug, variant) do update set
            public_id = case when ${rowWins} then excluded.public_id else models.public_id end,
            author = case when ${rowWins} then excluded.author else models.author end,
            meta_as_of = greatest(models.meta_as_of, excluded.meta_as_of),
            ${setFact("models", "name", name)}, ${setFact("models", "launch_date", launch)}, ${setFact("models", "context_length", context)},
            in_catalogue = true
          where models.kind = 'model' and (not models.in_catalogue or ${rowWins} or ${name} or ${launch} or ${context})`,
  );
  return counts(models.length, r);
}

/** The incoming value of an optional fact replaces the stored one: it is stated, and newer (ties: larger). */
function factWins(table: "models" | "apps", fact: string): SQL {
  const [t, f, at] = [sql.identifier(table), sql.identifier(fact), sql.identifier(`${fact}_as_of`)];
  return sql`(excluded.${f} is not null and (${t}.${at} is null or (excluded.${at}, excluded.${f}) > (${t}.${at}, ${t}.${f})))`;
}

/** `fact = …, fact_as_of = …` taking the incoming value when `wins`. */
function setFact(table: "models" | "apps", fact: string, wins: SQL): SQL {
  const [t, f, at] = [sql.identifier(table), sql.identifier(fact), sql.identifier(`${fact}_as_of`)];
  return sql`${f} = case when ${wins} then excluded.${f} else ${t}.${f} end, ${at} = case when ${wins} then excluded.${at} else ${t}.${at} end`;
}

const APP_USAGE_VALUES = ["total_tokens", "requests", "rank"];

interface PriceRow {
  modelId: number;
  day: string;
  inputPerM: PricePerM;
  outputPerM: PricePerM;
  cacheReadPerM: PricePerM;
}

/**
 * A catalogue's prices, and prices a usage source observed (weekly trackers), are stated on the snapshot's
 * own day — two different prices for one model there reject the snapshot; a price history's on each
 * point's day.
 */
async function priceRows(ctx: WriteContext, snap: ParsedSnapshot, declared: ModelRecord[], resolved: ResolvedModels, history: HistoryModels): Promise<PriceRow[]> {
  const day = ctx.asOfIso.slice(0, 10);
  const stated = await collapseDuplicates(
    [
      ...declared.flatMap((m) => (m.price ? [{ modelId: resolved.declaredIds.get(m)!, price: m.price, path: "models" }] : [])),
      ...(snap.priceObservations ?? []).map((o) => ({ modelId: resolved.idOf(o.model), price: o.price, path: o.path })),
    ],
    (p) => String(p.modelId),
    (p) => [p.price.inputPerM, p.price.outputPerM, p.price.cacheReadPerM].map((v) => v ?? "").join("/"),
  );
  const rows: PriceRow[] = stated.map((p) => ({ modelId: p.modelId, day, ...p.price }));
  for (const e of snap.priceHistory ?? []) {
    const modelId = history.idOf.get(e.publicId)!;
    for (const p of e.points) rows.push({ modelId, day: p.day, inputPerM: p.inputPerM, outputPerM: p.outputPerM, cacheReadPerM: null });
  }
  return rows;
}

async function upsertPrices(ctx: WriteContext, rows: PriceRow[]): Promise<RowCounts> {
  if (!rows.length) return ZERO;
  const col = (f: (r: PriceRow) => string | number | null) => plainArray(rows.map(f));
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into model_prices (model_id, day, input_per_m, output_per_m, cache_read_per_m, snapshot_id, as_of)
          select m, d, i, o, c, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
          -- two ids of one model (a price history's id and permaslug) may state one day: the larger row, as a merge would
          from (select distinct on (m, d) * from unnest(${col((r) => r.modelId)}::int4[], ${col((r) => r.day)}::date[], ${col((r) => r.inputPerM)}::numeric[],
                      ${col((r) => r.outputPerM)}::numeric[], ${col((r) => r.cacheReadPerM)}::numeric[]) as u(m, d, i, o, c)
                order by m, d, coalesce(i, -1) desc, coalesce(o, -1) desc, coalesce(c, -1) desc) as x
          on conflict (model_id, day) do update set
            input_per_m = excluded.input_per_m, output_per_m = excluded.output_per_m,
            cache_read_per_m = excluded.cache_read_per_m, snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
          where ${newerRow(ctx.checksum, "model_prices", ["input_per_m", "output_per_m", "cache_read_per_m"])}`,
  );
  return counts(rows.length, r);
}

/** Formats that list a whole catalogue: each listed model was seen on the snapshot's day. */
const CATALOGUE_FORMATS: ReadonlySet<ParsedSnapshot["format"]> = new Set(["openrouter-models", "tracker-model-catalogue"]);

interface ListingRow {
  modelId: number;
  firstSeen: string;
  lastSeen: string;
}

function listingRows(ctx: WriteContext, snap: ParsedSnapshot, declared: ModelRecord[], declaredIds: Map<ModelRecord, number>, history: Map<string, number>): ListingRow[] {
  const day = ctx.asOfIso.slice(0, 10);
  const rows = new Map<number, ListingRow>();
  if (CATALOGUE_FORMATS.has(snap.format)) for (const m of declared) rows.set(declaredIds.get(m)!, { modelId: declaredIds.get(m)!, firstSeen: day, lastSeen: day });
  for (const e of snap.priceHistory ?? []) {
    const modelId = history.get(e.publicId)!;
    const prev = rows.get(modelId); // two ids of one model (an alias): the union of their sightings
    rows.set(modelId, {
      modelId,
      firstSeen: prev && prev.firstSeen < e.firstSeen ? prev.firstSeen : e.firstSeen,
      lastSeen: prev && prev.lastSeen > e.lastSeen ? prev.lastSeen : e.lastSeen,
    });
  }
  return [...rows.values()];
}

/** first_seen only moves earlier and last_seen later, so the order of snapshots does not matter. */
async function upsertListings(ctx: WriteContext, source: string, rows: ListingRow[]): Promise<RowCounts> {
  if (!rows.length) return ZERO;
  const col = (f: (r: ListingRow) => string | number) => plainArray(rows.map(f));
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into model_listings (model_id, source, first_seen, last_seen, snapshot_id, as_of)
          select m, ${source}, f, l, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
          from unnest(${col((r) => r.modelId)}::int4[], ${col((r) => r.firstSeen)}::date[], ${col((r) => r.lastSeen)}::date[]) as x(m, f, l)
          on conflict (model_id, source) do update set
            first_seen = least(model_listings.first_seen, excluded.first_seen),
            last_seen = greatest(model_listings.last_seen, excluded.last_seen),
            snapshot_id = case when ${newerListing(ctx)} then excluded.snapshot_id else model_listings.snapshot_id end,
            as_of = case when ${newerListing(ctx)} then excluded.as_of else model_listings.as_of end
          where excluded.first_seen < model_listings.first_seen or ${newerListing(ctx)}`,
  );
  return counts(rows.length, r);
}

function newerListing(ctx: WriteContext): SQL {
  return sql`((excluded.last_seen, excluded.as_of) > (model_listings.last_seen, model_listings.as_of)
    or ((excluded.last_seen, excluded.as_of) = (model_listings.last_seen, model_listings.as_of)
        and ${ctx.checksum} > (select checksum from snapshots where id = model_listings.snapshot_id)))`;
}

type IdOf = (ref: ModelRef) => number;

const WINDOW_VALUES = [...USAGE_VALUES];

/** Windows are keyed by (model, kind, start, end); a restated window follows the same rule as a day row. */
async function upsertModelWindows(ctx: WriteContext, all: ModelWindowRow[], idOf: IdOf): Promise<RowCounts> {
  const rows = await collapseDuplicates(
    all,
    (r) => `${idOf(r.model)}|${r.periodKind}|${r.periodStart}|${r.periodEnd}`,
    (r) => [r.totalTokens, r.promptTokens, r.completionTokens, r.reasoningTokens, r.cachedTokens, r.requests, r.rounded].map((v) => v ?? "").join("/"),
  );
  return counts(all.length, await inChunks(ctx, rows, (chunk) => {
    const col = (f: (r: ModelWindowRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    return upsertCounting(
      ctx.tx,
      sql`insert into model_usage_window (model_id, period_kind, period_start, period_end, rounded, total_tokens, prompt_tokens,
                                            completion_tokens, reasoning_tokens, cached_tokens, requests, snapshot_id, as_of)
            select m, k, s, e, rd, t, p, c, r, ca, q, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
            from unnest(${col((r) => idOf(r.model))}::int4[], ${col((r) => r.periodKind)}::text[], ${col((r) => r.periodStart)}::date[],
                        ${col((r) => r.periodEnd)}::date[], ${col((r) => String(r.rounded))}::bool[], ${col((r) => r.totalTokens)}::int8[],
                        ${col((r) => r.promptTokens)}::int8[], ${col((r) => r.completionTokens)}::int8[], ${col((r) => r.reasoningTokens)}::int8[],
                        ${col((r) => r.cachedTokens)}::int8[], ${col((r) => r.requests)}::int8[])
              as x(m, k, s, e, rd, t, p, c, r, ca, q)
            on conflict (model_id, period_kind, period_start, period_end) do update set
              rounded = excluded.rounded, total_tokens = excluded.total_tokens, prompt_tokens = excluded.prompt_tokens,
              completion_tokens = excluded.completion_tokens, reasoning_tokens = excluded.reasoning_tokens,
              cached_tokens = excluded.cached_tokens, requests = excluded.requests,
              snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
            where ${newerRow(ctx.checksum, "model_usage_window", WINDOW_VALUES)}`,
    );
  }));
}

async function upsertApps(ctx: WriteContext, snap: ParsedSnapshot): Promise<RowCounts> {
  // The same app may appear several times in one snapshot (one row per model): describe it once.
  const byId = new Map(snap.apps.map((a) => [a.appId, a]));
  await checkAppsKnown(ctx, snap, byId);
  if (!byId.size) return ZERO;
  const json = JSON.stringify(
    [...byId.values()].map((a) => ({ app_id: a.appId, name: a.name, slug: a.slug ?? null, url: a.url ?? null, categories: a.categories ?? null })),
  );
  // The name: the newest description (ties: the larger). Slug, URL, categories: the newest snapshot that
  // states each; omitted (null, or no categories at all) never erases.
  const rowWins = sql`(apps.meta_as_of is null or (excluded.meta_as_of, excluded.name) > (apps.meta_as_of, apps.name))`;
  const facts = (["slug", "url", "categories"] as const).map((f) => ({ f, wins: factWins("apps", f) }));
  const r = await upsertCounting(
    ctx.tx,
    sql`insert into apps (app_id, name, slug, url, categories, meta_as_of, slug_as_of, url_as_of, categories_as_of)
          select app_id, name, slug, url, cats, a, case when slug is not null then a end, case when url is not null then a end,
                 case when cats is not null then a end
          from (select x.*, case when jsonb_typeof(x.categories) = 'array' and jsonb_array_length(x.categories) > 0
                                 then array(select jsonb_array_elements_text(x.categories)) end as cats
                from jsonb_to_recordset(${json}::jsonb) as x(app_id text, name text, slug text, url text, categories jsonb)) y,
               (select ${ctx.asOfIso}::timestamptz as a) as asof
          on conflict (app_id) do update set
            name = case when ${rowWins} then excluded.name else apps.name end,
            meta_as_of = greatest(apps.meta_as_of, excluded.meta_as_of),
            ${sql.join(facts.map(({ f, wins }) => setFact("apps", f, wins)), sql`, `)}
          where ${rowWins} or ${sql.join(facts.map(({ wins }) => wins), sql` or `)}`,
  );
  return counts(byId.size, r);
}

/** An app usage row may name an app described only by an earlier snapshot; anything else is unknown
 * (also when the snapshot describes no app at all). */
async function checkAppsKnown(ctx: WriteContext, snap: ParsedSnapshot, byId: Map<string, unknown>): Promise<void> {
  const referenced = [...new Set(snap.appUsage.map((u) => u.appId))].filter((id) => !byId.has(id));
  if (referenced.length) {
    const known = await rowsOf<{ app_id: string }>(
      ctx.tx,
      sql`select app_id from apps where app_id = any(${textArray(referenced)}::text[])`,
    );
    const knownSet = new Set(known.map((k) => k.app_id));
    const issues = new IssueList();
    for (const u of snap.appUsage) {
      if (!byId.has(u.appId) && !knownSet.has(u.appId)) issues.add(`${u.path}.app`, `unknown app "${u.appId}": declare it in "apps"`);
    }
    issues.throwIfAny("unknown app");
  }
}

async function upsertAppUsage(ctx: WriteContext, all: AppUsageRow[], idOf: IdOf): Promise<RowCounts> {
  const rows = await collapseDuplicates(
    all,
    (r) => `${r.appId}|${r.model ? idOf(r.model) : ""}|${r.periodKind}|${r.periodStart}|${r.periodEnd}|${r.category ?? ""}`,
    (r) => [r.totalTokens, r.requests, r.rank].map((v) => v ?? "").join("/"),
  );
  return counts(all.length, await inChunks(ctx, rows, (chunk) => {
    const col = (f: (r: AppUsageRow) => string | number | null | undefined) => plainArray(chunk.map(f));
    return upsertCounting(
      ctx.tx,
      sql`insert into app_usage (app_id, model_id, period_kind, period_start, period_end, category, total_tokens, requests, rank, snapshot_id, as_of)
            select a, m, k, s, e, g, t, q, r, ${ctx.snapshotId}, ${ctx.asOfIso}::timestamptz
            from unnest(${textArray(chunk.map((r) => r.appId))}::text[], ${col((r) => (r.model ? idOf(r.model) : null))}::int4[],
                        ${col((r) => r.periodKind)}::text[], ${col((r) => r.periodStart)}::date[], ${col((r) => r.periodEnd)}::date[],
                        ${textArray(chunk.map((r) => r.category ?? null))}::text[],
                        ${col((r) => r.totalTokens)}::int8[], ${col((r) => r.requests)}::int8[], ${col((r) => r.rank)}::int4[])
              as x(a, m, k, s, e, g, t, q, r)
            on conflict (app_id, model_id, period_kind, period_start, period_end, category) do update set
              total_tokens = excluded.total_tokens, requests = excluded.requests, rank = excluded.rank,
              snapshot_id = excluded.snapshot_id, as_of = excluded.as_of
            where ${newerRow(ctx.checksum, "app_usage", APP_USAGE_VALUES)}`,
    );
  }));
}

/**
 * The sample is a stand-in: when real data arrives into a database holding only the sample, it goes, its
 * models too (they are not a catalogue). True when it went.
 */
async function replaceSampleData(tx: Db): Promise<boolean> {
  const [r] = await rowsOf<{ sample_only: boolean }>(
    tx,
    sql`select exists(select 1 from snapshots where is_sample) and not exists(select 1 from snapshots where not is_sample) as sample_only`,
  );
  if (!r?.sample_only) return false;
  // Bodies by snapshot id only: this ingest's own body is already stored under a provisional key.
  await tx.execute(sql`delete from snapshot_bodies where snapshot_id in (select id from snapshots)`);
  await tx.execute(sql`truncate app_usage, model_usage_daily, model_usage_window, model_prices, model_listings, apps, models, snapshots, covered_days`);
  return true;
}

export { IngestError };
