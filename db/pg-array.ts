/**
 * Postgres array literals for `unnest($1::int8[], …)` bulk statements. One text parameter per column is
 * the fastest way to move many rows through either driver (no per-row SQL, no driver array serializer).
 */

/**
 * Values that need no quoting: validated digits, dates, booleans. null → NULL. A column that is null in
 * every row becomes a SQL NULL instead of a literal of a million NULLs: `unnest(a, b, …)` pads a null array
 * with nulls, and the server is spared parsing it.
 */
export function plainArray(values: readonly (string | number | null | undefined)[]): string | null {
  if (values.every((v) => v === null || v === undefined)) return null;
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    out += v === null || v === undefined ? "NULL" : String(v);
  }
  return out + "}";
}

/** Arbitrary strings (names, ids, URLs): every element quoted, `\` and `"` escaped. */
export function textArray(values: readonly (string | null | undefined)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    out += v === null || v === undefined ? "NULL" : `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return out + "}";
}
