/** UTC day arithmetic on "YYYY-MM-DD" strings: the one implementation every layer uses. */

export const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of an instant, in UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a YYYY-MM-DD string. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayString(n: number): string {
  return utcDay(n * DAY_MS);
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}

/** a − b in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}

/** Days from `a` to `b` inclusive (b ≥ a), e.g. 2025-01-01..2025-01-31 → 31. */
export function daysInclusive(a: string, b: string): number {
  return daysBetween(b, a) + 1;
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
