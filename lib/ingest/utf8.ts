/**
 * Bodies must be UTF-8. Decoding leniently would turn every invalid byte into U+FFFD and store a name the
 * source never sent, so invalid bytes refuse the snapshot (415), naming the first one's byte offset and line.
 */
import { isUtf8 } from "node:buffer";
import { IngestError } from "./errors";

export function decodeUtf8OrThrow(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const at = firstInvalidByte(bytes);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
  const hex = bytes[at].toString(16).padStart(2, "0");
  throw new IngestError(415, `unsupported content: not UTF-8 (byte 0x${hex} at offset ${at}, line ${line}); send the snapshot as UTF-8`, [
    { path: `line ${line} byte ${at}`, message: `invalid UTF-8 byte 0x${hex}` },
  ]);
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number; // continuation bytes
    let lo = 0x80;
    let hi = 0xbf; // allowed range of the first continuation byte
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates (CESU-8)
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}
