/**
 * Periods of a chart, all in UTC (PRODUCT.md §3, issue 3). The SQL in lib/queries/ buckets rows with the
 * same rules (`sqlCalendarKey`, `sqlAlignedKey` in lib/queries/sql.ts); these pure functions build the list of
 * periods a chart shows (with `partial` flags) and are what the unit tests pin down.
 *
 * - day: the day itself.
 * - week: ISO weeks, Monday to Sunday (2026-01-01, a Thursday, is in the week starting 2025-12-29).
 * - month: calendar months.
 * - Launch alignment: day 0 = the model's launch date; a period is keyed by the day index of its first
 *   day: days 0, 1, 2…; weeks 0, 7, 14…; "months" are fixed 30-day blocks 0, 30, 60… (calendar months
 *   have no meaning once every model starts at its own day 0, and equal blocks compare fairly).
 * - A period is `partial` when it is not fully inside [from, to] or extends past the newest stored day.
 */
import type { Interval } from "./state";

export { addDays, DAY_MS, dayNumber, daysBetween, dayString, maxDay, minDay } from "@/lib/domain/days";
import { addDays, DAY_MS, dayNumber, daysBetween, dayString, maxDay } from "@/lib/domain/days";

/** First day of the calendar period containing `day`. */
export function periodStart(day: string, interval: Interval): string {
  if (interval === "day") return day;
  if (interval === "week") {
    const n = dayNumber(day);
    const isoDow = ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
    return dayString(n - (isoDow - 1));
  }
  return `${day.slice(0, 7)}-01`;
}

/** Last day of the calendar period starting at `start`. */
export function periodEnd(start: string, interval: Interval): string {
  if (interval === "day") return start;
  if (interval === "week") return addDays(start, 6);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return dayString(Math.round(Date.UTC(y, m, 1) / DAY_MS) - 1);
}

export function nextPeriod(start: string, interval: Interval): string {
  return addDays(periodEnd(start, interval), 1);
}

export interface PeriodSlot {
  /** Key: first day (calendar) or day index since launch (aligned), as a string. */
  period: string;
  /** Calendar days the period covers. */
  start: string;
  end: string;
  partial: boolean;
}

function isPartial(start: string, end: string, from: string, to: string, newestDay: string | null): boolean {
  return start < from || end > to || (newestDay !== null && end > newestDay);
}

/** The calendar periods that meet [from, to], oldest first; empty when from > to. */
export function calendarPeriods(from: string, to: string, interval: Interval, newestDay: string | null = null): PeriodSlot[] {
  const out: PeriodSlot[] = [];
  if (from > to) return out;
  for (let start = periodStart(from, interval); start <= to; start = nextPeriod(start, interval)) {
    const end = periodEnd(start, interval);
    out.push({ period: start, start, end, partial: isPartial(start, end, from, to, newestDay) });
  }
  return out;
}

/** Length in days of an aligned period. */
export function alignedLength(interval: Interval): number {
  return interval === "day" ? 1 : interval === "week" ? 7 : 30;
}

/** Day index of the aligned period containing `day` (floor, so days before launch get negative indexes). */
export function alignedIndex(day: string, launch: string, interval: Interval): number {
  const len = alignedLength(interval);
  return Math.floor(daysBetween(day, launch) / len) * len;
}

/**
 * The launch-aligned periods of one series that meet [from, to], starting no earlier than day 0 (rows
 * before launch, if any, are added by the caller from the data). Empty when the model launched after `to`.
 */
export function alignedPeriods(launch: string, from: string, to: string, interval: Interval, newestDay: string | null = null): PeriodSlot[] {
  const out: PeriodSlot[] = [];
  const first = maxDay(from, launch);
  if (first > to) return out;
  const len = alignedLength(interval);
  for (let idx = alignedIndex(first, launch, interval); addDays(launch, idx) <= to; idx += len) {
    out.push(alignedSlot(idx, launch, interval, from, to, newestDay));
  }
  return out;
}

export function alignedSlot(idx: number, launch: string, interval: Interval, from: string, to: string, newestDay: string | null): PeriodSlot {
  const start = addDays(launch, idx);
  const end = addDays(start, alignedLength(interval) - 1);
  return { period: String(idx), start, end, partial: isPartial(start, end, from, to, newestDay) };
}

// ── Maths on exact token strings ──────────────────────────────────────────────────────────────────

/** part / total as a float, null when total is 0 (nothing to divide: an empty period). */
export function shareOf(part: string | bigint, total: string | bigint): number | null {
  const t = BigInt(total);
  if (t === 0n) return null;
  return ratioOfBigInts(BigInt(part), t);
}

/** free / (free + paid); null when the author had no tokens. */
export function freeShareOf(free: string | bigint, paid: string | bigint): number | null {
  return shareOf(free, BigInt(free) + BigInt(paid));
}

/** a / b for bigints of any size, as a double with full precision (scaled integer division). */
export function ratioOfBigInts(a: bigint, b: bigint): number {
  if (b === 0n) return NaN;
  const SCALE = 10n ** 15n;
  const q = (a * SCALE) / b;
  return Number(q) / Number(SCALE);
}

/** Running sums of exact token strings. */
export function cumulativeSums(tokens: readonly string[]): string[] {
  let acc = 0n;
  return tokens.map((t) => String((acc += BigInt(t))));
}

export function sumTokens(tokens: readonly string[]): string {
  let acc = 0n;
  for (const t of tokens) acc += BigInt(t);
  return String(acc);
}

/**
 * Splits [from, to] into the calendar months it fully contains ([start, endExclusive), or null) and the
 * edge day ranges around them (the whole range when it contains no full month). Rollup reads use it:
 * whole months from usage_monthly_rollup, edge days from the daily rows.
 */
export function splitFullMonths(from: string, to: string): { months: { start: string; endExclusive: string } | null; edges: [string, string][] } {
  if (from > to) return { months: null, edges: [] };
  const start = from.endsWith("-01") ? from : nextPeriod(periodStart(from, "month"), "month");
  const toMonth = periodStart(to, "month");
  const endExclusive = periodEnd(toMonth, "month") === to ? nextPeriod(toMonth, "month") : toMonth;
  if (start >= endExclusive) return { months: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (from < start) edges.push([from, addDays(start, -1)]);
  if (endExclusive <= to) edges.push([endExclusive, to]);
  return { months: { start, endExclusive }, edges };
}
