/**
 * /compare's provenance names every snapshot behind its numbers: the usage, and the catalogue snapshots
 * whose prices priced each day's spend and give the specs' prices (both drivers).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { DRIVERS, freshDb, type TestDb } from "../db";

const state: { db: Db | null } = { db: null };
vi.mock("@/lib/server/db", () => ({ getDb: async () => state.db }));
const { GET: compareGET } = await import("@/app/api/v1/compare/route");

const model = (id: string, price?: string) => ({ id, name: id, ...(price ? { pricing: { inputPerM: price, outputPerM: price } } : {}) });
const snapshot = (source: string, capturedAt: string, body: Record<string, unknown>) => JSON.stringify({ format: "modelshare.snapshot/v1", source, capturedAt, ...body });

describe.each(DRIVERS)("compare provenance on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    // Prices come from two catalogue snapshots (a price change in the range), usage from a third source.
    await ingestText(h.db, snapshot("catalogue-a", "2026-01-01T00:00:00Z", { models: [model("acme/one", "1"), model("acme/two", "2")] }));
    await ingestText(h.db, snapshot("catalogue-b", "2026-01-03T00:00:00Z", { models: [model("acme/one", "10"), model("acme/two", "2")] }));
    const usage = ["2026-01-02", "2026-01-04"].flatMap((date) => ["acme/one", "acme/two"].map((m) => ({ date, model: m, totalTokens: "1000000" })));
    await ingestText(h.db, snapshot("usage-logs", "2026-01-05T00:00:00Z", { models: [model("acme/one"), model("acme/two")], modelUsage: usage }));
  });
  afterAll(async () => {
    await h.close();
  });

  it("names the usage and both catalogue snapshots behind the spend and prices", async () => {
    const res = await compareGET(new Request("http://localhost/api/v1/compare?models=acme/one,acme/two&from=2026-01-01&to=2026-01-05"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { models: { estimatedSpendUsd: number }[]; provenance: { sources: string[] } };
    // 1M tokens at $1 (price of Jan 2) then 1M at $10 (price of Jan 4).
    expect(body.models[0].estimatedSpendUsd).toBe(11);
    expect([...body.provenance.sources].sort()).toEqual(["catalogue-a", "catalogue-b", "usage-logs"]);
  });
});
