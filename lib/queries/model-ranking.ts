/**
 * Models ranked over a range (variants of one permaslug together), by all tokens and by paid tokens only: the
 * subsidy answer's model rankings. Exact, while reading from the database only what the range's cut months
 * need: on rankings as unequal as real ones it costs about the same for 10 models as for 1,000 (with models all
 * of one size, a range that cuts months reads every model's cut days).
 *
 * Every permaslug's tokens per calendar month (usage_monthly_rollup by permaslug, free variants apart) are kept
 * in memory per data version. A month the range covers whole adds its figure exactly; a month the range cuts
 * adds between nothing and its whole figure. So each permaslug has a known part and a most it can total.
 * Permaslugs whose cut months are unknown are summed exactly from model_usage_daily (the cut days only), those
 * that can total most first, until every one not summed can total less than the `limit`-th of what the others
 * are known to total, in both rankings: strictly less, so ties are settled too. A range of whole months reads no usage row at all.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { textArray } from "@/db/pg-array";
import { calendarPeriods, daysBetween, splitFullMonths } from "@/lib/view/periods";
import type { ResolvedRange } from "@/lib/view/range";
import { tokenString, type Row } from "./sql";
import type { ModelRankRow } from "./types";
import { perDataVersion } from "./version-memo";

interface Tokens {
  all: bigint;
  paid: bigint;
}
interface Label {
  publicId: string;
  name: string | null;
  author: string;
}
interface PermaslugMonths {
  /** month (first day) → permaslug → tokens that month */
  months: Map<string, Map<string, Tokens>>;
  labels: Map<string, Label>;
}

/** Every permaslug's monthly tokens and label: a few rows per model and month of history, once per data version. */
function permaslugMonths(db: Db): Promise<PermaslugMonths> {
  return perDataVersion(db, "permaslug-months", async () => {
    const [months, labels] = await Promise.all([
      rowsOf<Row>(
        db,
        sql`select r.month::text as month, m.permaslug, sum(r.total_tokens)::text as tokens,
                   coalesce(sum(r.total_tokens) filter (where m.variant <> 'free'), 0)::text as paid
            from usage_monthly_rollup r join models m on m.id = r.model_id
            where m.kind = 'model'
            group by r.month, m.permaslug`,
      ),
      // The label: the standard variant's public id and name when there is one; the author: the smallest.
      rowsOf<Row>(
        db,
        sql`select distinct on (m.permaslug) m.permaslug, m.public_id, m.name,
                   min(m.author) over (partition by m.permaslug) as author
            from models m where m.kind = 'model'
            order by m.permaslug, (m.variant = 'standard') desc, (m.variant = 'free'), m.public_id`,
      ),
    ]);
    const out: PermaslugMonths = { months: new Map(), labels: new Map() };
    for (const r of months) {
      const month = String(r.month);
      if (!out.months.has(month)) out.months.set(month, new Map());
      out.months.get(month)!.set(String(r.permaslug), { all: BigInt(tokenString(r.tokens)), paid: BigInt(tokenString(r.paid)) });
    }
    for (const r of labels) out.labels.set(String(r.permaslug), { publicId: String(r.public_id), name: (r.name as string | null) ?? null, author: String(r.author) });
    return out;
  });
}

/** What is known of one permaslug over the range before its cut days are summed. */
interface Bounds {
  permaslug: string;
  /** Tokens of the months the range covers whole. */
  known: Tokens;
  /** The most it can total: known plus the whole of each cut month it has tokens in. */
  most: Tokens;
  /** It has rows in a cut month: its exact total needs those days summed. */
  cut: boolean;
  /** It has rows in a month the range covers whole (so it has rows in the range). */
  present: boolean;
}

function boundsOf(data: PermaslugMonths, range: ResolvedRange): Map<string, Bounds> {
  const { months: whole, edges } = splitFullMonths(range.from, range.to);
  const cutMonths = new Set(edges.flatMap(([a, b]) => calendarPeriods(a, b, "month").map((p) => p.period)));
  const out = new Map<string, Bounds>();
  const entry = (p: string) => {
    let b = out.get(p);
    if (!b) out.set(p, (b = { permaslug: p, known: { all: 0n, paid: 0n }, most: { all: 0n, paid: 0n }, cut: false, present: false }));
    return b;
  };
  for (const [month, bySlug] of data.months) {
    const isWhole = whole !== null && month >= whole.start && month < whole.endExclusive;
    if (!isWhole && !cutMonths.has(month)) continue;
    for (const [p, t] of bySlug) {
      const b = entry(p);
      b.most.all += t.all;
      b.most.paid += t.paid;
      if (isWhole) {
        b.known.all += t.all;
        b.known.paid += t.paid;
        b.present = true;
      } else b.cut = true;
    }
  }
  return out;
}

/** Tokens on the range's cut days of the given permaslugs (null: all), of those with rows there. */
async function cutDayTokens(db: Db, range: ResolvedRange, permaslugs: string[] | null): Promise<Map<string, Tokens>> {
  const { edges } = splitFullMonths(range.from, range.to);
  if (permaslugs?.length === 0 || !edges.length) return new Map();
  // For a few permaslugs, one index range per model and cut ((model_id, day)); for most of them, the cut days
  // whole (by day): either way no row outside the cut is read.
  const usage = permaslugs
    ? sql`cross join lateral (${sql.join(
        edges.map(([a, b]) => sql`select u.total_tokens from model_usage_daily u where u.model_id = m.id and u.day between ${a}::date and ${b}::date`),
        sql` union all `,
      )}) u`
    : sql`join model_usage_daily u on u.model_id = m.id and (${sql.join(
        edges.map(([a, b]) => sql`u.day between ${a}::date and ${b}::date`),
        sql` or `,
      )})`;
  const rows = await rowsOf<Row>(
    db,
    sql`select m.permaslug, sum(u.total_tokens)::text as tokens,
               coalesce(sum(u.total_tokens) filter (where m.variant <> 'free'), 0)::text as paid
        from models m ${usage}
        where m.kind = 'model' ${permaslugs ? sql`and m.permaslug = any(${textArray(permaslugs)}::text[])` : sql``}
        group by m.permaslug`,
  );
  return new Map(rows.map((r) => [String(r.permaslug), { all: BigInt(tokenString(r.tokens)), paid: BigInt(tokenString(r.paid)) }]));
}

/** Most tokens first, then by permaslug (as the rankings break ties). */
const desc =
  <T extends { permaslug: string }>(f: (x: T) => bigint) =>
  (a: T, b: T) => {
    const [x, y] = [f(a), f(b)];
    return x > y ? -1 : x < y ? 1 : a.permaslug < b.permaslug ? -1 : a.permaslug > b.permaslug ? 1 : 0;
  };

/** The share of the cut months' days that the range holds. */
function cutShare(range: ResolvedRange): number {
  const { edges } = splitFullMonths(range.from, range.to);
  const length = (a: string, b: string) => daysBetween(b, a) + 1;
  const months = new Map(edges.flatMap(([a, b]) => calendarPeriods(a, b, "month").map((p) => [p.period, length(p.start, p.end)] as const)));
  const monthDays = [...months.values()].reduce((n, d) => n + d, 0);
  return monthDays ? edges.reduce((n, [a, b]) => n + length(a, b), 0) / monthDays : 0;
}

/**
 * Whether summing the 2 × `limit` pending that can total most is likely to settle the ranking by all tokens:
 * guessing each one's cut days pro rata, does the `limit`-th of them come above the most the next one can
 * total? A guess only chooses what to sum first (models of much the same size: all at once, skipping a batch
 * that cannot settle it); it never decides the answer.
 */
function likelySettles(pending: Bounds[], limit: number, share: number): boolean {
  const byMost = topBy(pending, (b) => b.most.all, 2 * limit + 1);
  const guess = (b: Bounds) => Number(b.known.all) + Number(b.most.all - b.known.all) * share;
  const guesses = byMost.slice(0, 2 * limit).map(guess).sort((a, b) => b - a);
  return guesses[limit - 1] > Number(byMost[2 * limit].most.all);
}

/** The `limit`-th largest of the values, or -1 when there are fewer (one pass, keeping the top `limit`). */
function nthLargest(values: Iterable<bigint>, limit: number): bigint {
  const top: bigint[] = []; // descending
  for (const v of values) {
    if (top.length === limit && v <= top[limit - 1]) continue;
    let i = top.length;
    while (i > 0 && top[i - 1] < v) i--;
    top.splice(i, 0, v);
    if (top.length > limit) top.pop();
  }
  return top.length < limit ? -1n : top[limit - 1];
}

/** The top `limit` of the entries by `f` (ties by permaslug): those at or above the `limit`-th value, sorted. */
function topBy<T extends { permaslug: string }>(entries: T[], f: (x: T) => bigint, limit: number): T[] {
  const t = nthLargest(entries.map(f), limit);
  return entries
    .filter((e) => f(e) >= t)
    .sort(desc(f))
    .slice(0, limit);
}

/**
 * The top `limit` permaslugs by all tokens and the top `limit` by paid tokens (paid > 0), as one list (the
 * caller sorts and cuts each ranking).
 */
export async function rankModels(db: Db, range: ResolvedRange, limit: number): Promise<ModelRankRow[]> {
  const data = await permaslugMonths(db);
  const bounds = [...boundsOf(data, range).values()];
  // Exact totals so far: every permaslug without rows in a cut month, and those summed.
  const exact = new Map<string, Tokens>();
  for (const b of bounds) if (!b.cut && b.present) exact.set(b.permaslug, b.known);
  let pending = bounds.filter((b) => b.cut);
  // What each is known to total at least: exact once summed, else its whole months. The `limit`-th largest of
  // these is at most the `limit`-th exact total, so one whose most is below it is out of that ranking.
  const lower = (b: Bounds) => exact.get(b.permaslug) ?? b.known;
  // The likeliest first (those that can total most, in either ranking), then every one still pending at once.
  for (let first = true; ; first = false) {
    const tAll = nthLargest(bounds.map((b) => lower(b).all), limit);
    const tPaid = nthLargest(bounds.flatMap((b) => (lower(b).paid > 0n ? [lower(b).paid] : [])), limit);
    // Strictly below: one that can only tie the `limit`-th may still rank above it on its name.
    pending = pending.filter((b) => b.most.all >= tAll || (b.most.paid > 0n && b.most.paid >= tPaid));
    if (!pending.length) break;
    const whole = !first || pending.length <= 4 * limit || !likelySettles(pending, limit, cutShare(range));
    const batch = new Set(whole ? pending : [...topBy(pending, (b) => b.most.all, 2 * limit), ...topBy(pending, (b) => b.most.paid, 2 * limit)]);
    const cut = await cutDayTokens(db, range, batch.size > bounds.length / 2 ? null : [...batch].map((b) => b.permaslug));
    for (const b of batch) {
      const c = cut.get(b.permaslug);
      if (c || b.present) exact.set(b.permaslug, { all: b.known.all + (c?.all ?? 0n), paid: b.known.paid + (c?.paid ?? 0n) });
    }
    pending = pending.filter((b) => !batch.has(b));
    if (!pending.length) break;
  }
  const ranked = [...exact].map(([permaslug, t]) => ({ permaslug, t }));
  const paid = ranked.filter((r) => r.t.paid > 0n);
  const top = new Set([...topBy(ranked, (r) => r.t.all, limit), ...topBy(paid, (r) => r.t.paid, limit)]);
  return [...top].flatMap(({ permaslug, t }) => {
    const label = data.labels.get(permaslug);
    if (!label) return [];
    return [{ publicId: label.publicId, permaslug, name: label.name, author: label.author, tokens: String(t.all), paidTokens: String(t.paid), freeTokens: String(t.all - t.paid) }];
  });
}
