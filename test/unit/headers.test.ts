/** next.config.ts headers, matched the way Next matches them (its own path-to-regexp). */
import { describe, expect, it } from "vitest";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import nextConfig from "@/next.config";

async function headersFor(pathname: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const rule of await nextConfig.headers!()) {
    if (!getPathMatch(rule.source)(pathname)) continue;
    for (const h of rule.headers) (out[h.key.toLowerCase()] ??= []).push(h.value);
  }
  return out;
}

describe("next.config headers", () => {
  it("dashboard pages: no framing, a Referrer-Policy", async () => {
    for (const p of ["/", "/compare", "/models/acme/rocket-1", "/apps/x", "/vendors", "/s/AAAAAAAAAAAA", "/api/v1/usage"]) {
      const h = await headersFor(p);
      expect(h["referrer-policy"], p).toEqual(["strict-origin-when-cross-origin"]);
      expect(h["content-security-policy"], p).toEqual(["frame-ancestors 'none'"]);
      expect(h["x-frame-options"], p).toEqual(["DENY"]);
    }
  });
  it("chart images keep the route's own Content-Security-Policy", async () => {
    const h = await headersFor("/api/image/model/model-adoption/acme/rocket-1");
    expect(h["content-security-policy"]).toBeUndefined();
    expect(h["x-frame-options"]).toEqual(["DENY"]);
  });
  it("embeds may be framed", async () => {
    const h = await headersFor("/embed/compare/compare-usage");
    expect(h["content-security-policy"]).toEqual(["frame-ancestors *"]);
    expect(h["x-frame-options"]).toBeUndefined();
  });
});
