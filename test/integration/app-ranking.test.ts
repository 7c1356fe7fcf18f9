/**
 * The all-apps leaderboard ranked from the monthly heads (lib/queries/app-ranking.ts): the same answer as summing
 * every app (getAppVolumes, an independent query) whenever it settles, with figures worked out by hand, coverage
 * and provenance that span the apps not shown, and no answer (so the caller sums every app) when an app below
 * every month's head could lead on its sum. On every available driver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestText } from "@/lib/ingest";
import { rankAllApps } from "@/lib/queries/app-ranking";
import { getAppVolumes } from "@/lib/queries/app-volume";
import { getTopApps } from "@/lib/queries/apps";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { DRIVERS, freshDb, type TestDb } from "../db";

interface Use {
  app: string;
  period: string;
  tokens: number;
}

function snapshot(capturedAt: string, uses: Use[]) {
  const apps = [...new Set(uses.map((u) => u.app))];
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "test",
    capturedAt,
    models: [{ id: "acme/a" }, { id: "acme/b" }],
    apps: apps.map((id) => ({ id, name: `Name of ${id}` })),
    appUsage: uses.map((u, i) => ({ app: u.app, model: i % 2 ? "acme/a" : "acme/b", period: u.period, totalTokens: String(u.tokens) })),
  });
}

const app = (i: number) => `app${String(i).padStart(3, "0")}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function both(db: TestDb["db"], from: string, to: string, limit: number) {
  const ranked = await rankAllApps(db, { from, to, limit });
  const full = await getAppVolumes(db, { from, to, limit, sumModels: true });
  return { ranked, full };
}

describe.each(DRIVERS)("all-apps ranking from monthly heads on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    // January: 300 apps falling off with rank (app i: 1,000,000,000 / (i + 1), on the 10th): more than a head
    // holds. The tail (150–299) again on 3 February, in a second snapshot; app299 also on 20 February (a third).
    await ingestText(h.db, snapshot("2026-03-01T00:00:00Z", range(300).map((i) => ({ app: app(i), period: "2026-01-10", tokens: Math.floor(1e9 / (i + 1)) }))));
    await ingestText(h.db, snapshot("2026-03-02T00:00:00Z", range(150).map((i) => ({ app: app(150 + i), period: "2026-02-03", tokens: 7 }))));
    await ingestText(h.db, snapshot("2026-03-03T00:00:00Z", [{ app: app(299), period: "2026-02-20", tokens: 5 }]));
    // March: 300 apps of 100 tokens each on the 5th, another 300 of 100 on 5 April, and one app with 90 in each
    // month: below every head, first over the two.
    await ingestText(
      h.db,
      snapshot("2026-05-01T00:00:00Z", [
        ...range(300).map((i) => ({ app: `march${i}`, period: "2026-03-05", tokens: 100 })),
        ...range(300).map((i) => ({ app: `april${i}`, period: "2026-04-05", tokens: 100 })),
        { app: "steady", period: "2026-03-06", tokens: 90 },
        { app: "steady", period: "2026-04-06", tokens: 90 },
      ]),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it("settles the top from the heads, with the coverage and snapshots of every app in the range", async () => {
    const { ranked, full } = await both(h.db, "2026-01-05", "2026-02-10", 3);
    expect(ranked).toEqual({
      rows: [
        { appId: "app000", appName: "Name of app000", modelId: null, tokens: "1000000000" },
        { appId: "app001", appName: "Name of app001", modelId: null, tokens: "500000000" },
        { appId: "app002", appName: "Name of app002", modelId: null, tokens: "333333333" },
      ],
      // The tail's 3 February rows widen coverage and add their snapshot; the 20 February row is outside.
      coverage: { from: "2026-01-10", to: "2026-02-03" },
      snapshotIds: full.snapshotIds,
    });
    expect(ranked!.snapshotIds).toHaveLength(2);
    expect(ranked).toEqual(full);
  });

  it("agrees with summing every app whenever it settles, over whole and cut months", async () => {
    let settled = 0;
    for (const [from, to] of [["2026-01-01", "2026-02-28"], ["2026-01-05", "2026-02-25"], ["2026-02-01", "2026-02-03"], ["2025-12-01", "2026-01-09"]]) {
      for (const limit of [1, 10, 50, 101]) {
        const { ranked, full } = await both(h.db, from, to, limit);
        if (ranked) expect(ranked, `${from}..${to} top ${limit}`).toEqual(full);
        settled += ranked ? 1 : 0;
      }
    }
    // All but the range with no rows in it at limits whose heads are cut (1, 10, 50): 300 bounds could be met.
    expect(settled).toBe(13);
    // January and February whole: app299's 20 February row counts (3,333,333 + 7 + 5), and its snapshot.
    const { ranked } = await both(h.db, "2026-01-01", "2026-02-28", 101);
    expect(ranked!.rows).toHaveLength(101);
    expect(ranked!.snapshotIds).toHaveLength(3);
    const all = await getAppVolumes(h.db, { from: "2026-01-01", to: "2026-02-28", limit: 300, sumModels: true });
    expect(all.rows.at(-1)).toMatchObject({ appId: "app299", tokens: String(Math.floor(1e9 / 300) + 12) });
    // Most of the apps asked for: the heads would hold nearly all of them; summing every app is left to the caller.
    expect(await rankAllApps(h.db, { from: "2026-01-01", to: "2026-02-28", limit: 300 })).toBeNull();
  });

  it("never settles on an app ranked below every head that leads on its sum: the caller sums every app", async () => {
    const { ranked, full } = await both(h.db, "2026-03-01", "2026-04-30", 3);
    expect(ranked).toBeNull();
    expect(full.rows.map((r) => [r.appId, r.tokens])).toEqual([
      ["steady", "180"],
      ["april0", "100"],
      ["april1", "100"],
    ]);
    const top = await getTopApps(h.db, { ...DEFAULT_VIEW, from: "2026-03-01", to: "2026-04-30", top: 3 });
    expect(top.apps.map((r) => r.appId)).toEqual(["steady", "april0", "april1"]);
  });

  it("answers an empty range with no rows", async () => {
    expect(await rankAllApps(h.db, { from: "2024-01-01", to: "2024-12-31", limit: 10 })).toEqual({ rows: [], coverage: null, snapshotIds: [] });
  });
});
