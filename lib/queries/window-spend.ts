/**
 * Totals and estimated spend of compared series that have no day rows in the range but a source's windows
 * there (weekly trackers): the windows that stand (./model-windows.ts), each counted whole — never mixed
 * with days, so a series is totalled from days or from windows, and `estimatedFrom` says which. The price
 * is the one in effect at the window's last day (as for days in ./compare.ts: the newest listed on or
 * before it, else the nearest after); prompt × input + completion × output where the window has the split,
 * else all tokens × input (a lower bound).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { plainArray } from "@/db/pg-array";
import { daysBetween } from "@/lib/domain/days";
import type { ResolvedRange } from "@/lib/view/range";
import { modelWindows, reachOf } from "./model-windows";
import type { ResolvedSeries } from "./resolve-series";
import type { CompareModel } from "./types";

export interface WindowTotals {
  tokens: string;
  spend: number | null;
  basis: CompareModel["estimatedSpendBasis"];
  /** First and last day the windows reach (a window cut by the range counts whole). */
  coverage: { from: string; to: string };
  snapshotIds: number[];
}

interface Price {
  day: string;
  input: number | null;
  output: number | null;
}

/** The price in effect on `day`: the newest on or before it, else the nearest after (ties: the earlier). */
function priceOn(prices: Price[], day: string): Price | null {
  let best: Price | null = null;
  for (const p of prices) {
    const key = (q: Price) => [q.day > day ? 1 : 0, Math.abs(daysBetween(q.day, day))];
    if (!best) best = p;
    else {
      const [a, b] = [key(p), key(best)];
      if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) best = p;
    }
  }
  return best;
}

/** For each series without day rows (`needed`), its window totals; null where it has no windows either. */
export async function windowTotals(db: Db, series: ResolvedSeries[], range: ResolvedRange, needed: boolean[]): Promise<(WindowTotals | null)[]> {
  const members = series.flatMap((s, i) => (needed[i] ? s.members : []));
  if (!members.length || range.empty) return series.map(() => null);
  const ids = [...new Set(members.map((m) => m.modelId))];
  const [windows, priceRows] = await Promise.all([
    modelWindows(db, ids, range.from, range.to),
    rowsOf<{ model_id: number; day: string; i: string | null; o: string | null }>(
      db,
      sql`select model_id, day::text as day, input_per_m::text as i, output_per_m::text as o from model_prices where model_id = any(${plainArray(ids)}::int4[])`,
    ),
  ]);
  const prices = new Map<number, Price[]>();
  for (const r of priceRows) {
    const list = prices.get(Number(r.model_id)) ?? [];
    list.push({ day: String(r.day), input: r.i === null ? null : Number(r.i), output: r.o === null ? null : Number(r.o) });
    prices.set(Number(r.model_id), list);
  }
  return series.map((s, i) => {
    if (!needed[i]) return null;
    const own = windows.filter((w) => s.members.some((m) => m.modelId === w.modelId));
    if (!own.length) return null;
    let tokens = 0n;
    let spend: number | null = 0;
    let split = 0;
    for (const w of own) {
      tokens += BigInt(w.tokens);
      const free = s.members.find((m) => m.modelId === w.modelId)?.free ?? false;
      const p = free ? { day: w.to, input: 0, output: 0 } : priceOn(prices.get(w.modelId) ?? [], w.to);
      const hasSplit = w.promptTokens !== null && w.completionTokens !== null;
      if (hasSplit) split++;
      if (spend === null || !p || p.input === null || (hasSplit && p.output === null)) spend = null;
      else spend += (hasSplit ? Number(w.promptTokens) * p.input + Number(w.completionTokens) * p.output! : Number(w.tokens) * p.input) / 1e6;
    }
    const reach = own.map(reachOf);
    return {
      tokens: String(tokens),
      spend,
      basis: split === own.length ? "prompt-completion" : split ? "mixed" : "input-only",
      coverage: { from: reach.map((r) => r.from).sort()[0], to: reach.map((r) => r.to).sort().at(-1)! },
      snapshotIds: [...new Set(own.map((w) => w.snapshotId))],
    };
  });
}
