/**
 * Search over models, apps and vendors (GET /api/v1/search, the header's search box, the compare picker).
 *
 * Text is read by lib/queries/search-text.ts (word order, punctuation and version spellings do not matter).
 * Ranking is deterministic: match quality (exact tokens over prefixes over substrings), then subjects the
 * query names whole ("google" → the vendor before its models), then standard variants before `:free` or
 * `:thinking`, then tokens over the last 90 days of data, then vendors, models, apps, then the id.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { appHref, modelHref, vendorHref } from "@/lib/domain/hrefs";
import { vendorName } from "@/lib/domain/vendors";
import { cleanText, shortName } from "@/lib/labels";
import { getDataBounds, resolveRangeWith } from "@/lib/view/range";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { getLatestWindows } from "./app-volume";
import { modelsWithTokens } from "./models";
import { matchTokens, searchTokens, tokenMatch, type TextMatch } from "./search-text";
import type { ModelListItem } from "./types";
import { perDataVersion } from "./version-memo";

export type SearchKind = "vendor" | "model" | "app";
const KIND_ORDER: Record<SearchKind, number> = { vendor: 0, model: 1, app: 2 };

export interface SearchHit {
  kind: SearchKind;
  /** Model public id, app id or vendor slug. */
  id: string;
  /** As people write it: the model's or app's name, the vendor's name. */
  label: string;
  /** Model: its vendor; app: its categories; vendor: how many models. */
  detail: string;
  href: string;
  /** Tokens over the last 90 days of data (apps: their newest source window); "0" when none. */
  tokens: string;
}

export interface SearchResult {
  q: string;
  /** Every kind together, best first. */
  hits: SearchHit[];
  models: SearchHit[];
  apps: SearchHit[];
  vendors: SearchHit[];
}

export interface Candidate {
  hit: SearchHit;
  primary: string[];
  extra: string[];
  /** Standard variants before `:free`, `:thinking`… of the same model. */
  standard: boolean;
}

interface Ranked {
  c: Candidate;
  m: TextMatch;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.m.quality - a.m.quality ||
    Number(b.m.complete) - Number(a.m.complete) ||
    Number(b.c.standard) - Number(a.c.standard) ||
    compareTokens(b.c.hit.tokens, a.c.hit.tokens) ||
    KIND_ORDER[a.c.hit.kind] - KIND_ORDER[b.c.hit.kind] ||
    (a.c.hit.id < b.c.hit.id ? -1 : a.c.hit.id > b.c.hit.id ? 1 : 0)
  );
}

/** Decimal token strings compared exactly. */
function compareTokens(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x > y ? 1 : x < y ? -1 : 0;
}

/** Ranks candidates against a query; pure, so ranking is tested without a database. */
export function rankCandidates(q: string, candidates: Candidate[], limit: number): SearchHit[] {
  const query = searchTokens(q);
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const m = matchTokens(query, c.primary, c.extra);
    if (m) ranked.push({ c, m });
  }
  return ranked.sort(compareRanked).slice(0, limit).map((r) => r.c.hit);
}

export function modelCandidate(m: ModelListItem): Candidate {
  const local = m.publicId.slice(m.publicId.indexOf("/") + 1);
  return {
    hit: { kind: "model", id: m.publicId, label: shortName(m.name, m.publicId), detail: vendorName(m.author), href: modelHref(m.publicId), tokens: m.tokens },
    primary: searchTokens(local),
    extra: [...searchTokens(m.name ?? ""), ...searchTokens(m.permaslug), ...searchTokens(m.author), ...searchTokens(vendorName(m.author))],
    standard: m.variant === "standard",
  };
}

export function vendorCandidate(author: string, models: number, tokens: string): Candidate {
  const name = vendorName(author);
  return {
    hit: { kind: "vendor", id: author, label: name, detail: `${models} model${models === 1 ? "" : "s"}`, href: vendorHref(author), tokens },
    primary: searchTokens(name),
    extra: searchTokens(author),
    standard: true,
  };
}

export function appCandidate(app: { appId: string; name: string; categories: string[] | null }, tokens: string): Candidate {
  return {
    hit: { kind: "app", id: app.appId, label: cleanText(app.name), detail: (app.categories ?? []).join(", "), href: appHref(app.appId), tokens },
    primary: searchTokens(app.name),
    extra: [app.appId],
    standard: true,
  };
}

/** Candidates with, for each distinct token, the candidates holding it. */
export interface SearchIndex {
  candidates: Candidate[];
  postings: Map<string, number[]>;
  /** Distinct tokens that are not numbers: the only ones a word of a query can match. */
  words: string[];
  /** Number tokens ("3.7", "2025") sorted, and by their digits ("37"): a number in a query matches these only. */
  numbers: string[];
  numbersByDigits: Map<string, string[]>;
}

const NUMBER = /^[\d.]+$/;
const digitsOf = (n: string) => n.replace(/\./g, "");

export function indexCandidates(candidates: Candidate[]): SearchIndex {
  const postings = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    for (const t of new Set([...c.primary, ...c.extra])) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  const tokens = [...postings.keys()];
  const numbers = tokens.filter((t) => NUMBER.test(t)).sort();
  const numbersByDigits = new Map<string, string[]>();
  for (const n of numbers) {
    const same = numbersByDigits.get(digitsOf(n));
    if (same) same.push(n);
    else numbersByDigits.set(digitsOf(n), [n]);
  }
  return { candidates, postings, words: tokens.filter((t) => !NUMBER.test(t)), numbers, numbersByDigits };
}

/** The distinct tokens `qt` matches (search-text.ts tokenMatch > 0), found without testing every number. */
function tokensMatching(qt: string, index: SearchIndex): string[] {
  if (!NUMBER.test(qt)) return index.words.filter((t) => tokenMatch(qt, t) > 0);
  // Exact (dots aside), then the versions it begins ("3" → 3.5, 3.7): a run of the sorted numbers.
  const out = [...(index.numbersByDigits.get(digitsOf(qt)) ?? [])];
  const prefix = `${qt}.`;
  let lo = 0;
  let hi = index.numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.numbers[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < index.numbers.length && index.numbers[i].startsWith(prefix); i++) out.push(index.numbers[i]);
  return [...new Set(out)];
}

/**
 * The candidates that can match `q`: a match needs every query token to match some token of the candidate,
 * so the candidates holding a token that the most selective query token matches are a superset of the
 * matches. Looking up distinct tokens instead of every candidate's tokens keeps a query cheap as the
 * catalogue grows (README Benchmarks, search cases).
 */
export function narrowCandidates(q: string, index: SearchIndex): Candidate[] {
  let narrowest: string[] = [];
  let narrowestSize = Infinity;
  for (const qt of searchTokens(q)) {
    const matched = tokensMatching(qt, index);
    const size = matched.reduce((n, t) => n + index.postings.get(t)!.length, 0);
    if (size < narrowestSize) [narrowest, narrowestSize] = [matched, size];
  }
  const ids = new Set(narrowest.flatMap((t) => index.postings.get(t)!));
  return [...ids].map((i) => index.candidates[i]);
}

/** Every model, app and vendor as search candidates, with the tokens that order equal matches. */
async function loadCandidates(db: Db): Promise<Candidate[]> {
  const range = resolveRangeWith(await getDataBounds(db), DEFAULT_VIEW);
  const [{ models }, apps, windows] = await Promise.all([
    modelsWithTokens(db, { from: range.empty ? null : range.from, to: range.empty ? null : range.to }),
    rowsOf<{ app_id: string; name: string; categories: string[] | null }>(db, sql`select app_id, name, categories from apps`),
    getLatestWindows(db, { allModels: true, limit: 100_000 }),
  ]);
  const vendors = new Map<string, { models: number; tokens: bigint }>();
  for (const m of models) {
    const v = vendors.get(m.author) ?? { models: 0, tokens: BigInt(0) };
    vendors.set(m.author, { models: v.models + 1, tokens: v.tokens + BigInt(m.tokens) });
  }
  const appTokens = new Map(windows.map((w) => [w.appId, w.tokens]));
  return [
    ...[...vendors].map(([author, v]) => vendorCandidate(author, v.models, v.tokens.toString())),
    ...models.map(modelCandidate),
    ...apps.map((a) => appCandidate({ appId: String(a.app_id), name: String(a.name), categories: a.categories }, appTokens.get(String(a.app_id)) ?? "0")),
  ];
}

/** Models, apps and vendors matching `q`, best first: at most `limit` of each kind and `limit` overall. */
export async function search(db: Db, q: string, limit = 10): Promise<SearchResult> {
  const text = q.trim();
  // Built once per data version: it grows with the catalogue, a query then only narrows and ranks.
  const candidates = text ? narrowCandidates(text, await perDataVersion(db, "search-index", () => loadCandidates(db).then(indexCandidates))) : [];
  const of = (kind: SearchKind) => rankCandidates(text, candidates.filter((c) => c.hit.kind === kind), limit);
  return { q: text, hits: rankCandidates(text, candidates, limit), models: of("model"), apps: of("app"), vendors: of("vendor") };
}
