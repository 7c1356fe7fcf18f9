/**
 * External strings (model, app and vendor names, ids) made safe to show as text.
 *
 * Bidirectional-text controls (embeddings, overrides, isolates, marks): a name carrying U+202E could
 * reverse the rest of a sentence it is quoted in ("…used 5B tokens" read backwards). Names are external
 * strings, so every label drops them; right-to-left letters themselves are kept and shown as written.
 *
 * Length is bounded before any other work: a 2 MB name once took an image route to "heap out of memory"
 * (text measuring and next/og's line breaking are superlinear in the length of one text).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Other invisible or control characters that have no place in a label. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The longest label shown anywhere, in code points; longer ones end with "…" (the full name is in the API). */
export const MAX_LABEL = 160;

/** A string without control characters or bidi overrides (for texts composed of already-bounded parts). */
export function stripControls(s: string): string {
  return s.replace(BIDI_CONTROLS, "").replace(CONTROLS, " ");
}

/** The first `max` code points of a string, with "…" when cut (never splits a surrogate pair). */
export function boundText(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  let n = 0;
  for (const ch of s) {
    if (n === max) return `${out}…`;
    out += ch;
    n++;
  }
  return out;
}

/** An external string made safe to show as text: bounded, no control characters, no bidi overrides. */
export function cleanText(s: string): string {
  const head = s.length > MAX_LABEL * 4 ? s.slice(0, MAX_LABEL * 4) : s;
  const out = boundText(stripControls(head), MAX_LABEL);
  return head === s || out.endsWith("…") ? out : `${out}…`;
}

/** "Google: Gemini 3 Flash Preview" → "Gemini 3 Flash Preview": the author is shown elsewhere, names stay short in legends. */
export function shortName(label: string | null | undefined, fallback = ""): string {
  const s = cleanText(label ?? "").trim() || cleanText(fallback);
  const m = /^[^:/]{1,40}:\s+(.+)$/s.exec(s);
  return m ? m[1] : s;
}
