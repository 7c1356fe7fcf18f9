import "server-only";
import { ApiError } from "@/lib/domain/api-error";
import { decodeUtf8OrThrow } from "@/lib/ingest/utf8";

/** Largest snapshot accepted, in bytes (INGEST_MAX_BYTES; default 64 MiB ≈ 1M canonical CSV rows). */
function maxIngestBytes(): number {
  return Number(process.env.INGEST_MAX_BYTES) || 64 * 1024 * 1024;
}

/**
 * Reads a request body as UTF-8 text (invalid UTF-8 is refused, not replaced), refusing more than `limit` bytes with 413 — by Content-Length
 * before reading, and while streaming for chunked bodies that do not declare it.
 */
export async function readBodyText(req: Request, limit = maxIngestBytes(), advice = "split the snapshot or raise INGEST_MAX_BYTES"): Promise<string> {
  const tooLarge = () => new ApiError(413, `body larger than ${limit} bytes; ${advice}`);
  const declared = Number(req.headers.get("content-length"));
  if (declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return decodeUtf8OrThrow(Buffer.concat(chunks));
}
