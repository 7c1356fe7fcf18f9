/** Staleness: getFreshness (for the dashboard and the collector's log) and GET /api/health. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getFreshness, staleAfterHoursFromEnv } from "@/lib/queries/freshness";
import { ingestText } from "@/lib/ingest";
import { DRIVERS, freshDb } from "../db";
import { readFixture } from "../fixtures";
import { MODELS_FIXTURE, rankingsFixture } from "./replay-server";

const rankings = rankingsFixture();
const AS_OF = Date.parse(rankings.meta.as_of);

describe.each(DRIVERS)("getFreshness on %s", (driver) => {
  it("is stale with no data, fresh after an ingest, stale again once older than the threshold", async () => {
    const h = await freshDb(driver);
    try {
      expect(await getFreshness(h.db, { now: AS_OF })).toEqual({
        latestAsOf: null,
        ageSeconds: null,
        newestUsageDay: null,
        staleAfterHours: 48,
        stale: true,
        sampleOnly: false,
      });
      // A catalogue alone is not usage data.
      await ingestText(h.db, readFixture(MODELS_FIXTURE), { asOf: new Date(AS_OF) });
      expect((await getFreshness(h.db, { now: AS_OF })).latestAsOf).toBeNull();

      await ingestText(h.db, JSON.stringify(rankings));
      expect(await getFreshness(h.db, { now: AS_OF + 3_600_000 })).toMatchObject({
        latestAsOf: rankings.meta.as_of,
        ageSeconds: 3600,
        newestUsageDay: "2026-09-21",
        stale: false,
      });
      expect((await getFreshness(h.db, { now: AS_OF + 49 * 3_600_000 })).stale).toBe(true);
      expect((await getFreshness(h.db, { now: AS_OF + 49 * 3_600_000, staleAfterHours: 72 })).stale).toBe(false);
    } finally {
      await h.close();
    }
  }, 120_000);

  it("says when the only data is the sample data", async () => {
    const h = await freshDb(driver);
    try {
      await h.db.execute(
        sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
            values ('modelshare-json', 'sample', ${rankings.meta.as_of}::timestamptz, 'sample-test', 'Sample data',
                    '{"modelUsage":{"rows":10,"inserted":10,"updated":0,"unchanged":0}}'::jsonb, true)`,
      );
      expect(await getFreshness(h.db, { now: AS_OF })).toMatchObject({ latestAsOf: rankings.meta.as_of, sampleOnly: true, stale: false });
      await ingestText(h.db, JSON.stringify(rankings));
      expect((await getFreshness(h.db, { now: AS_OF })).sampleOnly).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe("STALE_AFTER_HOURS", () => {
  it("defaults to 48 and accepts a positive number", () => {
    expect(staleAfterHoursFromEnv({})).toBe(48);
    expect(staleAfterHoursFromEnv({ STALE_AFTER_HOURS: "12" })).toBe(12);
    expect(staleAfterHoursFromEnv({ STALE_AFTER_HOURS: "0" })).toBe(48);
    expect(staleAfterHoursFromEnv({ STALE_AFTER_HOURS: "soon" })).toBe(48);
  });
});

describe("GET /api/health", () => {
  const saved = { ...process.env };
  afterAll(async () => {
    const { getDbHandle } = await import("@/lib/server/db");
    await (await getDbHandle().catch(() => null))?.close();
    process.env = saved;
  });

  it("503 when the database is unreachable, then 200 with the freshness once it is", async () => {
    delete process.env.OPENROUTER_API_KEY;
    const { GET } = await import("@/app/api/health/route");
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    const down = await GET();
    expect(down.status).toBe(503);
    // Without OPENROUTER_API_KEY the server collects nothing, and says how to turn collection on.
    const notCollecting = expect.objectContaining({ enabled: false, next: null, note: expect.stringMatching(/start the server with OPENROUTER_API_KEY/) });
    expect(await down.json()).toEqual({ status: "error", database: "unreachable", collector: notCollecting });

    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = path.join(mkdtempSync(path.join(tmpdir(), "health-")), "db");
    process.env.SAMPLE_DATA = "off";
    process.env.STALE_AFTER_HOURS = "24";
    const up = await GET();
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    expect(await up.json()).toEqual({
      status: "stale",
      database: "reachable",
      latestAsOf: null,
      ageSeconds: null,
      newestUsageDay: null,
      staleAfterHours: 24,
      stale: true,
      sampleOnly: false,
      collector: notCollecting,
    });
  }, 120_000);
});
