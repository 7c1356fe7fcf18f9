/**
 * Provenance of an answer: the snapshots whose rows contributed to its numbers. Query modules collect
 * the snapshot ids inside their aggregations (grouping by snapshot_id costs one extra hash key, not an
 * extra scan) and call `provenanceOf` with them. Citations are stored with {as_of} already substituted.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import { iso } from "@/db/row-values";
import type { Provenance } from "./types";

const NO_PROVENANCE: Provenance = Object.freeze({ sources: [], asOf: null, citations: [], sample: false }) as Provenance;

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

interface SnapshotMeta {
  source: string;
  asOf: string;
  citation: string;
  sample: boolean;
}

/**
 * Snapshot descriptions per database handle. A snapshot's source, as_of, citation and sample flag never
 * change once committed (ingest only inserts snapshots; the sample's are deleted whole when real data replaces
 * them, and a deleted snapshot is never asked for again), so each is read once per process: warm answers
 * skip that round trip. Keyed by the Db object, so several databases in one process never mix.
 */
const metaCache = new WeakMap<Db, Map<number, SnapshotMeta>>();

export async function provenanceOf(db: Db, snapshotIds: readonly number[]): Promise<Provenance> {
  const ids = snapshotIdsOf([...snapshotIds]);
  if (!ids.length) return { ...NO_PROVENANCE, sources: [], citations: [] };
  let cache = metaCache.get(db);
  if (!cache) metaCache.set(db, (cache = new Map()));
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await rowsOf<{ id: number | string; source: string; as_of: string | Date; citation: string; is_sample: boolean }>(
      db,
      sql`select id, source, as_of, citation, is_sample from snapshots where id = any(${plainArray(missing)}::int8[])`,
    );
    for (const r of rows) cache.set(Number(r.id), { source: r.source, asOf: iso(r.as_of), citation: r.citation, sample: Boolean(r.is_sample) });
  }
  const metas = ids.map((id) => cache.get(id)).filter((m): m is SnapshotMeta => Boolean(m));
  return mergeProvenance(metas.map((m) => ({ sources: [m.source], asOf: m.asOf, citations: [m.citation], sample: m.sample })));
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
