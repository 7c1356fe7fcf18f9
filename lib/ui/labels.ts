/**
 * Bidirectional-text controls (embeddings, overrides, isolates, marks): a name carrying U+202E could
 * reverse the rest of a sentence it is quoted in ("…used 5B tokens" read backwards). Names are external
 * strings, so every label drops them; right-to-left letters themselves are kept and shown as written.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Other invisible or control characters that have no place in a label. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** An external string made safe to show as text: no control characters, no bidi overrides. */
export function cleanText(s: string): string {
  return s.replace(BIDI_CONTROLS, "").replace(CONTROLS, " ");
}

/** "Google: Gemini 3 Flash Preview" → "Gemini 3 Flash Preview": the author is shown elsewhere, names stay short in legends. */
export function shortName(label: string | null | undefined, fallback = ""): string {
  const s = cleanText(label ?? "").trim() || cleanText(fallback);
  const m = /^[^:/]{1,40}:\s+(.+)$/.exec(s);
  return m ? m[1] : s;
}
