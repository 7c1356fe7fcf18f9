/**
 * Retraction: a source withdraws a snapshot (the weekly tracker deleted 39 weeks whose splits it had
 * assumed). Every figure the snapshot set must fall back to what the remaining snapshots say, exactly as if
 * it had never been ingested — but a restatement overwrote the older values it replaced, so nothing short
 * of the remaining snapshots themselves knows them. So, in one transaction under the ingest lock: the
 * snapshot goes, every table derived from snapshots is emptied (the rollups follow through their truncate
 * triggers; identities restart), and the remaining snapshots are written again from their stored bodies,
 * oldest id first, keeping their ids, as_of and checksums. Ingest is order-independent, so this is the state
 * the remaining snapshots alone produce (test/integration/retraction.test.ts compares full table dumps).
 *
 * Cost: a retraction re-reads every stored snapshot — minutes, not milliseconds, at the benchmark's 10M rows.
 * Permalinks are untouched: pinned ones keep the data they pinned, live ones follow.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { forgetDataVersion, isEmbedded } from "@/db/data-version";
import { ApiError } from "@/lib/domain/api-error";
import { iso } from "@/db/row-values";
import { readBody } from "./body-parts";
import { parseSnapshot } from "./detect";
import { CHUNK, EMBEDDED_CHUNK, INGEST_LOCK, writeRows } from "./write";
import { turnBeforeEachStatement } from "./slices";

export interface RetractSummary {
  retracted: { snapshotId: number; format: string; source: string; asOf: string; checksum: string };
  /** Remaining snapshots written again from their bodies. */
  replayed: number;
  /** The new data version (ETags and cached answers move on). */
  version: number;
}

interface StoredRow {
  id: string | number;
  format: string;
  source: string;
  as_of: unknown;
  checksum: string;
  is_sample: boolean;
}

export async function retractSnapshot(db: Db, snapshotId: number): Promise<RetractSummary> {
  const embedded = isEmbedded(db);
  try {
    return await db.transaction(async (transaction) => {
      const tx = embedded ? turnBeforeEachStatement(transaction) : transaction;
      await tx.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK})`);
      const [target] = await rowsOf<StoredRow>(tx, sql`select id, format, source, as_of, checksum, is_sample from snapshots where id = ${snapshotId}`);
      if (!target) throw new ApiError(404, `no snapshot ${snapshotId}`, [{ path: "id", message: "no such snapshot (never ingested, or already retracted)" }]);
      if (target.is_sample) throw new ApiError(409, "the sample data is not retracted: it is replaced by the first real snapshot");
      const missing = await rowsOf<{ id: string | number }>(
        tx,
        sql`select s.id from snapshots s left join snapshot_bodies b on b.snapshot_id = s.id where s.id <> ${snapshotId} and b.snapshot_id is null order by s.id limit 20`,
      );
      if (missing.length) {
        throw new ApiError(409, "cannot retract: some remaining snapshots were stored before bodies were kept, so they cannot be replayed", missing.map((m) => ({ path: `snapshots[${Number(m.id)}]`, message: "no stored body: re-ingest it first" })));
      }

      const [{ version }] = await rowsOf<{ version: string | number }>(
        tx,
        sql`insert into retractions (version, snapshot_id, format, source, as_of, checksum)
            values (nextval(pg_get_serial_sequence('snapshots', 'id')), ${snapshotId}, ${target.format}, ${target.source}, ${iso(target.as_of)}::timestamptz, ${target.checksum})
            returning version`,
      );
      await tx.execute(sql`truncate model_usage_daily, model_usage_window, model_prices, model_listings, app_usage, apps, models, covered_days restart identity`);
      await tx.execute(sql`delete from snapshot_bodies where snapshot_id = ${snapshotId}`);
      await tx.execute(sql`delete from snapshots where id = ${snapshotId}`);

      const remaining = await rowsOf<{ id: string | number; as_of: unknown; checksum: string }>(tx, sql`select id, as_of, checksum from snapshots order by id`);
      for (const s of remaining) {
        const b = (await readBody(tx, Number(s.id)))!; // every remaining snapshot has one (checked above)
        const snap = parseSnapshot(b.text, { asOf: b.callerAsOf ? new Date(iso(b.callerAsOf)) : null });
        const id = Number(s.id);
        await writeRows({ tx, snapshotId: id, asOfIso: iso(s.as_of), chunk: embedded ? EMBEDDED_CHUNK : CHUNK, embedded, checksum: s.checksum }, snap);
      }
      return {
        retracted: { snapshotId, format: target.format, source: target.source, asOf: iso(target.as_of), checksum: target.checksum },
        replayed: remaining.length,
        version: Number(version),
      };
    });
  } finally {
    forgetDataVersion(db);
  }
}
