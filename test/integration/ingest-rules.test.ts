/** Ingest rules found in review: whole days, deterministic ties, guarded identities, as_of bounds, sample replacement. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { writeSnapshot } from "@/lib/ingest/write";
import { isDatabaseUnavailable } from "@/lib/server/api-error";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { count, dumpUsage } from "./helpers";

function rankings(asOf: string, day: string, rows: Record<string, number>) {
  return JSON.stringify({
    data: Object.entries(rows).map(([model_permaslug, t]) => ({ date: day, model_permaslug, total_tokens: String(t) })),
    meta: { as_of: asOf, start_date: day, end_date: day, version: "v1" },
  });
}

async function dayTotal(db: Db, day: string) {
  const [r] = await rowsOf<{ t: string | null }>(db, sql`select sum(total_tokens)::text as t from model_usage_daily where day = ${day}`);
  return r.t;
}

function catalogue(name: string, price: string) {
  return JSON.stringify({ data: [{ id: "acme/x", canonical_slug: "acme/x-20260101", name, created: 1767225600, context_length: 1000, pricing: { prompt: price, completion: price } }] });
}

describe.each(DRIVERS)("ingest rules on %s", (driver) => {
  let h: TestDb;
  beforeEach(async () => {
    h = await freshDb(driver);
  });
  afterEach(async () => {
    await h.close();
  });

  it("a restated day replaces the older partition: a model that fell into `other` is not counted twice, in either order", async () => {
    const older = rankings("2026-01-06T00:00:00Z", "2026-01-05", { "acme/m1": 100, "acme/m2": 50, other: 10 });
    const newer = rankings("2026-01-07T00:00:00Z", "2026-01-05", { "acme/m1": 101, other: 60 });
    const s = await ingestText(h.db, older);
    const r = await ingestText(h.db, newer);
    expect(r.rows.modelUsage).toMatchObject({ rows: 2, removed: 3 });
    expect(await dayTotal(h.db, "2026-01-05")).toBe("161");
    const forward = await dumpUsage(h.db);
    expect(s.rows.modelUsage.inserted).toBe(3);

    const other = await freshDb(driver);
    try {
      await ingestText(other.db, newer);
      const late = await ingestText(other.db, older); // arrives late: the day is already stated by a newer snapshot
      expect(late.rows.modelUsage).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3, removed: 0 });
      expect(await dayTotal(other.db, "2026-01-05")).toBe("161");
      expect((await dumpUsage(other.db)).usage).toEqual(forward.usage);
    } finally {
      await other.close();
    }
  });

  it("two catalogues with the same as_of end the same in either order, and a catalogue listing a model twice is not a 500", async () => {
    const a = catalogue("Acme X", "0.000001");
    const b = catalogue("Acme X (new name)", "0.000002");
    const asOf = new Date("2026-02-01T00:00:00Z");
    await ingestText(h.db, a, { asOf });
    await ingestText(h.db, b, { asOf });
    const other = await freshDb(driver);
    try {
      await ingestText(other.db, b, { asOf });
      await ingestText(other.db, a, { asOf });
      const read = (db: Db) => rowsOf(db, sql`select m.name, p.input_per_m::text as i from models m join model_prices p on p.model_id = m.id`);
      expect(await read(other.db)).toEqual(await read(h.db));
    } finally {
      await other.close();
    }
    const twice = JSON.stringify({ data: [...JSON.parse(a).data, ...JSON.parse(b).data] });
    const s = await ingestText(h.db, twice, { asOf: new Date("2026-03-01T00:00:00Z") });
    expect(s.rows.prices.rows).toBe(1);
  });

  it("a later description that omits facts keeps them; the `other` bucket cannot be redefined", async () => {
    await ingestText(h.db, catalogue("Acme X", "0.000001"), { asOf: new Date("2026-02-01T00:00:00Z") });
    await ingestText(
      h.db,
      JSON.stringify({ format: "modelshare.snapshot/v1", source: "t", capturedAt: "2026-03-01T00:00:00Z", models: [{ id: "acme/x", permaslug: "acme/x-20260101" }] }),
    );
    const [m] = await rowsOf<{ name: string; launch: string; ctx: number }>(
      h.db,
      sql`select name, launch_date::text as launch, context_length as ctx from models where permaslug = 'acme/x-20260101'`,
    );
    expect(m).toEqual({ name: "Acme X", launch: "2026-01-01", ctx: 1000 });

    const hijack = JSON.stringify({ format: "modelshare.snapshot/v1", source: "t", capturedAt: "2026-03-02T00:00:00Z", models: [{ id: "acme/foo", permaslug: "other" }] });
    const err = await ingestText(h.db, hijack).catch((e) => e);
    expect(err.status).toBe(422);
  });

  it("rejects an as_of in the future, and a re-dated CSV without its own date is a new snapshot", async () => {
    const future = JSON.stringify({ format: "modelshare.snapshot/v1", source: "t", capturedAt: "2099-01-01T00:00:00Z", models: [{ id: "acme/y" }] });
    expect((await ingestText(h.db, future).catch((e) => e)).status).toBe(422);

    await ingestText(h.db, JSON.stringify({ format: "modelshare.snapshot/v1", source: "t", capturedAt: "2026-01-01T00:00:00Z", models: [{ id: "acme/y" }] }));
    const csv = "date,model,total_tokens\n2026-01-05,acme/y,100\n";
    const first = await ingestText(h.db, csv, { asOf: new Date("2026-01-06T00:00:00Z") });
    const again = await ingestText(h.db, csv, { asOf: new Date("2026-01-06T00:00:00Z") });
    expect(again).toMatchObject({ duplicate: true, snapshotId: first.snapshotId, asOf: "2026-01-06T00:00:00.000Z" });
    const later = await ingestText(h.db, csv.replace(",100", ",120"), { asOf: new Date("2026-01-07T00:00:00Z") });
    expect(later.duplicate).toBe(false);
    const restated = await ingestText(h.db, csv, { asOf: new Date("2026-01-08T00:00:00Z") });
    expect(restated).toMatchObject({ duplicate: false, rows: { modelUsage: { updated: 1 } } });
  });

  it("the first real snapshot replaces the sample data instead of mixing with it", async () => {
    const sample = JSON.stringify({ format: "modelshare.snapshot/v1", source: "sample", capturedAt: "2026-01-01T00:00:00Z", models: [{ id: "acme/s" }], modelUsage: [{ date: "2026-01-01", model: "acme/s", totalTokens: "5" }] });
    const { parseSnapshot } = await import("@/lib/ingest/detect");
    await writeSnapshot(h.db, parseSnapshot(sample, { asOf: null }), { checksum: "sample", fallbackAsOf: new Date(), isSample: true });
    expect(await count(h.db, "model_usage_daily")).toBe(1);
    await ingestText(h.db, rankings("2026-01-07T00:00:00Z", "2026-01-05", { "acme/m1": 101, other: 60 }));
    const [{ n }] = await rowsOf<{ n: number }>(h.db, sql`select count(*)::int as n from snapshots where is_sample`);
    expect(n).toBe(0);
    expect(await count(h.db, "model_usage_daily")).toBe(2);
    expect(await rowsOf(h.db, sql`select 1 from models where public_id = 'acme/s'`)).toEqual([]);
  });

  it("a first real snapshot naming a model only the sample stored is refused, saying why, and the sample stays", async () => {
    const sample = JSON.stringify({ format: "modelshare.snapshot/v1", source: "sample", capturedAt: "2026-01-01T00:00:00Z", models: [{ id: "acme/s" }], modelUsage: [{ date: "2026-01-01", model: "acme/s", totalTokens: "5" }] });
    const { parseSnapshot } = await import("@/lib/ingest/detect");
    await writeSnapshot(h.db, parseSnapshot(sample, { asOf: null }), { checksum: "sample", fallbackAsOf: new Date(), isSample: true });
    const naming = JSON.stringify({ format: "modelshare.snapshot/v1", source: "me", capturedAt: "2026-01-03T00:00:00Z", modelUsage: [{ date: "2026-01-02", model: "acme/s", totalTokens: "7" }] });
    await expect(ingestText(h.db, naming)).rejects.toMatchObject({
      status: 422,
      details: [{ path: "modelUsage[0].model", message: expect.stringContaining("the sample data's models are not stored ids: this first real snapshot replaces the sample") }],
    });
    expect(await count(h.db, "model_usage_daily")).toBe(1);
    // Declared, the same model is accepted and replaces the sample's rows.
    const declared = JSON.stringify({ ...JSON.parse(naming), models: [{ id: "acme/s", name: "Acme S" }] });
    await ingestText(h.db, declared);
    expect(await rowsOf(h.db, sql`select day::text, total_tokens::text from model_usage_daily`)).toEqual([{ day: "2026-01-02", total_tokens: "7" }]);
  });
});

describe("database outages", () => {
  it("are recognised through Drizzle's wrapping", () => {
    const wrapped = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: { code: "08006" } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax"), { code: "42601" }))).toBe(false);
  });
});
