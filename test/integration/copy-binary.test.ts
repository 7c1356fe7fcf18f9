/**
 * COPY's binary format as db/copy-binary.ts writes it, read back by the server on every available driver:
 * days across the calendar (before 2000, year 1, 9999), 64-bit counts on both sides of 2^32, 2^53 and 2^63 − 1,
 * nulls, and provenance fields. Expected values are written out, not computed with the encoder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isEmbedded } from "@/db/data-version";
import { rowsOf } from "@/db";
import { copyInto } from "@/db/copy";
import { BinaryRows, COPY_BINARY_HEADER, COPY_BINARY_TRAILER, provenanceFields, rowBytes } from "@/db/copy-binary";
import { DRIVERS, freshDb, type TestDb } from "../db";

const DAYS = ["0001-01-01", "1999-12-31", "2000-01-01", "2000-03-01", "2024-02-29", "2026-11-30", "9999-12-31"];
const COUNTS = ["0", "1", "4294967295", "4294967296", "999999999999999", "9007199254740993", "1000000000000000000", "9223372036854775807"];

async function* chunks(): AsyncGenerator<Buffer> {
  yield COPY_BINARY_HEADER;
  const out = new BinaryRows(DAYS.length * COUNTS.length * rowBytes(6));
  DAYS.forEach((day, i) =>
    COUNTS.forEach((count, j) => {
      out.row(6);
      out.date(day);
      out.int4(i * 100 + j);
      out.int8Digits(count);
      if (j % 2) out.null();
      else out.int8Digits(count);
      out.raw(provenanceFields(42, "2026-01-02T03:04:05.678Z"));
    }),
  );
  yield out.done();
  yield COPY_BINARY_TRAILER;
}

describe.each(DRIVERS)("COPY in binary on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
  });
  afterAll(async () => {
    await h.close();
  });

  it("stores every value as written", async () => {
    const rows = await h.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table copied (day date, n int4, v int8, w int8, snapshot_id int8, as_of timestamptz) on commit drop`);
      await copyInto(tx, "copied", ["day", "n", "v", "w", "snapshot_id", "as_of"], chunks(), isEmbedded(h.db));
      return rowsOf<Record<string, string | number | null>>(
        tx,
        sql`select day::text as day, n, v::text as v, w::text as w, snapshot_id::text as s, to_char(as_of at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') as t
            from copied order by n`,
      );
    });
    expect(rows).toHaveLength(DAYS.length * COUNTS.length);
    expect(rows.map((r) => r.day)).toEqual(DAYS.flatMap((d) => COUNTS.map(() => d)));
    expect(rows.map((r) => r.v)).toEqual(DAYS.flatMap(() => COUNTS));
    expect(rows.map((r) => r.w)).toEqual(DAYS.flatMap(() => COUNTS.map((c, j) => (j % 2 ? null : c))));
    expect(new Set(rows.map((r) => `${r.s} ${r.t}`))).toEqual(new Set(["42 2026-01-02 03:04:05.678"]));
  });

  // postgres.js forgets an error that arrives after the data's end was sent (a small COPY, or the last rows
  // of a large one): the COPY then never settled, and its request hung with the ingest lock held.
  it("a COPY the server refuses at its end fails, and the transaction can be rolled back", async () => {
    const refused = h.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table unique_days (day date primary key, n int4, v int8, w int8, snapshot_id int8, as_of timestamptz) on commit drop`);
      await copyInto(tx, "unique_days", ["day", "n", "v", "w", "snapshot_id", "as_of"], chunks(), isEmbedded(h.db)); // each day 8 times
    });
    await expect(refused).rejects.toThrow(/duplicate key/);
    const [{ ok }] = await rowsOf<{ ok: number }>(h.db, sql`select 1 as ok`);
    expect(ok).toBe(1);
  });
});
