/**
 * Names stored before ingest bounded them (or by another writer) must not let an unauthenticated GET take
 * the server down: a 2 MB model name once ran an image route out of memory. Every renderer bounds labels
 * (lib/ui/labels.ts), so pictures, embeds and oEmbed stay small whatever the stored name's length.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { MAX_LABEL } from "@/lib/labels";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));

import { GET as embedGET } from "@/app/embed/[...path]/route";
import { GET as imageGET } from "@/app/api/image/[...path]/route";
import { GET as oembedGET } from "@/app/api/oembed/route";

const ORIGIN = "http://modelshare.test";
process.env.ALLOWED_HOSTS = "modelshare.test"; // links are absolute from an allowed host only
// Large enough that an unbounded renderer writes it whole (and takes seconds), small enough not to exhaust
// the test machine if the bound regresses.
const LONG = 20_000;
const get = (handler: (r: Request) => Promise<Response>, path: string) => handler(new Request(`${ORIGIN}${path}`, { headers: { host: "modelshare.test" } }));

const SNAPSHOT = JSON.stringify({
  format: "modelshare.snapshot/v1",
  source: "test",
  capturedAt: "2026-01-10T00:00:00Z",
  models: [{ id: "acme/rocket-1", name: "Rocket", launchDate: "2026-01-01" }],
  modelUsage: [
    { date: "2026-01-01", model: "acme/rocket-1", totalTokens: "1000" },
    { date: "2026-01-02", model: "acme/rocket-1", totalTokens: "2000" },
  ],
  apps: [{ id: "long", name: "Long" }],
  appUsage: [{ app: "long", model: "acme/rocket-1", period: "2026-01", totalTokens: "700" }],
});

/** The longest run of the repeated letter in a text: how much of the stored name reached the output. */
function longestRun(text: string, letter: string): number {
  let best = 0;
  for (const m of text.matchAll(new RegExp(`${letter}+`, "g"))) best = Math.max(best, m[0].length);
  return best;
}

describe.each(DRIVERS)("huge stored names on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    holder.db = h.db;
    await ingestText(h.db as Db, SNAPSHOT);
    // Bypass ingest's limits: this is what an older version or another writer may have stored.
    await (h.db as Db).execute(sql`update models set name = repeat('W', ${LONG}) where public_id = 'acme/rocket-1'`);
    await (h.db as Db).execute(sql`update apps set name = repeat('Q', ${LONG}) where app_id = 'long'`);
  });
  afterAll(async () => {
    await h.close();
  });

  const q = "from=2026-01-01&to=2026-01-31&interval=day";
  it.each([
    ["model ranking SVG", `/api/image/vendors/model-ranking?${q}&format=svg`, "W"],
    ["app volume SVG", `/api/image/app/app-volume/long?${q}&format=svg`, "Q"],
    ["top apps SVG", `/api/image/model/model-top-apps/acme/rocket-1?${q}&format=svg`, "Q"],
    ["app volume embed", `/embed/app/app-volume/long?${q}`, "Q"],
  ])("%s bounds the name", async (_, path, letter) => {
    const res = await get(path.startsWith("/embed") ? embedGET : imageGET, path);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(longestRun(text, letter)).toBeGreaterThan(10);
    expect(longestRun(text, letter)).toBeLessThanOrEqual(MAX_LABEL);
    expect(text.length).toBeLessThan(200_000);
  });

  it("PNG previews of huge names render", async () => {
    for (const path of [`/api/image/app/app-volume/long?${q}`, `/api/image/vendors/model-ranking?${q}`]) {
      const res = await get(imageGET, path);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    }
  });

  it("oEmbed titles are bounded", async () => {
    const res = await get(oembedGET, `/api/oembed?url=${encodeURIComponent(`${ORIGIN}/apps/long?${q}`)}`);
    expect(res.status).toBe(200);
    expect(longestRun(JSON.stringify(await res.json()), "Q")).toBeLessThanOrEqual(MAX_LABEL);
  });
});
