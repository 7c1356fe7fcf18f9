/**
 * Old links keep working: a pinned permalink stores the page's data as it was. A payload written before
 * usage points carried `complete` (and before data versions) must render the same charts as today's
 * payload of the same data — not "at least" totals nor gaps where nothing was missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { figureFor } from "@/lib/figures";
import { writeSnapshot } from "@/lib/ingest/write";
import { upgradeViewData, VIEW_DATA_VERSION } from "@/lib/pages/upgrade";
import { loadViewData, type ViewData } from "@/lib/pages/view-data";
import { generateSampleSnapshot } from "@/lib/sample/generate";
import { chartsOf } from "@/lib/view/charts";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { freshDb, type TestDb } from "../db";

/** Today's payload as the previous version wrote it: no version, no `complete` on usage points. */
function asVersion1(d: ViewData): ViewData {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (!v || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "complete" && k !== "version").map(([k, x]) => [k, strip(x)]));
  };
  return strip(d) as ViewData;
}

describe("pinned payloads of an older version", () => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await freshDb("pglite");
    db = h.db;
    await writeSnapshot(db, generateSampleSnapshot(), { checksum: "s", fallbackAsOf: new Date(), isSample: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const state = { ...DEFAULT_VIEW, models: [["google/gemini-3-flash-preview"], ["anthropic/claude-haiku-4.5"]], from: "2026-01-01", to: "2026-01-31", interval: "week" as const };
  it("render every chart exactly as today's payload of the same data", async () => {
    const today = await loadViewData(db, { view: "compare", subject: null, state });
    expect(today.version).toBe(VIEW_DATA_VERSION);
    const old = asVersion1(today);
    expect(JSON.stringify(old)).not.toContain('"complete"');
    const upgraded = upgradeViewData(JSON.parse(JSON.stringify(old)) as ViewData)!;
    for (const chart of chartsOf("compare")) {
      const a = figureFor(today, chart, state);
      const b = figureFor(upgraded, chart, state);
      expect(b, chart).toEqual(a);
    }
    expect(figureFor(upgraded, "compare-usage", state)!.summary).not.toContain("at least");
  });
});
