/**
 * How search reads text, for the query and for what it is matched against alike: lower case, accents and
 * punctuation dropped, letters and digits apart ("gpt4o" → gpt 4 o), and a version written with dots, dashes
 * or underscores read as one token ("3.7", "3-7" and "3_7" → "3.7"; "37" matches it too). Word order never
 * matters: a query matches when each of its tokens matches some token of the text.
 */

/** Two digit groups joined by "-", "_" or a space are one version when both are short ("3-7", not "3-70b" or "r1-0528"). */
const SHORT = 2;

export function searchTokens(text: string): string[] {
  const s = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const tokens: string[] = [];
  let prevDigits: { end: number; text: string; short: boolean } | null = null;
  for (const m of s.matchAll(/\p{L}+|\d+/gu)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    const digits = /^\d+$/.test(run);
    if (digits && prevDigits) {
      const gap = s.slice(prevDigits.end, start);
      const gluedToLetter = /\p{L}/u.test(s.charAt(end));
      const joins = gap === "." || (/^[-_ ]$/.test(gap) && prevDigits.short && run.length <= SHORT && !gluedToLetter);
      if (joins) {
        tokens[tokens.length - 1] = `${tokens[tokens.length - 1]}.${run}`;
        prevDigits = { end, text: run, short: run.length <= SHORT };
        continue;
      }
    }
    tokens.push(run);
    prevDigits = digits ? { end, text: run, short: run.length <= SHORT } : null;
  }
  return tokens;
}

/** How well one query token matches one text token: 3 exact (or the same version without dots), 2 prefix, 1 inside, 0 none. */
export function tokenMatch(query: string, token: string): number {
  if (query === token) return 3;
  const isNumber = /^[\d.]+$/.test(query);
  if (isNumber) {
    if (!/^[\d.]+$/.test(token)) return 0;
    if (token.replace(/\./g, "") === query.replace(/\./g, "")) return 3;
    // "3" finds 3.5 and 3.7, never 37 or 30.
    return token.startsWith(`${query}.`) ? 2 : 0;
  }
  if (token.startsWith(query)) return 2;
  return query.length >= 3 && token.includes(query) ? 1 : 0;
}

export interface TextMatch {
  /** Sum over the query's tokens of their best match (0 when any query token matched nothing). */
  quality: number;
  /** Every token of the primary text was matched: the query names the thing itself, not a longer one. */
  complete: boolean;
}

/**
 * Matches query tokens against a subject: `primary` (its id or name, whose every token decides `complete`)
 * and `extra` tokens (another spelling of the same thing) that can match but are not required.
 */
export function matchTokens(query: string[], primary: string[], extra: string[] = []): TextMatch | null {
  if (!query.length) return null;
  const all = [...primary, ...extra];
  let quality = 0;
  for (const q of query) {
    let best = 0;
    for (const t of all) best = Math.max(best, tokenMatch(q, t));
    if (best === 0) return null;
    quality += best;
  }
  const complete = primary.every((t) => query.some((q) => tokenMatch(q, t) >= 2));
  return { quality, complete };
}
