import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/domain/api-error";

/** Ingest requires `Authorization: Bearer <INGEST_TOKEN>`; with no token configured, ingest is closed. */
export function authorizeIngestOrThrow(req: Request, token = process.env.INGEST_TOKEN): void {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  if (!token) throw new ApiError(401, "ingest is disabled: the server has no INGEST_TOKEN configured");
  // Compare digests: equal lengths always, so the comparison says nothing about the token's length.
  const digest = (v: string) => createHash("sha256").update(v).digest();
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new ApiError(401, given ? "invalid ingest token" : "missing Authorization: Bearer <INGEST_TOKEN> header");
  }
}
