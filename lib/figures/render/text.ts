/**
 * Text without a browser: widths are estimated from per-character classes of a typical sans-serif (within
 * ~10% for Latin text), enough to place ticks, truncate labels with "…" and wrap titles. External strings
 * arrive already cleaned of control characters (lib/ui/labels.ts); escaping is the writers' job.
 */

function charWidth(ch: string): number {
  if (/[iljI.,:;'!|`]/.test(ch)) return 0.28;
  if (/[ ftr()\[\]{}\-"]/.test(ch)) return 0.36;
  if (/[mwMW@%]/.test(ch)) return 0.86;
  if (/[A-Z&]/.test(ch)) return 0.66;
  if (/[0-9$]/.test(ch)) return 0.56;
  if (/[a-z]/.test(ch)) return 0.52;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2e80) return 1; // CJK and other wide scripts
  return 0.6;
}

/** Estimated rendered width in pixels (a little generous: overflowing is worse than a spare pixel). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * size * 1.06;
}

/** The text, shortened with "…" to fit `max` pixels. */
export function fitText(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  let w = textWidth("…", size);
  let out = "";
  for (const ch of chars) {
    const cw = charWidth(ch) * size * 1.06;
    if (w + cw > max) break;
    w += cw;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Greedy word wrap into at most `lines` lines of `max` pixels; the last line is shortened with "…". */
export function wrapText(text: string, size: number, max: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < words.length; i++) {
    const next = cur ? `${cur} ${words[i]}` : words[i];
    if (textWidth(next, size) <= max || !cur) {
      cur = next;
      continue;
    }
    out.push(cur);
    cur = words[i];
    if (out.length === lines - 1) {
      cur = words.slice(i).join(" ");
      break;
    }
  }
  if (cur) out.push(cur);
  return out.slice(0, lines).map((l, i, all) => (i === all.length - 1 ? fitText(l, size, max) : l));
}
