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
        // January on model a: a month row AND a few day rows → the month row is the complete figure (1000).
        { app: "app1", model: "acme/a", period: "2026-01", totalTokens: "1000" },
        { app: "app1", model: "acme/a", period: "2026-01-10", totalTokens: "10" },
        { app: "app1", model: "acme/a", period: "2026-01-20", totalTokens: "20" },
        // December on model a: only day rows → they count (5 + 6).
        { app: "app1", model: "acme/a", period: "2025-12-30", totalTokens: "5" },
        { app: "app1", model: "acme/a", period: "2025-12-31", totalTokens: "6" },
        // November on model b: a month row AND every day → the day rows count (30 × 2 = 60, not 999).
        { app: "app2", model: "acme/b", period: "2025-11", totalTokens: "999" },
        ...Array.from({ length: 30 }, (_, i) => ({ app: "app2", model: "acme/b", period: `2025-11-${String(i + 1).padStart(2, "0")}`, totalTokens: "2" })),
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

  it("uses a month row over partial day rows, complete day rows over a month row, never both", async () => {
    const jan = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31", modelIds: [modelA] });
    expect(jan.rows).toMatchObject([{ appId: "app1", appName: "App One", modelId: modelA, tokens: "1000" }]);
    const lateJan = await getAppVolumes(h.db, { from: "2026-01-15", to: "2026-01-31", modelIds: [modelA] });
    expect(lateJan.rows[0].tokens).toBe("1000"); // the day rows of 10 and 20 January do not hide the month
    const span = await getAppVolumes(h.db, { from: "2025-12-01", to: "2026-02-28", modelIds: [modelA] });
    expect(span.rows[0].tokens).toBe("1311"); // 11 (December days) + 1000 (January) + 300 (February)
    const nov = await getAppVolumes(h.db, { from: "2025-11-01", to: "2025-11-30", appIds: ["app2"] });
    expect(nov.rows[0].tokens).toBe("60");
  });

  it("counts a month row overlapping the range whole, and says so in coverage", async () => {
    const r = await getAppVolumes(h.db, { from: "2026-02-10", to: "2026-02-20", modelIds: [modelA] });
    expect(r.rows[0].tokens).toBe("300");
    expect(r.coverage).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("keeps all-models rows apart from per-model rows", async () => {
    const perModel = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-01-31" });
    expect(perModel.rows.map((r) => [r.appId, r.tokens])).toEqual([["app1", "1000"], ["app2", "50"]]);
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
