/** Human formatting shared by pages, tables and summaries. Inputs are decimal strings or numbers. */

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** 236000000000 → "236B", 63500000000 → "63.5B", 1234 → "1.23K", 999999 → "1M"; three significant digits. */
export function formatTokens(value: string | number | bigint): string {
  const n = Number(value);
  return Number.isFinite(n) ? COMPACT.format(n) : "—";
}

/** Exact integer with thousands separators: "236,000,000,000". */
export function formatExact(value: string | number | bigint): string {
  return BigInt(value).toLocaleString("en-US");
}

function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A share for tooltips, tables and summaries: two decimals below 1% so small shares do not read as 0.0%. */
export function formatShare(v: number): string {
  return formatPercent(v, Math.abs(v) < 0.01 && v !== 0 ? 2 : 1);
}

/** Percentage points: 0.021 → "+2.1 pp". */
export function formatPoints(change: number): string {
  const pp = change * 100;
  const digits = Math.abs(pp) < 0.1 ? 2 : 1;
  return `${pp >= 0 ? "+" : "−"}${Math.abs(pp).toFixed(digits)} pp`;
}

/** Signed relative change, "+12.3%" / "−4.0%"; null when there is nothing to compare with. */
export function formatChange(current: string | number, previous: string | number): string | null {
  const c = Number(current);
  const p = Number(previous);
  if (!(p > 0)) return null;
  const change = (c - p) / p;
  return `${change >= 0 ? "+" : "−"}${Math.abs(change * 100).toFixed(1)}%`;
}

/**
 * USD per 1M tokens: "$0.50/M". No price: "dynamic" when the model's listing says so (routers list `-1`),
 * "not listed" when no price of the model was ever stored (a model seen only in usage data).
 */
export function formatPricePerM(value: string | number | null, listed = true): string {
  if (value === null) return listed ? "dynamic" : "not listed";
  const n = Number(value);
  return `$${n < 0.01 && n > 0 ? n.toPrecision(2) : n.toFixed(2)}/M`;
}

/** "2026-01-31T10:00:00.000Z" → "31 Jan 2026, 10:00 UTC". */
export function formatTimestamp(isoString: string): string {
  const d = new Date(isoString);
  return `${d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

// ── Chart and comparison formatting (additive) ─────────────────────────────────────────────────────

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period key as a reader says it: "Jan 2026" (month), "5 Jan 2026" (day/week), "Day 30" (launch-aligned). */
export function formatPeriod(period: string, interval: "day" | "week" | "month" = "day", opts: { short?: boolean } = {}): string {
  if (/^-?\d+$/.test(period)) return `Day ${period}`;
  const [y, m, d] = period.split("-").map(Number);
  if (!y || !m) return period;
  const month = MONTHS[m - 1];
  if (interval === "month") return opts.short ? `${month} ’${String(y).slice(2)}` : `${month} ${y}`;
  const prefix = interval === "week" && !opts.short ? "Week of " : "";
  return opts.short ? `${d} ${month}` : `${prefix}${d} ${month} ${y}`;
}

/** A ratio as writers quote it: 3.716 → "3.7×", 12.4 → "12×", 0.5 → "0.5×"; null → "—". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  const abs = Math.abs(ratio);
  const digits = abs >= 10 ? 0 : abs >= 1 ? 1 : 2;
  return `${Number(ratio.toFixed(digits))}×`;
}

/** A price ratio against a reference: (0.5, "input") → "50% cheaper input", 2 → "2× the input price". */
export function formatPriceRatio(ratio: number | null | undefined, what = ""): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  const w = what ? `${what} ` : "";
  if (Math.abs(ratio - 1) < 0.005) return `the same ${w}price`;
  if (ratio < 1) return `${Math.round((1 - ratio) * 100)}% cheaper${what ? ` ${what}` : ""}`;
  return `${formatRatio(ratio)} the ${w}price`;
}

/** US dollars for estimated spend: "$1.23M", "$45.6K", "$980". */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (Math.abs(value) < 1000) return `$${value.toFixed(value < 10 ? 2 : 0)}`;
  return `$${formatTokens(value)}`;
}

/** A context window: 1048576 → "1.05M", 200000 → "200K"; null → "—". */
export function formatContext(tokens: number | null | undefined): string {
  return tokens === null || tokens === undefined ? "—" : formatTokens(tokens);
}

/** A share as an axis tick: 0.25 → "25%", 0.005 → "0.5%". */
export function formatShareTick(share: number): string {
  const pct = share * 100;
  const abs = Math.abs(pct);
  return `${Number(pct.toFixed(abs === 0 || abs >= 10 ? 0 : abs >= 1 ? 1 : 2))}%`;
}

