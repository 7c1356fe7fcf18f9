/**
 * The models index (`/models`): every model of the catalogue with its vendor, launch, context, prices, free
 * variant and tokens in the range, filtered and sorted by the page's own parameters. Pure: the page loads the
 * catalogue once (lib/queries/models listModels) and this decides what is shown, so it is tested without a
 * database. Search text is matched as the search box matches it (lib/queries/search-text.ts).
 */
import type { ModelListItem } from "@/lib/queries/types";
import { modelCandidate } from "@/lib/queries/search";
import { matchTokens, searchTokens } from "@/lib/queries/search-text";
import { vendorName } from "@/lib/domain/vendors";

export const SORT_KEYS = ["tokens", "name", "author", "launch", "context", "input", "output"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
/** Minimum context windows offered by the filter. */
export const CONTEXT_MINIMUMS = [32_000, 128_000, 200_000, 1_000_000] as const;
export const PRICE_FILTERS = ["all", "free", "paid"] as const;
export type PriceFilter = (typeof PRICE_FILTERS)[number];

export interface ModelsIndexQuery {
  q: string;
  author: string | null;
  price: PriceFilter;
  minContext: number | null;
  sort: SortKey;
  dir: SortDir;
}

export const MODELS_INDEX_DEFAULTS: ModelsIndexQuery = { q: "", author: null, price: "all", minContext: null, sort: "tokens", dir: "desc" };

/** Columns whose natural first order is ascending (text); numbers start from the largest. */
const ASCENDING_FIRST: ReadonlySet<SortKey> = new Set(["name", "author"]);

export function defaultDir(key: SortKey): SortDir {
  return ASCENDING_FIRST.has(key) ? "asc" : "desc";
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The index's parameters from the address; anything unreadable falls back to the default (pages never fail on a link). */
export function parseModelsIndexQuery(params: Params): ModelsIndexQuery {
  const q = one(params.q).trim().slice(0, 100);
  const author = one(params.author).trim();
  const price = one(params.price) as PriceFilter;
  const ctx = Number(one(params.context));
  const sort = one(params.sort) as SortKey;
  const dir = one(params.dir);
  const sortKey = SORT_KEYS.includes(sort) ? sort : MODELS_INDEX_DEFAULTS.sort;
  return {
    q,
    author: /^[~\w.-]{1,100}$/.test(author) ? author : null,
    price: PRICE_FILTERS.includes(price) ? price : "all",
    minContext: (CONTEXT_MINIMUMS as readonly number[]).includes(ctx) ? ctx : null,
    sort: sortKey,
    dir: dir === "asc" || dir === "desc" ? dir : defaultDir(sortKey),
  };
}

export interface IndexRow extends ModelListItem {
  /** A free variant of the same model exists (or this row is one). */
  hasFree: boolean;
}

function num(v: string | number | null): number | null {
  return v === null ? null : Number(v);
}

/** Compares two rows by a column; missing values always last, whatever the direction; then by id. */
function comparer(key: SortKey, dir: SortDir): (a: IndexRow, b: IndexRow) => number {
  const sign = dir === "asc" ? 1 : -1;
  const value = (r: IndexRow): string | number | bigint | null => {
    switch (key) {
      case "tokens":
        return BigInt(r.tokens);
      case "name":
        return (r.name ?? r.publicId).toLowerCase();
      case "author":
        return vendorName(r.author).toLowerCase();
      case "launch":
        return r.launchDate;
      case "context":
        return r.contextLength;
      case "input":
        return num(r.inputPerM);
      case "output":
        return num(r.outputPerM);
    }
  };
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0;
  };
}

/** The rows the index shows for a query, in order. */
export function modelsIndexRows(models: readonly ModelListItem[], q: ModelsIndexQuery): IndexRow[] {
  const freeSlugs = new Set(models.filter((m) => m.free).map((m) => m.permaslug));
  const query = searchTokens(q.q);
  return models
    .map((m) => ({ ...m, hasFree: m.free || freeSlugs.has(m.permaslug) }))
    .filter((m) => !q.author || m.author === q.author)
    .filter((m) => (q.price === "free" ? m.free : q.price === "paid" ? !m.free : true))
    .filter((m) => q.minContext === null || (m.contextLength ?? 0) >= q.minContext)
    .filter((m) => {
      if (!query.length) return true;
      const c = modelCandidate(m);
      return matchTokens(query, c.primary, c.extra) !== null;
    })
    .sort(comparer(q.sort, q.dir));
}

/** The index's address for a query: only values that differ from the defaults (and the range, kept as given). */
export function modelsIndexHref(q: ModelsIndexQuery, range: { from?: string | null; to?: string | null } = {}): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.author) p.set("author", q.author);
  if (q.price !== "all") p.set("price", q.price);
  if (q.minContext !== null) p.set("context", String(q.minContext));
  if (q.sort !== MODELS_INDEX_DEFAULTS.sort) p.set("sort", q.sort);
  if (q.dir !== defaultDir(q.sort)) p.set("dir", q.dir);
  if (range.from) p.set("from", range.from);
  if (range.to) p.set("to", range.to);
  const s = p.toString();
  return s ? `/models?${s}` : "/models";
}
