/**
 * The limits every ingest format enforces, in one place so they are the same whatever the format (the
 * README's "Limits" table lists them). Each exists because something breaks without it: a 100 KB id is too
 * large for a btree index entry (a 500), a 5 MB name runs renderers out of memory, NUL cannot be stored in a
 * Postgres text, a lone surrogate cannot be encoded as UTF-8, year 0000 is not a Postgres date.
 */

/** Lengths are counted in Unicode code points (what a person calls characters), not UTF-16 units. */
export const LIMITS = {
  /** Model ids (with `:variant`), permaslugs, app ids and slugs: ≤ 200 × 4 bytes fits any index entry. */
  id: 200,
  /** Model and app names. */
  name: 200,
  /** A snapshot's `source`. */
  source: 200,
  /** A snapshot's citation (it is printed under every chart). */
  citation: 1000,
  /** An app's URL (http or https). */
  url: 2048,
  /** One app category, and how many an app may carry. */
  category: 50,
  categories: 20,
  /** Nesting of a JSON body: our formats need 5 levels. */
  jsonDepth: 32,
  /** Located problems reported per error answer. */
  details: 50,
} as const;

/** Days (usage, periods, launch dates, as_of) must lie in this range: Postgres has no year 0, and no LLM
 * token was counted before the unix epoch. */
export const EARLIEST_DAY = "1970-01-01";
export const LATEST_DAY = "9999-12-31";

export type TextKind = "id" | "name" | "source" | "citation" | "url" | "category";

// C0 and C1 controls and DEL: invisible, and NUL cannot be stored at all.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
const ID_FORBIDDEN_RE = /[\s\u0000-\u001f\u007f-\u009f]/;
const URL_RE = /^https?:\/\/[^\s/?#]+\S*$/i;
export const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Code points in `s`, counted only as far as needed to compare with `limit`. */
function longerThan(s: string, limit: number): boolean {
  if (s.length <= limit) return false; // code points ≤ UTF-16 units
  if (s.length > 2 * limit) return true; // each code point is at most 2 units
  let n = 0;
  for (const _ of s) if (++n > limit) return true;
  return false;
}

/**
 * Why `s` is not an acceptable text of this kind, or null when it is. Callers trim first where the format
 * trims; an empty value is the caller's business (required or optional).
 */
export function textProblem(s: string, kind: TextKind): string | null {
  const limit = LIMITS[kind];
  if (longerThan(s, limit)) return `must be at most ${limit} characters`;
  if (LONE_SURROGATE_RE.test(s)) return "contains a lone surrogate (not a Unicode character)";
  if (kind === "id") {
    if (ID_FORBIDDEN_RE.test(s)) return "must not contain spaces or control characters";
  } else if (kind === "url") {
    if (!URL_RE.test(s)) return "must be an http(s) URL without spaces";
  } else if (CONTROL_RE.test(s)) {
    return "must not contain control characters";
  }
  return null;
}

/**
 * The same verdict, remembered per string: a million usage rows name a few hundred models, so the hot
 * loops pay a Map lookup instead of three regexes. Bounded (it lives as long as the server): short strings
 * only, forgotten wholesale when full.
 */
export function makeTextChecker(kind: TextKind): (s: string) => string | null {
  const seen = new Map<string, string | null>();
  return (s) => {
    let r = seen.get(s);
    if (r === undefined) {
      r = textProblem(s, kind);
      if (s.length <= 256) {
        if (seen.size >= 10_000) seen.clear();
        seen.set(s, r);
      }
    }
    return r;
  };
}
