import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_INGEST_TOKEN, HOST_PORT } from "../../playwright.config";

export const HOST = `http://127.0.0.1:${HOST_PORT}`;
export const FLASH = "google/gemini-3-flash-preview";
export const HAIKU = "anthropic/claude-haiku-4.5";
export const COMPARE_QUERY = `models=${FLASH},${HAIKU}&from=2026-01-01&to=2026-01-31`;

/** POST /api/ingest with the e2e token; expects 200. */
export async function ingest(request: APIRequestContext, body: unknown) {
  const res = await request.post("/api/ingest", {
    data: typeof body === "string" ? body : JSON.stringify(body),
    headers: { authorization: `Bearer ${E2E_INGEST_TOKEN}`, "content-type": "application/json" },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** Width and height of a PNG from its IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Creates a permalink over HTTP. */
export async function share(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post("/api/share", { data: body, headers: { "content-type": "application/json" } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; url: string; liveUrl: string; pinnedUrl: string | null; embedUrl: string; asOf: string | null };
}
