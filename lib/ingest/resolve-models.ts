/**
 * Turns the model references of a snapshot's usage rows into stored model ids, in a fixed number of
 * statements. Source identities (OpenRouter permaslugs) are created when new; names a person typed
 * (canonical snapshots) must match a model declared in the snapshot or already stored.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { textArray } from "@/db/pg-array";
import { IssueList } from "./errors";
import type { ModelRecord, ModelRef, ParsedSnapshot } from "./types";
import { authorOf, splitModelId } from "./values";
import { BUCKET_SLUG } from "@/lib/domain/buckets";
import { eachInSlices } from "./slices";

export const BUCKET = { permaslug: BUCKET_SLUG, variant: "standard" } as const;

export interface ResolvedModels {
  idOf: (ref: ModelRef) => number;
  declaredIds: Map<ModelRecord, number>;
  /** Models created because a usage row named a permaslug the database did not know. */
  created: number;
}

export const identity = (permaslug: string, variant: string) => `${permaslug}:${variant}`;

/**
 * Public id for a permaslug seen only in usage data: the identity itself. Guessing (dropping the dated
 * suffix) makes different permaslugs collide; a catalogue that lists the model sets its real public id.
 */
function derivePublicId(permaslug: string, variant: string): string {
  return variant === "standard" ? permaslug : `${permaslug}:${variant}`;
}

/** A stored model as a typed name may name it. */
export interface StoredName {
  permaslug: string;
  variant: string;
  public_id: string;
}

/** Of several models a name may mean, the first in this order: a catalogue's, then the latest described. */
export const LOOKUP_ORDER = sql`in_catalogue desc, meta_as_of desc nulls last, id desc`;

/**
 * The identity (`permaslug:variant`) a name typed by a person means among `found` (in LOOKUP_ORDER): a
 * public id first, else a permaslug with its `:variant`; the first row of each decides.
 */
export function lookupIndex(found: readonly StoredName[]): (ref: string) => string | undefined {
  const [byPublicId, byPair] = [new Map<string, string>(), new Map<string, string>()];
  for (const f of found) {
    const [key, pair] = [identity(f.permaslug, f.variant), `${f.permaslug}\0${f.variant}`];
    if (!byPublicId.has(f.public_id)) byPublicId.set(f.public_id, key);
    if (!byPair.has(pair)) byPair.set(pair, key);
  }
  return (ref) => {
    const hit = byPublicId.get(ref);
    if (hit !== undefined) return hit;
    const { base, variant } = splitModelId(ref);
    return byPair.get(`${base}\0${variant}`);
  };
}

/** `replacedSample`: this snapshot replaced the sample data, whose models are therefore no longer stored. */
/**
 * `usageRefs`: the distinct references of the model usage rows, when the caller has them (collapseUsage):
 * step 1 then reads those instead of every usage row; rows are read again only to locate an unknown name.
 */
export async function resolveModels(
  tx: Db,
  snap: ParsedSnapshot,
  opts: { replacedSample?: boolean; usageRefs?: readonly ModelRef[] } = {},
): Promise<ResolvedModels> {
  // Every row naming a model, in slices (a snapshot may have 500,000 of them).
  const eachRef = async (each: (ref: ModelRef, path: string) => void, usageRefs?: readonly ModelRef[]) => {
    const usage = usageRefs ? usageRefs.map((model) => ({ model, path: "" })) : snap.modelUsage;
    for (const rows of [usage, snap.appUsage, snap.modelWindows ?? [], snap.priceObservations ?? []] as { model?: ModelRef | null; path: string }[][]) {
      await eachInSlices(rows, (r) => r.model && each(r.model, r.path));
    }
  };

  // 1. Identities the source states: make sure each exists. A public id the source gives replaces a
  //    derived one, never a catalogue's. Names typed by a person are collected for step 2.
  const stated = new Map<string, { permaslug: string; variant: string; bucket: boolean; publicId: string | null }>();
  const lookupSet = new Set<string>();
  await eachRef((ref) => {
    if (ref.kind === "permaslug") {
      const key = identity(ref.permaslug, ref.variant);
      const known = stated.get(key);
      if (known && (ref.publicId === undefined || ref.publicId === null)) return; // nothing new: keep the first
      stated.set(key, { permaslug: ref.permaslug, variant: ref.variant, bucket: false, publicId: ref.publicId ?? known?.publicId ?? null });
    } else if (ref.kind === "bucket") stated.set(identity(BUCKET.permaslug, BUCKET.variant), { ...BUCKET, bucket: true, publicId: BUCKET_SLUG });
    else lookupSet.add(ref.ref);
  }, opts.usageRefs);
  let created = 0;
  if (stated.size) {
    const list = [...stated.values()];
    const [r] = await rowsOf<{ n: number }>(
      tx,
      sql`with up as (
            insert into models (permaslug, variant, kind, public_id, author)
            select p, v, k, coalesce(i, d), a from unnest(${textArray(list.map((m) => m.permaslug))}::text[],
              ${textArray(list.map((m) => m.variant))}::text[], ${textArray(list.map((m) => (m.bucket ? "bucket" : "model")))}::text[],
              ${textArray(list.map((m) => m.publicId))}::text[],
              ${textArray(list.map((m) => derivePublicId(m.permaslug, m.variant)))}::text[],
              ${textArray(list.map((m) => (m.bucket ? "other" : authorOf(m.permaslug))))}::text[]) as x(p, v, k, i, d, a)
            on conflict (permaslug, variant) do update set public_id = excluded.public_id
            where not models.in_catalogue and excluded.public_id is distinct from models.public_id
              and excluded.public_id <> models.permaslug || case when models.variant = 'standard' then '' else ':' || models.variant end
            returning (xmax = 0) as ins)
          select count(*) filter (where ins) as n from up`,
    );
    created = Number(r.n);
  }

  // 2. Names typed by a person: the snapshot's own models first, then any stored public id or permaslug.
  const lookups = [...lookupSet];
  const lookupTarget = new Map<string, string>(); // ref → identity
  for (const m of snap.models) {
    lookupTarget.set(m.publicId, identity(m.permaslug, m.variant));
    if (!lookupTarget.has(identity(m.permaslug, m.variant))) lookupTarget.set(identity(m.permaslug, m.variant), identity(m.permaslug, m.variant));
    if (m.variant === "standard" && !lookupTarget.has(m.permaslug)) lookupTarget.set(m.permaslug, identity(m.permaslug, m.variant));
  }
  const pending = lookups.filter((ref) => !lookupTarget.has(ref));
  if (pending.length) {
    const bases = pending.map((ref) => splitModelId(ref).base);
    const found = await rowsOf<StoredName>(
      tx,
      sql`select permaslug, variant, public_id from models
          where kind = 'model' and (public_id = any(${textArray(pending)}::text[]) or permaslug = any(${textArray(bases)}::text[]))
          order by ${LOOKUP_ORDER}`,
    );
    const targetOf = lookupIndex(found);
    for (const ref of pending) {
      const hit = targetOf(ref);
      if (hit) lookupTarget.set(ref, hit);
    }
  }
  if (lookups.some((ref) => !lookupTarget.has(ref))) {
    const issues = new IssueList();
    await eachRef((ref, path) => {
      if (ref.kind === "lookup" && !lookupTarget.has(ref.ref)) {
        const sample = opts.replacedSample ? " (the sample data's models are not stored ids: this first real snapshot replaces the sample)" : "";
        issues.add(`${path}.model`, `unknown model "${ref.ref}": declare it in "models" or ingest a catalogue that lists it${sample}`);
      }
    });
    issues.throwIfAny("unknown model");
  }

  // 3. One query for the ids of every identity involved.
  const needed = new Set<string>([...stated.keys(), ...lookupTarget.values(), ...snap.models.map((m) => identity(m.permaslug, m.variant))]);
  const pairs = [...needed].map((k) => {
    const i = k.lastIndexOf(":");
    return [k.slice(0, i), k.slice(i + 1)] as const;
  });
  const ids = new Map<string, number>();
  if (pairs.length) {
    const rows = await rowsOf<{ id: number; permaslug: string; variant: string }>(
      tx,
      sql`select m.id, m.permaslug, m.variant from models m
          join unnest(${textArray(pairs.map((p) => p[0]))}::text[], ${textArray(pairs.map((p) => p[1]))}::text[]) as x(p, v)
            on m.permaslug = x.p and m.variant = x.v`,
    );
    for (const r of rows) ids.set(identity(r.permaslug, r.variant), Number(r.id));
  }

  const idOfIdentity = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`model ${key} was not stored`); // a bug, not bad input
    return id;
  };
  return {
    created,
    declaredIds: new Map(snap.models.map((m) => [m, idOfIdentity(identity(m.permaslug, m.variant))])),
    idOf: (ref) =>
      ref.kind === "bucket"
        ? idOfIdentity(identity(BUCKET.permaslug, BUCKET.variant))
        : ref.kind === "permaslug"
          ? idOfIdentity(identity(ref.permaslug, ref.variant))
          : idOfIdentity(lookupTarget.get(ref.ref)!),
  };
}
