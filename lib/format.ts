/** Human formatting shared by pages, tables and summaries. Inputs are decimal strings or numbers. */

const UNITS: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];

/** 236000000000 → "236B", 63500000000 → "63.5B", 1234 → "1.23K"; three significant digits. */
export function formatTokens(value: string | number | bigint): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  for (const [size, unit] of UNITS) {
    if (abs >= size) return `${trimNumber(n / size)}${unit}`;
  }
  return trimNumber(n);
}

function trimNumber(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(n.toFixed(digits)));
}

/** Exact integer with thousands separators: "236,000,000,000". */
export function formatExact(value: string | number | bigint): string {
  return BigInt(value).toLocaleString("en-US");
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Signed relative change, "+12.3%" / "−4.0%"; null when there is nothing to compare with. */
export function formatChange(current: string | number, previous: string | number): string | null {
  const c = Number(current);
  const p = Number(previous);
  if (!(p > 0)) return null;
  const change = (c - p) / p;
  return `${change >= 0 ? "+" : "−"}${Math.abs(change * 100).toFixed(1)}%`;
}

/** USD per 1M tokens: "$0.50/M"; null → "dynamic". */
export function formatPricePerM(value: string | number | null): string {
  if (value === null) return "dynamic";
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
