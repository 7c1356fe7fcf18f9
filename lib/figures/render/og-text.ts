/**
 * Text for next/og: only characters its embedded font draws. For any other character next/og would fetch
 * a font from Google Fonts, or an emoji image from a CDN, while rendering — this server may have no
 * internet, and a preview must never depend on it. So common symbols get ASCII stand-ins and everything
 * else outside the font becomes "?" (and bidi controls go, as everywhere: lib/ui/labels.ts).
 */
import { boundText, stripControls } from "@/lib/labels";
import { OG_FONT_RANGES } from "./og-glyphs";

const STAND_INS: Record<string, string> = { "©": "(c)", "®": "(R)", "™": "TM", "↗": "", "✓": "v", "✔": "v", "\u00a0": " " };
// next/og's own emoji test (emoji are drawn as images fetched from a CDN): such characters never reach it.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]/u;

function covered(cp: number): boolean {
  let lo = 0;
  let hi = OG_FONT_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = OG_FONT_RANGES[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** No text item of a picture is longer than this (names are already bounded: lib/ui/labels.ts). */
export const MAX_TEXT = 600;

export function ogText(s: string): string {
  let out = "";
  for (const ch of stripControls(boundText(s, MAX_TEXT))) {
    if (ch in STAND_INS) out += STAND_INS[ch];
    else if (EMOJI.test(ch) && !/[0-9#*]/.test(ch)) out += "?";
    else out += covered(ch.codePointAt(0)!) ? ch : "?";
  }
  return out;
}
