/** "Google: Gemini 3 Flash Preview" → "Gemini 3 Flash Preview": the author is shown elsewhere, names stay short in legends. */
export function shortName(label: string | null | undefined, fallback = ""): string {
  const s = (label ?? "").trim() || fallback;
  const m = /^[^:/]{1,40}:\s+(.+)$/.exec(s);
  return m ? m[1] : s;
}
