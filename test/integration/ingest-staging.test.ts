/**
 * Daily model usage is written by COPY (lib/ingest/model-usage.ts): straight into the table when the
 * snapshot's days hold no stored row, through a staging table and a merge otherwise; on PGlite in chunks of
 * 2,500 rows. Whichever path a snapshot takes, the stored state follows the write rules: edge values
 * survive, the restatement rule decides, repeats collapse, and a failure later in the snapshot undoes it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { ingestText, IngestError } from "@/lib/ingest";
import { EMBEDDED_CHUNK } from "@/lib/ingest/write";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { catalogueOf, count, dumpUsage, usageCsv } from "./helpers";

const INT8_MAX = "9223372036854775807";
const MODELS = ["acme/m-0", "acme/m-1", "acme/m-2"];
const DAYS = Math.ceil((EMBEDDED_CHUNK + 500) / MODELS.length); // more rows than one PGlite chunk

const catalogue = () => catalogueOf(MODELS);

const dayOf = (d: number) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** A canonical CSV: `rows` are [day, model, total, prompt ("" = not stated), requests]. */
function csv(capturedAt: string, rows: string[][]): string {
  return usageCsv(capturedAt, "date,model,total_tokens,prompt_tokens,requests", rows);
}

/** Every model on every day, totals shifted by `plus`; m-1 never states prompt tokens. Plus one row of int8 maxima alone in its month. */
function bigSnapshot(capturedAt: string, plus: number): string {
  const rows: string[][] = [["2020-06-15", "acme/m-0", INT8_MAX, INT8_MAX, "0"]];
  for (let d = 0; d < DAYS; d++) {
    MODELS.forEach((m, i) => rows.push([dayOf(d), m, String(1000 + d * 10 + i + plus), i === 1 ? "" : String(d), String(i)]));
  }
  return csv(capturedAt, rows);
}

async function stored(h: TestDb, day: string, model: string) {
  const [r] = await rowsOf<{ total: string; prompt: string | null; requests: string | null }>(
    h.db,
    sql`select u.total_tokens::text as total, u.prompt_tokens::text as prompt, u.requests::text as requests
        from model_usage_daily u join models m on m.id = u.model_id where u.day = ${day}::date and m.public_id = ${model}`,
  );
  return r;
}

describe.each(DRIVERS)("model usage through COPY on %s", (driver) => {
  let h: TestDb;
  beforeEach(async () => {
    h = await freshDb(driver);
    await ingestText(h.db, catalogue());
  });
  afterEach(() => h?.close());

  it("new days go straight in and restated days through the merge, with int8 maxima and unstated values intact", async () => {
    const rows = DAYS * MODELS.length + 1;
    const first = await ingestText(h.db, bigSnapshot("2026-01-01T00:00:00Z", 0));
    expect(first.rows.modelUsage).toMatchObject({ rows, inserted: rows, updated: 0, unchanged: 0 });
    expect(await stored(h, "2020-06-15", "acme/m-0")).toEqual({ total: INT8_MAX, prompt: INT8_MAX, requests: "0" });
    expect(await stored(h, dayOf(7), "acme/m-1")).toEqual({ total: "1071", prompt: null, requests: "1" });

    // Newer: every row restated (the int8 row with the same values), one new day beside them.
    const restated = bigSnapshot("2026-02-01T00:00:00Z", 5).replace(/\n$/, `\n${dayOf(DAYS + 10)},acme/m-2,42,,\n`);
    const second = await ingestText(h.db, restated);
    expect(second.rows.modelUsage).toMatchObject({ rows: rows + 1, inserted: 1, updated: rows, unchanged: 0 });
    expect(await stored(h, dayOf(7), "acme/m-1")).toEqual({ total: "1076", prompt: null, requests: "1" });
    expect(await stored(h, dayOf(DAYS + 10), "acme/m-2")).toEqual({ total: "42", prompt: null, requests: null });
    expect(await stored(h, "2020-06-15", "acme/m-0")).toEqual({ total: INT8_MAX, prompt: INT8_MAX, requests: "0" });

    // Older: changes nothing, whatever its figures.
    const older = await ingestText(h.db, bigSnapshot("2025-12-15T00:00:00Z", 99));
    expect(older.rows.modelUsage).toMatchObject({ rows, inserted: 0, updated: 0, unchanged: rows });
    expect(await stored(h, dayOf(7), "acme/m-1")).toEqual({ total: "1076", prompt: null, requests: "1" });
    expect(await count(h.db, "model_usage_daily")).toBe(rows + 1);
  });

  it("ends in one state whatever the order, whichever path each snapshot took", async () => {
    const snapshots = [
      bigSnapshot("2026-01-01T00:00:00Z", 0),
      bigSnapshot("2026-02-01T00:00:00Z", -3), // newer and smaller: wins
      csv("2026-02-01T00:00:00Z", [[dayOf(1), "acme/m-0", "999999", "", ""], [dayOf(2), "acme/m-0", "1", "", ""], [dayOf(DAYS + 1), "acme/m-1", "7", "", ""]]), // same as_of: larger wins
      bigSnapshot("2025-12-15T00:00:00Z", 50), // older: loses everywhere
    ];
    for (const s of snapshots) await ingestText(h.db, s);
    const forward = await dumpUsage(h.db);
    expect(await stored(h, dayOf(1), "acme/m-0")).toMatchObject({ total: "999999" });
    expect(await stored(h, dayOf(2), "acme/m-0")).toMatchObject({ total: String(1000 + 20 - 3) });

    const other = await freshDb(driver);
    try {
      await ingestText(other.db, catalogue());
      for (const s of [...snapshots].reverse()) await ingestText(other.db, s);
      expect(await dumpUsage(other.db)).toEqual(forward);
    } finally {
      await other.close();
    }
  });

  it("collapses identical repeats and two names of one model, and refuses conflicting repeats naming both rows", async () => {
    const repeats = csv("2026-01-01T00:00:00Z", [
      [dayOf(0), "acme/m-0", "10", "", ""],
      [dayOf(0), "acme/m-1", "20", "", ""],
      [dayOf(0), "acme/m-0", "10", "", ""],
      [dayOf(0), "acme/m-1:standard", "20", "", ""], // the same model by identity
    ]);
    const s = await ingestText(h.db, repeats);
    expect(s.rows.modelUsage).toMatchObject({ rows: 4, inserted: 2, updated: 0, unchanged: 2 });

    // On a day already stored (the merge path) as on a new one (straight in).
    for (const day of [dayOf(0), dayOf(1)]) {
      const conflicting = csv("2026-01-02T00:00:00Z", [
        [day, "acme/m-0", "11", "", ""],
        [day, "acme/m-1", "21", "", ""],
        [day, "acme/m-1:standard", "22", "", ""],
      ]);
      const err = await ingestText(h.db, conflicting).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).status).toBe(422);
      expect((err as IngestError).details).toEqual([{ path: "row 6", message: expect.stringContaining("restates row 5") }]);
    }
    expect(await stored(h, dayOf(0), "acme/m-0")).toMatchObject({ total: "10" });
    expect(await count(h.db, "model_usage_daily")).toBe(2);
  });

  it("undoes the COPY'd rows when a later part of the snapshot fails", async () => {
    await ingestText(h.db, bigSnapshot("2026-01-01T00:00:00Z", 0));
    const before = await dumpUsage(h.db);
    const snapshots = await count(h.db, "snapshots");
    for (const start of [0, DAYS + 100]) { // days stored (the merge), then new days (straight in)
      const failing = JSON.stringify({
        format: "modelshare.snapshot/v1",
        source: "test",
        capturedAt: "2026-03-01T00:00:00Z",
        modelUsage: Array.from({ length: EMBEDDED_CHUNK + 10 }, (_, i) => ({ date: dayOf(start + i), model: "acme/m-2", totalTokens: "5" })),
        appUsage: [{ app: "never-declared", period: "2026-01", totalTokens: "1" }],
      });
      await expect(ingestText(h.db, failing)).rejects.toThrow(/unknown app/);
    }
    expect(await dumpUsage(h.db)).toEqual(before);
    expect(await count(h.db, "snapshots")).toBe(snapshots);
  });

  it("keeps one body per snapshot, under its id, whether a snapshot is new, sent again or refused", async () => {
    const body = bigSnapshot("2026-01-01T00:00:00Z", 0);
    const first = await ingestText(h.db, body);
    expect((await ingestText(h.db, body)).duplicate).toBe(true);
    await expect(ingestText(h.db, csv("2026-01-02T00:00:00Z", [[dayOf(0), "acme/nobody", "1", "", ""]]))).rejects.toThrow(/unknown model/);
    const bodies = await rowsOf<{ snapshot_id: string | number; same: boolean }>(
      h.db,
      sql`select b.snapshot_id, (select string_agg(p.text, '' order by p.part) from snapshot_body_parts p where p.snapshot_id = b.snapshot_id) = ${body} as same
          from snapshot_bodies b order by b.snapshot_id`,
    );
    const ids = (await rowsOf<{ id: string | number }>(h.db, sql`select id from snapshots order by id`)).map((r) => Number(r.id));
    expect(bodies.map((b) => Number(b.snapshot_id))).toEqual(ids);
    expect(bodies.find((b) => Number(b.snapshot_id) === first.snapshotId)?.same).toBe(true);
  });
});
