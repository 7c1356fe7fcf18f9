/** Ingest semantics on every available driver (PGlite always; Postgres when DATABASE_URL is set). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { ingestText, IngestError } from "@/lib/ingest";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { canonical, count, dumpUsage } from "./helpers";

const HOSTILE = `<script>alert("x")</script> 'quoted' \u202Eevil =cmd|' /C calc'!A0`;

describe.each(DRIVERS)("ingest on %s", (driver) => {
  let h: TestDb;
  beforeEach(async () => {
    h = await freshDb(driver);
  });
  afterEach(async () => {
    await h.close();
  });

  it("stores the real rankings-daily fixture exactly: every row, buckets, free variants, big strings", async () => {
    const raw = readFixture("rankings-daily/rankings-daily-2026-09-22.json");
    const body = JSON.parse(raw) as { data: { date: string; model_permaslug: string; total_tokens: string }[]; meta: { as_of: string } };
    const s = await ingestText(h.db, raw);
    expect(s.format).toBe("openrouter-rankings-daily");
    expect(s.asOf).toBe(new Date(body.meta.as_of).toISOString());
    expect(s.rows.modelUsage).toEqual({ rows: body.data.length, inserted: body.data.length, updated: 0, unchanged: 0, removed: 0 });
    expect(await count(h.db, "model_usage_daily")).toBe(body.data.length);
    expect(s.citation).toBe(`Source: OpenRouter (openrouter.ai/rankings), as of ${body.meta.as_of.slice(0, 10)}.`);

    // Per-day totals in the database equal the fixture's, computed with BigInt.
    const expected = new Map<string, bigint>();
    for (const r of body.data) expected.set(r.date, (expected.get(r.date) ?? 0n) + BigInt(r.total_tokens));
    const stored = await rowsOf<{ day: string; total: string }>(h.db, sql`select day::text as day, sum(total_tokens)::text as total from model_usage_daily group by day`);
    expect(stored.length).toBe(expected.size);
    for (const r of stored) expect(BigInt(r.total)).toBe(expected.get(r.day));

    // `other` is one bucket model, never a catalogue model; free variants are their own models.
    const buckets = await rowsOf<{ kind: string; n: number }>(h.db, sql`select kind, count(*)::int as n from models group by kind order by kind`);
    expect(buckets).toEqual([{ kind: "bucket", n: 1 }, { kind: "model", n: new Set(body.data.filter((r) => r.model_permaslug !== "other").map((r) => r.model_permaslug)).size }]);
    const free = await rowsOf<{ n: number }>(h.db, sql`select count(*)::int as n from models where variant = 'free'`);
    expect(free[0].n).toBe(new Set(body.data.filter((r) => r.model_permaslug.endsWith(":free")).map((r) => r.model_permaslug)).size);

    // The largest value survives exactly (no float on the way).
    const max = body.data.reduce((a, r) => (BigInt(r.total_tokens) > BigInt(a) ? r.total_tokens : a), "0");
    const [top] = await rowsOf<{ t: string }>(h.db, sql`select max(total_tokens)::text as t from model_usage_daily`);
    expect(top.t).toBe(max);
  });

  it("keeps app-rankings totals (≈1.2e14) exact", async () => {
    const raw = readFixture("app-rankings/app-rankings-coding-2026-09-22.json");
    const body = JSON.parse(raw) as { data: { app_id: number; total_tokens: string }[] };
    await ingestText(h.db, raw);
    const rows = await rowsOf<{ app_id: string; t: string }>(h.db, sql`select app_id, total_tokens::text as t from app_usage where model_id is null`);
    expect(rows.length).toBe(body.data.length);
    const byId = new Map(rows.map((r) => [r.app_id, r.t]));
    for (const r of body.data) expect(byId.get(String(r.app_id))).toBe(r.total_tokens);
    expect(body.data.some((r) => BigInt(r.total_tokens) > 2n ** 46n)).toBe(true); // ≈1.2e14: far beyond int32, and exact
  });

  it("joins usage to the catalogue through permaslugs, and a second catalogue keeps one identity per model", async () => {
    await ingestText(h.db, readFixture("models/openrouter-models-2026-08.json"), { asOf: new Date("2026-08-18T00:00:00Z") });
    const catalogue = await count(h.db, "models");
    await ingestText(h.db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
    const [flash] = await rowsOf<{ public_id: string; in_catalogue: boolean; days: number }>(
      h.db,
      sql`select m.public_id, m.in_catalogue, count(u.*)::int as days from models m join model_usage_daily u on u.model_id = m.id
          where m.permaslug = 'google/gemini-3-flash-preview-20251217' and m.variant = 'standard' group by 1, 2`,
    );
    expect(flash).toMatchObject({ public_id: "google/gemini-3-flash-preview", in_catalogue: true });
    expect(flash.days).toBeGreaterThan(0);
    expect(await count(h.db, "models")).toBeGreaterThan(catalogue); // permaslugs missing from the catalogue were created
    const [router] = await rowsOf<{ i: string | null }>(
      h.db,
      sql`select p.input_per_m::text as i from model_prices p join models m on m.id = p.model_id where m.public_id = 'openrouter/auto'`,
    );
    expect(router.i).toBeNull(); // "-1" is dynamic, not a price
  });

  it("is all-or-nothing: one bad row rejects the snapshot with its location and keeps what was stored", async () => {
    await ingestText(h.db, canonical("2026-02-01T00:00:00Z", { "2026-01-01": "100" }));
    const before = await dumpUsage(h.db);
    const bad = canonical("2026-02-02T00:00:00Z", { "2026-01-01": "999", "2026-01-02": "5", "2026-01-03": "-7" });
    const err = await ingestText(h.db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.status).toBe(422);
    expect(err.details[0].path).toBe("modelUsage[2].totalTokens");
    expect(await dumpUsage(h.db)).toEqual(before);
    expect(await count(h.db, "snapshots")).toBe(1);
  });

  it("rejects an unknown model in a canonical snapshot and writes nothing", async () => {
    const body = JSON.stringify({
      format: "modelshare.snapshot/v1",
      source: "test",
      capturedAt: "2026-02-01T00:00:00Z",
      modelUsage: [{ date: "2026-01-01", model: "nobody/never-released", totalTokens: "1" }],
    });
    const err = await ingestText(h.db, body).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.details[0]).toMatchObject({ path: "modelUsage[0].model" });
    expect(err.details[0].message).toContain("nobody/never-released");
    expect(await count(h.db, "snapshots")).toBe(0);
    expect(await count(h.db, "models")).toBe(0);
    expect(await count(h.db, "snapshot_bodies")).toBe(0); // stored while parsing, rolled back with the rest
  });

  it("is idempotent: the same snapshot twice changes nothing", async () => {
    const raw = readFixture("trackers/top_apps_by_model.csv");
    const first = await ingestText(h.db, raw, { asOf: new Date("2026-08-28T00:00:00Z") });
    const state = await dumpUsage(h.db);
    const again = await ingestText(h.db, raw, { asOf: new Date("2026-08-28T00:00:00Z") });
    expect(again.duplicate).toBe(true);
    expect(again.snapshotId).toBe(first.snapshotId);
    expect(again.rows.appUsage.inserted + again.rows.appUsage.updated).toBe(0);
    expect(await dumpUsage(h.db)).toEqual(state);
    expect(await count(h.db, "snapshots")).toBe(1);
    // Its identity needs the caller's as_of, so its body was stored again while it was parsed, then let go.
    expect(await count(h.db, "snapshot_bodies")).toBe(1);
  });

  it("restatements: the newest as_of wins whatever the arrival order", async () => {
    const older = canonical("2026-02-01T00:00:00Z", { "2026-01-01": "100", "2026-01-02": "200" });
    const newer = canonical("2026-02-05T00:00:00Z", { "2026-01-02": "250", "2026-01-03": "300" });
    await ingestText(h.db, newer);
    const s = await ingestText(h.db, older);
    expect(s.rows.modelUsage).toMatchObject({ rows: 2, inserted: 1, updated: 0, unchanged: 1 });
    const inReverse = await dumpUsage(h.db);
    const tokens = inReverse.usage.map((r: { day: string; tokens: string }) => [r.day, r.tokens]);
    expect(tokens).toEqual([["2026-01-01", "100"], ["2026-01-02", "250"], ["2026-01-03", "300"]]);

    const other = await freshDb(driver);
    try {
      await ingestText(other.db, older);
      const s2 = await ingestText(other.db, newer);
      expect(s2.rows.modelUsage).toMatchObject({ rows: 2, inserted: 1, updated: 1 });
      expect(await dumpUsage(other.db)).toEqual(inReverse);
    } finally {
      await other.close();
    }
  });

  it("concurrent overlapping ingests end in the same state as one by one", async () => {
    const snaps = Array.from({ length: 6 }, (_, i) => {
      const days: Record<string, string> = {};
      for (let d = 1; d <= 20; d++) days[`2026-01-${String(d).padStart(2, "0")}`] = String(1000 * (i + 1) + d);
      return canonical(`2026-02-0${i + 1}T00:00:00Z`, days);
    });
    await Promise.all([...snaps].reverse().map((s) => ingestText(h.db, s)));
    const concurrent = await dumpUsage(h.db);
    const other = await freshDb(driver);
    try {
      for (const s of snaps) await ingestText(other.db, s);
      expect(await dumpUsage(other.db)).toEqual(concurrent);
      expect(concurrent.usage.every((r: { tokens: string }) => r.tokens.startsWith("60"))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("stores hostile strings verbatim", async () => {
    const body = JSON.stringify({
      format: "modelshare.snapshot/v1",
      source: "test",
      capturedAt: "2026-02-01T00:00:00Z",
      models: [{ id: "acme/x", name: HOSTILE }],
      apps: [{ id: "evil-app", name: HOSTILE, url: "https://evil.example/?q=<script>" }],
      appUsage: [{ app: "evil-app", model: "acme/x", period: "2026-01", totalTokens: "5" }],
    });
    await ingestText(h.db, body);
    const [app] = await rowsOf<{ name: string }>(h.db, sql`select name from apps where app_id = 'evil-app'`);
    const [model] = await rowsOf<{ name: string }>(h.db, sql`select name from models where public_id = 'acme/x'`);
    expect(app.name).toBe(HOSTILE);
    expect(model.name).toBe(HOSTILE);
  });
});
