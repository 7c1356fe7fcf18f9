/**
 * Provenance of an answer: the snapshots whose rows contributed to its numbers. Query modules collect
 * the snapshot ids inside their aggregations (grouping by snapshot_id costs one extra hash key, not an
 * extra scan) and call `provenanceOf` with them. Citations are stored with {as_of} already substituted.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/lib/db/pg-array";
import { iso } from "@/lib/db/row-values";
import type { Provenance } from "./types";

export const NO_PROVENANCE: Provenance = Object.freeze({ sources: [], asOf: null, citations: [], sample: false }) as Provenance;

/** Snapshot ids arrive as numbers, numeric strings, arrays of them, or Postgres array literals: a clean list. */
export function snapshotIdsOf(values: unknown): number[] {
  const out = new Set<number>();
  const add = (v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach(add);
    if (typeof v === "string" && v.startsWith("{")) return v.slice(1, -1).split(",").forEach(add);
    const n = Number(v);
    if (Number.isSafeInteger(n) && n > 0) out.add(n);
  };
  add(values);
  return [...out].sort((a, b) => a - b);
}

export async function provenanceOf(db: Db, snapshotIds: readonly number[]): Promise<Provenance> {
  const ids = snapshotIdsOf([...snapshotIds]);
  if (!ids.length) return { ...NO_PROVENANCE, sources: [], citations: [] };
  const rows = await rowsOf<{ source: string; as_of: string | Date; citation: string; is_sample: boolean }>(
    db,
    sql`select source, as_of, citation, is_sample from snapshots where id = any(${plainArray(ids)}::int8[]) order by as_of desc, id desc`,
  );
  return mergeProvenance(
    rows.map((r) => ({ sources: [r.source], asOf: iso(r.as_of), citations: [r.citation], sample: Boolean(r.is_sample) })),
  );
}

/** One provenance for answers built from several parts; the newest as_of first, citations newest first. */
export function mergeProvenance(parts: readonly Provenance[]): Provenance {
  const sources = new Set<string>();
  const citations: string[] = [];
  let asOf: string | null = null;
  let sample = false;
  const sorted = [...parts].sort((a, b) => (b.asOf ?? "").localeCompare(a.asOf ?? ""));
  for (const p of sorted) {
    p.sources.forEach((s) => sources.add(s));
    for (const c of p.citations) if (!citations.includes(c)) citations.push(c);
    if (p.asOf && (!asOf || p.asOf > asOf)) asOf = p.asOf;
    sample ||= p.sample;
  }
  return { sources: [...sources].sort(), asOf, citations, sample };
}
