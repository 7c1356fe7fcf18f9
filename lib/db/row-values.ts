/** Timestamps from raw queries arrive as Date (PGlite) or string (postgres.js): one ISO string either way. */
export function iso(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}
