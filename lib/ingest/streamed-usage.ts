/**
 * Daily model usage written while it is parsed (Postgres only). A model-usage CSV announces its provenance
 * before its rows (lib/ingest/formats/modelshare-csv.ts); the writer then claims the snapshot under the
 * ingest lock and opens one COPY into model_usage_daily that takes each slice of rows as the parser reads
 * it, so Postgres writes while Node parses instead of after (issue 15: a first request's parse was a fifth
 * of a raw COPY's time, spent before anything was written).
 *
 * Only rows that are surely plain inserts go this way: a name the stored models resolve, on a day no stored
 * row has, the first of its (day, model). Every other row, and every check (conflicting repeats, monthly
 * sums, unknown names), is left to the usual path after the parse (lib/ingest/model-usage.ts), which skips
 * the keys written here. A parse or check that fails rolls the transaction back, COPY included, and its
 * error is the answer even if the COPY failed first (a month above bigint's limit fails both); a COPY that
 * fails with every check passed is a bug, answered 500.
 *
 * PGlite runs statements on this thread, so nothing would be gained: there rows are written after the parse,
 * in small statements.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { copyInto } from "@/db/copy";
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, provenanceFields, rowBytes } from "@/db/copy-binary";
import type { ModelRef, ModelUsageRow, SnapshotHead, UsageFeed } from "./types";
import type { IngestSummary, WriteContext } from "./write";
import { identity, lookupIndex, LOOKUP_ORDER, type StoredName } from "./resolve-models";
import { nextTurn } from "./slices";
import { encodeUsageValues, USAGE_VALUES, type UsageValue } from "./model-usage";

/** The (day, model id) keys written while parsing: a set of model ids per day (rows come a day at a time). */
export class StreamedKeys {
  private readonly byDay = new Map<string, Set<number>>();
  private lastDay = "";
  private last: Set<number> | undefined;
  count = 0;

  /** False when the key was written already. */
  add(day: string, modelId: number): boolean {
    let ids = this.idsOf(day);
    if (!ids) this.byDay.set(day, (ids = this.last = new Set()));
    if (ids.has(modelId)) return false;
    ids.add(modelId);
    this.count++;
    return true;
  }

  has(day: string, modelId: number): boolean {
    return this.idsOf(day)?.has(modelId) ?? false;
  }

  private idsOf(day: string): Set<number> | undefined {
    if (day !== this.lastDay) [this.lastDay, this.last] = [day, this.byDay.get(day)];
    return this.last;
  }
}

/** The snapshot a head claimed: its write context, or the answer for a snapshot stored before. */
export type Claimed = { ctx: WriteContext; replacedSample: boolean } | { duplicate: IngestSummary };

/** What was written while parsing: the claim, and the keys written (none for a snapshot stored before). */
interface Followed {
  claimed: Claimed;
  streamed?: StreamedKeys;
}

export interface FollowedParse {
  /** For the parser (ParseContext.usageFeed). */
  feed: UsageFeed;
  /** The parse failed: no more rows are written and the COPY is abandoned (the transaction rolls back). */
  abandon(): Promise<void>;
  /** The parse is over with `rows`: the rest of them are written, then the claim and keys are returned
   * (null when the parser announced no head: the snapshot is written the usual way). */
  finish(rows: readonly ModelUsageRow[]): Promise<(Followed & { head: SnapshotHead }) | null>;
}

/** Follows a parse: claims the snapshot (`claim`) once its head is known, then writes its rows as they come. */
export function followParse(claim: (head: SnapshotHead) => Promise<Claimed>): FollowedParse {
  const rows = new RowsSoFar();
  let head: SnapshotHead | null = null;
  let writing: Promise<Followed> | null = null;
  // The parse waits for the claim: on two cores, storing the body and taking the lock go faster with the
  // event loop free than between slices of the parse, and rows read meanwhile would only wait in memory.
  let claiming: Promise<void> | null = null;
  return {
    feed: {
      head(h, values) {
        head = h;
        rows.values = USAGE_VALUES.filter((c) => values.includes(c));
        const claimed = claim(h);
        claiming = claimed.then(() => undefined);
        claiming.catch(() => undefined); // a parse of one slice never waits for it
        writing = claimed.then(async (c) => ({ claimed: c, streamed: "ctx" in c ? await copyAsParsed(c.ctx, rows) : undefined }));
        writing.catch(() => undefined); // awaited by finish or abandon
      },
      slice(r) {
        rows.grew(r);
        const wait = claiming;
        claiming = null;
        return wait ?? undefined;
      },
    },
    async abandon() {
      rows.fail();
      await writing?.catch(() => undefined);
    },
    async finish(all) {
      rows.end(all);
      return writing && head ? { head, ...(await writing) } : null;
    },
  };
}

/** The parser's rows so far, and a wait for more. */
class RowsSoFar {
  rows: readonly ModelUsageRow[] = [];
  /** The usage columns the rows may state. */
  values: readonly UsageValue[] = USAGE_VALUES;
  ended = false;
  failed = false;
  private wake: (() => void) | null = null;

  grew(rows: readonly ModelUsageRow[]): void {
    this.rows = rows;
    this.poke();
  }
  end(rows: readonly ModelUsageRow[]): void {
    this.rows = rows;
    this.ended = true;
    this.poke();
  }
  fail(): void {
    this.failed = this.ended = true;
    this.poke();
  }
  more(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

async function copyAsParsed(ctx: WriteContext, rows: RowsSoFar): Promise<StreamedKeys> {
  const written = new StreamedKeys();
  if (rows.failed) return written;
  const eligible = await plainInserts(ctx.tx, written);
  const columns = ["day", "model_id", ...rows.values, "snapshot_id", "as_of"];
  await copyInto(ctx.tx, "model_usage_daily", columns, encoded(ctx, rows, eligible), false);
  return written;
}

/** Rows encoded between two turns of the event loop: deciding and encoding one costs a few microseconds. */
const ENCODE_SLICE = 5_000;

/** COPY's binary stream of the rows `idOfEligible` admits, slice by slice as the parser reads them. */
async function* encoded(ctx: WriteContext, rows: RowsSoFar, idOfEligible: (r: ModelUsageRow) => number | null): AsyncGenerator<Buffer> {
  const provenance = provenanceFields(ctx.snapshotId, ctx.asOfIso);
  const width = 4 + rows.values.length;
  yield COPY_BINARY_HEADER;
  let next = 0;
  for (;;) {
    if (rows.failed) throw new Error("the snapshot was refused while it was written"); // ends the COPY (CopyFail)
    if (next < rows.rows.length) {
      const to = Math.min(rows.rows.length, next + ENCODE_SLICE);
      const out = new BinaryRows((to - next) * rowBytes(width));
      for (let i = next; i < to; i++) {
        const r = rows.rows[i];
        const id = idOfEligible(r);
        if (id === null) continue;
        out.row(width);
        out.date(r.day);
        out.int4(id);
        encodeUsageValues(out, r, rows.values);
        out.raw(provenance);
      }
      next = to;
      yield out.done();
      await nextTurn();
    } else if (rows.ended) break;
    else await rows.more();
  }
  yield COPY_BINARY_TRAILER;
}

/**
 * Decides, row by row in parse order, which rows are surely plain inserts, and notes their keys in
 * `written`: the model id to write, or null for a row left to the usual path. Everything it needs is read
 * before the COPY starts (the connection is the COPY's until it ends): every stored model's names, and every
 * day that holds a stored row. A model-usage CSV declares no models, so a name means a stored model or none
 * (lib/ingest/resolve-models.ts, step 2, with the same order and index).
 */
async function plainInserts(tx: Db, written: StreamedKeys): Promise<(r: ModelUsageRow) => number | null> {
  const models = await rowsOf<StoredName & { id: number }>(tx, sql`select id, permaslug, variant, public_id from models where kind = 'model' order by ${LOOKUP_ORDER}`);
  const idByIdentity = new Map(models.map((m) => [identity(m.permaslug, m.variant), Number(m.id)]));
  const targetOf = lookupIndex(models);
  const storedDays = new Set((await rowsOf<{ day: string }>(tx, STORED_DAYS)).map((d) => d.day));
  const ids = new Map<ModelRef, number | null>(); // parsers share one reference object per name
  const idOf = (ref: ModelRef): number | null => {
    let id = ids.get(ref);
    if (id === undefined) {
      const target = ref.kind === "lookup" ? targetOf(ref.ref) : undefined;
      id = (target === undefined ? undefined : idByIdentity.get(target)) ?? null;
      if (ids.size < 100_000) ids.set(ref, id);
    }
    return id;
  };
  let [day, fresh] = ["", false];
  return (r) => {
    if (r.day !== day) [day, fresh] = [r.day, !storedDays.has(r.day)];
    const id = fresh ? idOf(r.model) : null;
    if (id === null || !written.add(r.day, id)) return null; // a repeat: collapsed (or refused) by the usual path
    return id;
  };
}

/** Every day holding a stored row: a walk down the primary key (day, model_id), one probe per day. */
const STORED_DAYS = sql`with recursive d(day) as (
    select min(day) from model_usage_daily
    union all
    select (select min(u.day) from model_usage_daily u where u.day > d.day) from d where d.day is not null)
  select to_char(day, 'YYYY-MM-DD') as day from d where day is not null`;
