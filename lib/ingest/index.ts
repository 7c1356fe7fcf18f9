/** Ingest entry point shared by POST /api/ingest, the CLI and the collector: text in, summary out. */
import { createHash } from "node:crypto";
import type { Db } from "@/db";
import { checkAsOfNotFutureOrThrow } from "./as-of";
import { parseSnapshotInSlices } from "./detect";
import { awaitTurn } from "./one-at-a-time";
import { prepareUsage, writePrepared, type IngestSummary, type PreparedSnapshot } from "./write";
import type { UsageFeed } from "./types";

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
  const receivedAt = opts.receivedAt ?? new Date();
  // The same app-rankings body sent for two categories is two snapshots (each category's rows are its own).
  const identified = opts.category ? `${text}\0category=${opts.category}` : text;
  // Without a caller's as_of, the identity does not depend on what parsing finds.
  const knownChecksum = opts.asOf ? null : snapshotChecksum(identified, null);
  const onProgress = opts.onProgress;
  const endTurn = await awaitTurn();
  try {
    const prepare = async (usageFeed?: UsageFeed): Promise<PreparedSnapshot> => {
      try {
        // Large CSV bodies are read in slices with event-loop turns between them (reads keep being answered);
        // the writer may follow the parse, writing rows as they are read (lib/ingest/streamed-usage.ts).
        const snap = await parseSnapshotInSlices(text, { asOf: opts.asOf ?? null, contentType: opts.contentType ?? null, category: opts.category ?? null, usageFeed });
        onProgress?.({ stage: "parsed", rows: snap.modelUsage.length + snap.appUsage.length + snap.models.length });
        const asOf = snap.asOf ?? opts.asOf ?? receivedAt;
        checkAsOfNotFutureOrThrow(asOf, receivedAt, snap.asOfFromBody === false || !snap.asOf ? "query.asOf" : "as_of");
        // A body that states its own date is the same snapshot whatever the caller passes; otherwise the
        // caller's as_of is part of its identity.
        const datedByBody = snap.asOf !== null && snap.asOfFromBody !== false;
        const checksum = knownChecksum ?? snapshotChecksum(identified, datedByBody ? null : (opts.asOf ?? null));
        return { snap, usage: await prepareUsage(snap), checksum, fallbackAsOf: asOf };
      } finally {
        endTurn(); // the next snapshot is prepared while this one waits for the lock and writes
      }
    };
    return await writePrepared(db, prepare, {
      knownChecksum,
      onUsageWritten: onProgress && ((rows, of) => onProgress({ stage: "written", rows, of })),
      body: { text, callerAsOf: opts.asOf ?? null },
    });
  } finally {
    endTurn();
  }
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
