/**
 * Bigint sums must fit too. The rollups (drizzle/0003_usage_rollups_triggers.sql) store per snapshot the
 * sum of its rows per (day, author, …) and per (month, model) in bigint columns: two rows of
 * 9000000000000000000 for one model in one month overflowed them and answered 500. Both sums are parts of
 * the snapshot's total per calendar month over all models, so bounding that bounds them:
 * a snapshot's model usage in one month must total at most 2^63−1 (real months are below 1e15).
 */
import { IssueList } from "./errors";
import type { ModelUsageRow } from "./types";
import { BIGINT_MAX } from "./values";
import { eachInSlices } from "./slices";

const MAX = BigInt(BIGINT_MAX);
/** Float sums below this cannot be above MAX, whatever their rounding error. */
const SURELY_FITS = 9e18;

export async function checkMonthlySumsOrThrow(rows: readonly ModelUsageRow[]): Promise<void> {
  const approx = await approximateMonthlySums(rows);
  const suspect = new Set([...approx].filter(([, sum]) => sum >= SURELY_FITS).map(([m]) => m));
  if (!suspect.size) return;
  const issues = new IssueList();
  const exact = new Map<string, bigint>();
  for (const r of rows) {
    const month = r.day.slice(0, 7);
    if (!suspect.has(month)) continue;
    const before = exact.get(month) ?? 0n;
    const after = before + BigInt(r.totalTokens);
    exact.set(month, after);
    if (before <= MAX && after > MAX) {
      issues.add(r.path, `its total brings the snapshot's tokens in ${month} (all models) above ${BIGINT_MAX}, the largest storable sum`);
    }
  }
  issues.throwIfAny("tokens out of range");
}

/**
 * Float sums per month. Rows come a day at a time: a run of one day is summed first and added to its month
 * when the day changes, so most rows cost an addition, not a month string and a Map update.
 */
async function approximateMonthlySums(rows: readonly ModelUsageRow[]): Promise<Map<string, number>> {
  const approx = new Map<string, number>();
  let [day, sum] = ["", 0];
  const flush = () => {
    if (day === "") return;
    const month = day.slice(0, 7);
    approx.set(month, (approx.get(month) ?? 0) + sum);
  };
  await eachInSlices(rows, (r) => {
    if (r.day !== day) {
      flush();
      [day, sum] = [r.day, 0];
    }
    sum += toNumber(r.totalTokens);
  });
  flush();
  return approx;
}

/** Number(digits), without a call into the runtime for the usual count: digit by digit, exact below 2^53. */
function toNumber(digits: string): number {
  if (digits.length > 15) return Number(digits);
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(digits);
    n = n * 10 + d;
  }
  return n;
}
