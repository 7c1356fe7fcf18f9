/**
 * Small value helpers shared by every parser. Each one exists because real data forces it: tokens arrive
 * as strings beyond 2^53, prices arrive per token as decimal strings (or as float-noisy per-1M numbers),
 * days must be real calendar days, and model ids carry their variant as a `:suffix`.
 */
import type { IssueList } from "./errors";
import { EARLIEST_DAY, LATEST_DAY } from "./limits";
import type { BigIntString, Day, PricePerM } from "./types";

/** Postgres bigint max (2^63−1): the largest token count we can store. */
export const BIGINT_MAX = "9223372036854775807";

const DIGITS_RE = /^[0-9]+$/;

/**
 * Validates a token/request count and returns its canonical form: a digit string without leading zeros.
 * Accepts digit strings (the way OpenRouter sends totals, since they exceed 2^53) or safe JS integers
 * (small counts such as total_requests arrive as numbers). Anything else — negatives, decimals, exponents,
 * unsafe integers that JSON.parse already rounded, values past bigint — is reported at `path` and yields
 * null; the caller keeps going so one snapshot reports many problems at once.
 */
export function parseTokenString(v: unknown, path: string, issues: IssueList): BigIntString | null {
  if (typeof v === "number") {
    if (Number.isSafeInteger(v) && v >= 0) return String(v === 0 ? 0 : v); // String(-0) is "0" anyway
    if (Number.isInteger(v) && v > Number.MAX_SAFE_INTEGER) {
      issues.add(path, "is a number above 2^53 and has already lost precision; send it as a digit string");
    } else {
      issues.add(path, `must be a non-negative integer, got ${v}`);
    }
    return null;
  }
  if (typeof v !== "string") {
    issues.add(path, `must be a non-negative integer (digit string or number), got ${describe(v)}`);
    return null;
  }
  if (!DIGITS_RE.test(v)) {
    issues.add(path, `must be a non-negative integer written with digits only, got ${quote(v)}`);
    return null;
  }
  const canonical = stripLeadingZeros(v);
  if (!fitsBigint(canonical)) {
    issues.add(path, `exceeds the largest storable count ${BIGINT_MAX}, got ${quote(v)}`);
    return null;
  }
  return canonical;
}

function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Digit strings compare numerically by length first, then lexicographically (no BigInt needed). */
function fitsBigint(canonical: string): boolean {
  return canonical.length < BIGINT_MAX.length || (canonical.length === BIGINT_MAX.length && canonical <= BIGINT_MAX);
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/**
 * YYYY-MM-DD naming a real calendar day (2026-02-30 is not one) between EARLIEST_DAY and LATEST_DAY
 * (Postgres has no year 0000: such a day once reached the database and answered 500).
 */
export function isDay(v: unknown): v is Day {
  if (typeof v !== "string") return false;
  const m = DAY_RE.exec(v);
  if (!m || v < EARLIEST_DAY || v > LATEST_DAY) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** YYYY-MM with a month 01..12 (the period of monthly app usage), within the range of days. */
export function isMonth(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = MONTH_RE.exec(v);
  return !!m && +m[2] >= 1 && +m[2] <= 12 && v >= EARLIEST_DAY.slice(0, 7) && v <= LATEST_DAY.slice(0, 7);
}

/** Day 0 of the next month is the last day of this one. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of a YYYY-MM month (monthly periods are stored as day ranges). */
export function monthBounds(month: string): { start: Day; end: Day } {
  const [y, m] = month.split("-").map(Number);
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(y, m)).padStart(2, "0")}` };
}

/**
 * Validating a day is cheap but 1M-row snapshots repeat a few hundred distinct days: remember the
 * verdicts so the hot loop does a Map lookup instead of a regex and a Date.
 */
export function makeDayChecker(): (v: unknown) => v is Day {
  const seen = new Map<string, boolean>();
  return (v: unknown): v is Day => {
    if (typeof v !== "string") return false;
    let ok = seen.get(v);
    if (ok === undefined) {
      ok = isDay(v);
      if (seen.size < 100_000) seen.set(v, ok);
    }
    return ok;
  };
}

/**
 * makeDayChecker for the CSV's day cells, handing back one string per distinct day (or null): the rows of a
 * day share it instead of each keeping a copy of its own, and the previous cell's verdict answers most rows
 * (files come a day at a time) without a lookup.
 */
export function makeDayInterner(): (v: string) => Day | null {
  const seen = new Map<string, Day | null>();
  let [last, lastDay]: [string, Day | null] = ["", null];
  return (v) => {
    if (v === last) return lastDay;
    let day = seen.get(v);
    if (day === undefined) {
      day = isDay(v) ? v : null;
      if (seen.size < 100_000) seen.set(v, day);
    }
    [last, lastDay] = [v, day];
    return day;
  };
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO-8601 instant: `2026-01-05T10:34:37.721Z`, `2026-01-05T12:00+02:00`, or a bare day (= 00:00 UTC).
 * A date-time without a zone is rejected: JS would read it in the server's local zone, so the same
 * snapshot would mean different instants on different machines.
 */
export function parseIsoInstant(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const m = INSTANT_RE.exec(v);
  if (!m || !isDay(m[1])) return null;
  if (m[2] !== undefined && (+m[2] > 23 || +m[3] > 59 || (m[4] !== undefined && +m[4] > 59))) return null;
  const d = new Date(m[2] === undefined ? `${m[1]}T00:00:00Z` : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** UTC day of an instant (as_of, or the day a window without its own dates ends). */
export function toUtcDay(d: Date): Day {
  return d.toISOString().slice(0, 10);
}

/** OpenRouter `created` is unix seconds; a launch date is its UTC day. null for non-integers/out of range. */
export function unixSecondsToDay(seconds: unknown): Day | null {
  if (typeof seconds !== "number" || !Number.isSafeInteger(seconds)) return null;
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return null;
  const day = toUtcDay(d);
  return isDay(day) ? day : null; // outside the range of days (or of YYYY-MM-DD)
}

export { authorOf, splitModelId } from "@/lib/domain/model-id";

/** A plain decimal, optionally signed and with an exponent (OpenRouter sends plain decimals; be lenient). */
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** True if `v` is a decimal string perTokenToPerMillion/normalizeDecimal accept. */
export function isDecimalString(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = DECIMAL_RE.exec(v);
  return !!m && (m[2].length > 0 || (m[3] ?? "").length > 0);
}

/**
 * Moves the decimal point of a decimal string `places` to the right, exactly, on the digits (no floating
 * point, so "0.0000005" × 1e6 is "0.5", not 0.49999999999999994). Returns a canonical unsigned decimal
 * (no leading/trailing zeros, no exponent) and whether it was negative, or null if `v` is not a decimal.
 */
function shiftDecimal(v: string, places: number): { negative: boolean; value: string } | null {
  const m = DECIMAL_RE.exec(v.trim());
  if (!m || (m[2].length === 0 && (m[3] ?? "").length === 0)) return null;
  const intPart = m[2];
  const frac = m[3] ?? "";
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  if (Math.abs(exp) > 1000) return null; // absurd exponents would build huge strings
  const digits = intPart + frac;
  // Position of the decimal point within `digits` after shifting.
  let point = intPart.length + exp + places;
  let all = digits;
  if (point < 0) {
    all = "0".repeat(-point) + all;
    point = 0;
  } else if (point > all.length) {
    all = all + "0".repeat(point - all.length);
  }
  const whole = all.slice(0, point).replace(/^0+/, "") || "0";
  const fraction = all.slice(point).replace(/0+$/, "");
  const value = fraction ? `${whole}.${fraction}` : whole;
  return { negative: m[1] === "-" && value !== "0", value };
}

/** A non-negative decimal in canonical form ("0.50" → "0.5", "1e-7" → "0.0000001"); null if not a decimal. */
export function normalizeDecimal(v: string): { negative: boolean; value: string } | null {
  return shiftDecimal(v, 0);
}

/**
 * OpenRouter lists prices in USD per token as decimal strings; we store USD per 1M tokens.
 * "0.0000005" → "0.5", "0.000003" → "3", "0" → "0". A negative price ("-1" on routers) means
 * "dynamic": it is not a price, so null. Throws on a non-decimal (callers validate first).
 */
export function perTokenToPerMillion(v: string): PricePerM {
  const r = shiftDecimal(v, 6);
  if (!r) throw new TypeError(`not a decimal: ${quote(v)}`);
  return r.negative ? null : r.value;
}

/**
 * Tracker CSVs already hold USD per 1M, but computed with floats: 0.09999999999999999 means 0.1, and the
 * routers' "-1" per token became -1000000.0. Rounds to 10 decimal places (the scale of the price columns,
 * far coarser than float noise at these magnitudes), strips trailing zeros, and maps negatives to null
 * (dynamic). Throws on a non-number (callers validate first).
 */
export function perMillionFromFloat(v: number | string): PricePerM {
  const n = typeof v === "number" ? v : isDecimalString(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new TypeError(`not a finite number: ${quote(String(v))}`);
  if (n < 0) return null;
  if (n >= 1e21) throw new TypeError(`price out of range: ${v}`); // toFixed switches to exponents there
  const fixed = n.toFixed(10); // plain digits, 10 decimals
  return normalizeDecimal(fixed)!.value;
}

/** Prices are numeric(20,10): at most 10 digits before the point. */
export function priceFits(p: string): boolean {
  const i = p.indexOf(".");
  return (i < 0 ? p.length : i) <= 10;
}

/** For error messages: show a value briefly without echoing huge inputs back. */
export function quote(v: string): string {
  return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `the string ${quote(v)}`;
  if (typeof v === "object") return "an object";
  return `${typeof v} ${String(v)}`;
}
