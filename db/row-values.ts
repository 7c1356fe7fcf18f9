/** Timestamps from raw queries arrive as Date (PGlite) or string (postgres.js): one ISO string either way. */
export function iso(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}

/** text[] columns: both drivers return a JS array; null (no value) is an empty list. */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}
