/** The app-period rule (README "App usage periods"): overlapping periods are never added twice. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getAppVolumes, getLatestWindows } from "@/lib/queries/app-volume";
import { DRIVERS, freshDb, type TestDb } from "../db";

function snapshot(capturedAt: string, appUsage: unknown[]) {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "test",
    capturedAt,
    models: [{ id: "acme/a" }, { id: "acme/b" }],
    apps: [{ id: "app1", name: "App One" }, { id: "app2", name: "App Two" }],
    appUsage,
  });
}

describe.each(DRIVERS)("app volume on %s", (driver) => {
  let h: TestDb;
  let modelA: number;
  beforeAll(async () => {
    h = await freshDb(driver);
    await ingestText(
      h.db,
      snapshot("2026-03-01T00:00:00Z", [
        // January on model a: a month row AND day rows → only the day rows count (10 + 20).
        { app: "app1", model: "acme/a", period: "2026-01", totalTokens: "1000" },
        { app: "app1", model: "acme/a", period: "2026-01-10", totalTokens: "10" },
        { app: "app1", model: "acme/a", period: "2026-01-20", totalTokens: "20" },
        // February on model a: only a month row → it counts.
        { app: "app1", model: "acme/a", period: "2026-02", totalTokens: "300" },
        // A source's window overlapping both months: never added to calendar rows.
        { app: "app1", model: "acme/a", period: { from: "2025-12-01", to: "2026-02-28" }, totalTokens: "5000" },
        // All-models rows are another breakdown: never added to per-model rows.
        { app: "app1", period: "2026-01", totalTokens: "7777" },
        { app: "app2", model: "acme/b", period: "2026-01", totalTokens: "50" },
      ]),
    );
    // A newer, overlapping window for the same app and model replaces the older one in reports.
    await ingestText(h.db, snapshot("2026-03-05T00:00:00Z", [{ app: "app1", model: "acme/a", period: { from: "2025-12-05", to: "2026-03-04" }, totalTokens: "6000" }]));
    [{ id: modelA }] = await rowsOf<{ id: number }>(h.db, sql`select id from models where public_id = 'acme/a'`);
  });
  afterAll(async () => {
    await h.close();
  });

  it("uses day rows where a month has them, month rows elsewhere, never both", async () => {
    const jan = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31", modelIds: [modelA] });
    expect(jan.rows).toEqual([{ appId: "app1", appName: "App One", modelId: modelA, tokens: "30" }]);
    const both = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-02-28", modelIds: [modelA] });
    expect(both.rows[0].tokens).toBe("330");
  });

  it("counts a month row overlapping the range whole, and says so in coverage", async () => {
    const r = await getAppVolumes(h.db, { from: "2026-02-10", to: "2026-02-20", modelIds: [modelA] });
    expect(r.rows[0].tokens).toBe("300");
    expect(r.coverage).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("keeps all-models rows apart from per-model rows", async () => {
    const perModel = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31" });
    expect(perModel.rows.map((r) => [r.appId, r.tokens])).toEqual([["app2", "50"], ["app1", "30"]]);
    const all = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31", allModels: true });
    expect(all.rows).toEqual([{ appId: "app1", appName: "App One", modelId: null, tokens: "7777" }]);
  });

  it("reports only the newest window per app and model", async () => {
    const windows = await getLatestWindows(h.db, { modelIds: [modelA] });
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ appId: "app1", tokens: "6000", periodStart: "2025-12-05", periodEnd: "2026-03-04" });
  });

  it("returns nothing for an empty range", async () => {
    expect(await getAppVolumes(h.db, { from: "2024-01-01", to: "2024-01-31" })).toMatchObject({ rows: [], coverage: null });
  });
});
