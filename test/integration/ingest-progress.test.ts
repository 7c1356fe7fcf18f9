/** A long ingest reports its progress (the CLI shows it on a terminal): rows parsed, then model-days written. */
import { afterEach, describe, expect, it } from "vitest";
import { ingestText, type IngestProgress } from "@/lib/ingest";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { readFixture } from "../fixtures";

const RANKINGS = readFixture("rankings-daily/rankings-daily-2026-09-22.json");
const ROWS = (JSON.parse(RANKINGS) as { data: unknown[] }).data.length; // 4,590 model-days

describe.each(DRIVERS)("ingest progress on %s", (driver) => {
  let db: TestDb;
  afterEach(() => db?.close());

  it("reports the rows parsed, then the model-days written up to all of them", async () => {
    db = await freshDb(driver);
    const events: IngestProgress[] = [];
    const summary = await ingestText(db.db, RANKINGS, { onProgress: (p) => events.push(p) });
    expect(summary.rows.modelUsage.rows).toBe(ROWS);
    expect(events[0]).toEqual({ stage: "parsed", rows: ROWS });
    const written = events.slice(1);
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written.every((e) => e.stage === "written" && e.of === ROWS)).toBe(true);
    expect(written.map((e) => e.rows)).toEqual([...written.map((e) => e.rows)].sort((a, b) => a - b));
    expect(written.at(-1)).toEqual({ stage: "written", rows: ROWS, of: ROWS });
  });
});
