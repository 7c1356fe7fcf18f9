/** Ingest entry point shared by POST /api/ingest, the CLI and the collector: text in, summary out. */
import { createHash } from "node:crypto";
import type { Db } from "@/db";
import { checkAsOfNotFutureOrThrow } from "./as-of";
import { parseSnapshotInSlices } from "./detect";
import { oneAtATime } from "./one-at-a-time";
import { prepareUsage, writeSnapshot, type IngestSummary } from "./write";

export type { IngestSummary } from "./write";
export { IngestError } from "./errors";

export interface IngestOptions {
  /** as_of for formats that carry none (the models catalogue, tracker CSVs); ignored when the body has one. */
  asOf?: Date | null;
  contentType?: string | null;
  /** Time of receipt; defaults to now. The as_of of last resort. */
  receivedAt?: Date;
  /** Progress of a long ingest (the CLI shows it on a terminal): rows parsed, then model-day rows written. */
  onProgress?: (p: IngestProgress) => void;
  /** The category an app-rankings body was asked for (its body does not say); part of the snapshot's identity. */
  category?: string | null;
}

export type IngestProgress = { stage: "parsed"; rows: number } | { stage: "written"; rows: number; of: number };

export async function ingestText(db: Db, text: string, opts: IngestOptions = {}): Promise<IngestSummary> {
  const category = opts.category ?? null;
  const receivedAt = opts.receivedAt ?? new Date();
  const { snapshot, usage, checksum } = await oneAtATime(async () => {
    // Large CSV bodies are read in slices with event-loop turns between them (reads keep being answered).
    const snapshot = await parseSnapshotInSlices(text, { asOf: opts.asOf ?? null, contentType: opts.contentType ?? null, category });
    opts.onProgress?.({ stage: "parsed", rows: snapshot.modelUsage.length + snapshot.appUsage.length + snapshot.models.length });
    const asOf = snapshot.asOf ?? opts.asOf ?? receivedAt;
    checkAsOfNotFutureOrThrow(asOf, receivedAt, snapshot.asOfFromBody === false || !snapshot.asOf ? "query.asOf" : "as_of");
    // A body that states its own date is the same snapshot whatever the caller passes; otherwise the
    // caller's as_of is part of its identity.
    const datedByBody = snapshot.asOf !== null && snapshot.asOfFromBody !== false;
    // The same app-rankings body sent for two categories is two snapshots (each category's rows are its own).
    const checksum = snapshotChecksum(category ? `${text}\0category=${category}` : text, datedByBody ? null : (opts.asOf ?? null));
    return { snapshot, usage: await prepareUsage(snapshot), checksum };
  });
  const onProgress = opts.onProgress;
  return writeSnapshot(db, snapshot, {
    checksum,
    fallbackAsOf: snapshot.asOf ?? opts.asOf ?? receivedAt,
    usage,
    onUsageWritten: onProgress && ((rows, of) => onProgress({ stage: "written", rows, of })),
    body: { text, callerAsOf: opts.asOf ?? null },
  });
}

/**
 * A snapshot's identity. For formats without a date of their own, the caller's as_of is part of it (the
 * same catalogue stated for another day is another snapshot); pass null for a dated body.
 */
export function snapshotChecksum(text: string, callerAsOf: Date | null): string {
  return createHash("sha256").update(text).update(`\0${callerAsOf?.toISOString() ?? ""}`).digest("hex");
}

/** One line a person can read, for the CLI and logs. */
export function describeSummary(s: IngestSummary, label = ""): string {
  const r = s.rows;
  const part = (name: string, c: { rows: number; inserted: number; updated: number; unchanged: number }) =>
    c.rows ? `${name} ${c.rows} (+${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged)` : "";
  const parts = [
    part("model-days", r.modelUsage),
    part("app-periods", r.appUsage),
    part("models", r.models),
    part("prices", r.prices),
    part("apps", r.apps),
  ].filter(Boolean);
  const head = `${label ? label + ": " : ""}snapshot #${s.snapshotId} ${s.format} as of ${s.asOf}`;
  return s.duplicate ? `${head}: already ingested, nothing changed` : `${head}: ${parts.join("; ") || "no rows"}; ${s.modelsCreated} models created`;
}
