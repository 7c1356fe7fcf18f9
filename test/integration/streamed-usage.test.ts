/**
 * On Postgres a model-usage CSV is written while it is parsed (lib/ingest/streamed-usage.ts): rows that are
 * surely plain inserts go into one COPY as the parser reads them; the rest (stored days, the `other` bucket)
 * and every check wait for the end of the parse. PGlite never streams, so the
 * same snapshots there are the reference: both must end in the same tables, and a snapshot refused late in
 * its body must leave nothing behind on either.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { rowsOf, type Db } from "@/db";
import { ingestText, IngestError, snapshotChecksum } from "@/lib/ingest";
import { parseSnapshotInSlices } from "@/lib/ingest/detect";
import { prepareUsage, writePrepared } from "@/lib/ingest/write";
import { DRIVERS, freshDb, PG_URL, type TestDb } from "../db";
import { catalogueOf, dumpUsage, usageCsv } from "./helpers";
import { dumpTables } from "./table-dump";

const MODELS = ["acme/m-0", "acme/m-1", "acme/m-2", "acme/m-3"];
const catalogue = catalogueOf(MODELS);
const dayOf = (d: number) => new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** A canonical CSV; `rows` are [day, model, total]. Line N of the file is rows[N - 4]. */
function csv(capturedAt: string, rows: string[][]): string {
  return usageCsv(capturedAt, "date,model,total_tokens", rows);
}

/** Every model on each of `days` days from `from`, totals `base + day + model`: 4 rows a day. */
function grid(from: number, days: number, base: number): string[][] {
  return Array.from({ length: days * MODELS.length }, (_, i) => {
    const [d, m] = [from + Math.floor(i / MODELS.length), i % MODELS.length];
    return [dayOf(d), MODELS[m], String(base + d + m)];
  });
}

/** Stored before: days 0–99 (a restatement of them is merged, not streamed). */
const BEFORE = csv("2026-01-01T00:00:00Z", grid(0, 100, 1000));

/**
 * 40,400 rows over days 0–9,999: stored days restated by a newer as_of, new days, identical repeats far
 * apart, one model by two names, the `other` bucket, and a month whose rows sum to bigint's largest value.
 */
function mixed(): string {
  const rows = grid(0, 10_000, 5000);
  rows.push([dayOf(5000), "acme/m-1", String(5000 + 5000 + 1)]); // a repeat 20,000 rows on
  rows.push([dayOf(6000), "acme/m-2:standard", String(5000 + 6000 + 2)]); // the same model by identity
  rows.push([dayOf(10_010), "other", "77"], [dayOf(10_011), "other", "78"]);
  rows.push([dayOf(10_040), "acme/m-0", "4611686018427387904"], [dayOf(10_041), "acme/m-0", "4611686018427387903"]); // 2^62 and 2^62-1: 2^63-1 in June 2017
  return csv("2026-02-01T00:00:00Z", rows);
}

async function refusal(db: Db, text: string): Promise<IngestError> {
  const err = await ingestText(db, text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

async function usageOf(db: Db, day: string, model: string): Promise<string | null> {
  const [r] = await rowsOf<{ t: string }>(db, sql`select u.total_tokens::text as t from model_usage_daily u join models m on m.id = u.model_id where u.day = ${day}::date and m.public_id = ${model}`);
  return r?.t ?? null;
}

describe.each(DRIVERS)("model usage written while parsed, on %s", (driver) => {
  let h: TestDb;
  afterEach(() => h?.close());

  it("a mixed snapshot: stored days merged, new days inserted, repeats collapsed, a month at bigint's limit kept exact", async () => {
    h = await freshDb(driver);
    await ingestText(h.db, catalogue);
    await ingestText(h.db, BEFORE);
    const s = await ingestText(h.db, mixed());
    // 40,000 grid rows + 2 repeats + 2 bucket rows + 2 rows at the edge; 400 restate stored days.
    expect(s.rows.modelUsage).toEqual({ rows: 40_006, inserted: 40_000 - 400 + 2 + 2, updated: 400, unchanged: 2 });
    expect(await usageOf(h.db, dayOf(3), "acme/m-1")).toBe(String(5000 + 3 + 1)); // restated: the newer as_of wins
    expect(await usageOf(h.db, dayOf(5000), "acme/m-1")).toBe("10001");
    expect(await usageOf(h.db, dayOf(9999), "acme/m-3")).toBe(String(5000 + 9999 + 3));
    expect(await usageOf(h.db, dayOf(10_040), "acme/m-0")).toBe("4611686018427387904");
    expect(await usageOf(h.db, dayOf(10_041), "acme/m-0")).toBe("4611686018427387903");
    const [{ n }] = await rowsOf<{ n: number }>(h.db, sql`select count(*)::int as n from model_usage_daily`);
    expect(Number(n)).toBe(40_000 + 2 + 2);
  });

  it("a snapshot refused late in its body leaves every table as it was", async () => {
    h = await freshDb(driver);
    await ingestText(h.db, catalogue);
    await ingestText(h.db, BEFORE);
    const before = await dumpTables(h.db);
    const rows = grid(100, 8000, 1); // 32,000 rows on new days: on Postgres most are in the COPY when the problem is read
    const late = (row: string[]) => csv("2026-03-01T00:00:00Z", [...rows, row]);
    const line = rows.length + 4;

    const repeat = await refusal(h.db, late([dayOf(100), "acme/m-0", "2"]));
    expect(repeat.status).toBe(422);
    expect(repeat.details).toEqual([{ path: `row ${line}`, message: expect.stringContaining("restates row 4") }]);

    const badDay = await refusal(h.db, late(["2026-02-30", "acme/m-0", "2"]));
    expect([badDay.status, badDay.details?.[0]?.path]).toEqual([422, `row ${line}.date`]);

    const unknown = await refusal(h.db, late([dayOf(9000), "acme/nope", "2"]));
    expect([unknown.status, unknown.details?.[0]?.path]).toEqual([422, `row ${line}.model`]);

    const overflow = await refusal(h.db, late([dayOf(8100), "acme/m-1", "9223372036854775807"])); // beside day 8,099's rows
    expect([overflow.status, overflow.details?.[0]?.path]).toEqual([422, `row ${line}`]);
    expect(overflow.details?.[0]?.message).toContain("above 9223372036854775807");

    const future = await refusal(h.db, csv("2999-01-01T00:00:00Z", rows));
    expect(future.status).toBe(422);

    expect(await dumpTables(h.db)).toEqual(before);
  });

  it("concurrent snapshots end in the state of any serial order", async () => {
    h = await freshDb(driver);
    await ingestText(h.db, catalogue);
    const snapshots = [
      csv("2026-01-01T00:00:00Z", grid(0, 3000, 10)),
      csv("2026-02-01T00:00:00Z", grid(1500, 3000, 20)), // newer: wins where they overlap
      csv("2026-01-15T00:00:00Z", grid(2500, 3000, 30)),
    ];
    await Promise.all(snapshots.map((s) => ingestText(h.db, s)));
    const concurrent = await dumpUsage(h.db);
    const other = await freshDb(driver);
    try {
      await ingestText(other.db, catalogue);
      for (const s of [...snapshots].reverse()) await ingestText(other.db, s);
      expect(await dumpUsage(other.db)).toEqual(concurrent);
    } finally {
      await other.close();
    }
    expect(await usageOf(h.db, dayOf(2600), "acme/m-0")).toBe(String(20 + 2600)); // the newest of three
    expect(await usageOf(h.db, dayOf(4600), "acme/m-0")).toBe(String(30 + 4600));
  });
});

describe.skipIf(!PG_URL)("on Postgres", () => {
  let handles: TestDb[] = [];
  afterEach(async () => {
    await Promise.all(handles.map((x) => x.close()));
    handles = [];
  });

  it("ends every table, rollups and bodies included, as PGlite does without streaming", async () => {
    handles = [await freshDb("postgres"), await freshDb("pglite")];
    for (const x of handles) for (const s of [catalogue, BEFORE, mixed()]) await ingestText(x.db, s);
    const [streamed, usual] = await Promise.all(handles.map((x) => dumpTables(x.db)));
    expect(streamed.model_usage_daily.length).toBe(40_004);
    expect(streamed).toEqual(usual);
  });

  it("rows are in the COPY before the parse has ended", async () => {
    const x = await freshDb("postgres");
    handles = [x];
    await ingestText(x.db, catalogue);
    const text = csv("2026-03-01T00:00:00Z", grid(0, 25_000, 1)); // 100,000 rows
    const watcher = postgres(x.url!, { max: 1 });
    let seenInCopy = 0;
    try {
      const checksum = snapshotChecksum(text, null);
      const summary = await writePrepared(
        x.db,
        async (feed) => {
          // The parse stops after 50,000 rows until the COPY has taken some: a writer that waited for the
          // end of the parse would never start, and the test would time out.
          const held = feed && {
            head: feed.head,
            slice: async (rows: Parameters<typeof feed.slice>[0]) => {
              await feed.slice(rows);
              while (rows.length >= 50_000 && seenInCopy === 0) {
                const [p] = await watcher<{ n: string }[]>`select tuples_processed::text as n from pg_stat_progress_copy where relid = 'model_usage_daily'::regclass`;
                seenInCopy = Number(p?.n ?? 0);
                await new Promise((resolve) => setTimeout(resolve, 10));
              }
            },
          };
          const snap = await parseSnapshotInSlices(text, { asOf: null, usageFeed: held });
          return { snap, usage: await prepareUsage(snap), checksum, fallbackAsOf: snap.asOf! };
        },
        { knownChecksum: checksum, body: { text, callerAsOf: null } },
      );
      expect(seenInCopy).toBeGreaterThan(0);
      expect(summary.rows.modelUsage).toEqual({ rows: 100_000, inserted: 100_000, updated: 0, unchanged: 0 });
    } finally {
      await watcher.end();
    }
  });
});
