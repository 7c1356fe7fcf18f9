/**
 * The code points a TrueType/OpenType font maps (its cmap table, formats 4 and 12), as sorted ranges.
 * Used to keep link-preview text within the font next/og embeds (scripts/og-glyphs.ts writes the table;
 * a unit test checks it against the font file).
 */
export function fontCoverage(font: Uint8Array): [number, number][] {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = v.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(font[rec], font[rec + 1], font[rec + 2], font[rec + 3]);
    if (tag === "cmap") cmap = v.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");
  const points = new Set<number>();
  const n = v.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const platform = v.getUint16(cmap + 4 + i * 8);
    const encoding = v.getUint16(cmap + 6 + i * 8);
    if (!(platform === 3 && (encoding === 1 || encoding === 10)) && platform !== 0) continue;
    const off = cmap + v.getUint32(cmap + 8 + i * 8);
    const format = v.getUint16(off);
    if (format === 4) {
      const segX2 = v.getUint16(off + 6);
      const ends = off + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = v.getUint16(ends + s * 2);
        const start = v.getUint16(starts + s * 2);
        const delta = v.getInt16(deltas + s * 2);
        const ro = v.getUint16(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (ro === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + ro + (c - start) * 2;
            glyph = v.getUint16(at);
            if (glyph) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = v.getUint32(off + 12);
      for (let g = 0; g < groups; g++) {
        const start = v.getUint32(off + 16 + g * 12);
        const end = v.getUint32(off + 20 + g * 12);
        const glyph = v.getUint32(off + 24 + g * 12);
        for (let c = start; c <= end; c++) if (glyph + (c - start)) points.add(c);
      }
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const c of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}
