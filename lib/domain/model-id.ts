/** Model identity as sources write it (PRODUCT.md §2): used by ingest to store models and by queries to find them. */

/**
 * `google/gemini-3-flash-preview:free` → base `google/gemini-3-flash-preview`, variant `free`.
 * The variant is the suffix after the LAST ':' (OpenRouter's convention); no suffix means "standard".
 */
export function splitModelId(id: string): { base: string; variant: string } {
  const i = id.lastIndexOf(":");
  if (i < 0) return { base: id, variant: "standard" };
  return { base: id.slice(0, i), variant: id.slice(i + 1) };
}

/** The vendor: part before '/', with the leading '~' of OpenRouter's alias ids (`~openai/gpt-latest`) dropped. */
export function authorOf(slug: string): string {
  const s = slug.startsWith("~") ? slug.slice(1) : slug;
  const i = s.indexOf("/");
  return i < 0 ? s : s.slice(0, i);
}
