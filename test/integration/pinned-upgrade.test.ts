/**
 * Old links keep working: a pinned permalink stores the page's data as it was. A payload written before
 * usage points carried `complete` (and before data versions) must render the same charts as today's
 * payload of the same data — not "at least" totals nor gaps where nothing was missing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { figureFor } from "@/lib/figures";
import { writeSnapshot } from "@/lib/ingest/write";
import { upgradeViewData, VIEW_DATA_VERSION } from "@/lib/pages/upgrade";
import { loadViewData, type ViewData } from "@/lib/pages/view-data";
import { generateSampleSnapshot } from "@/lib/sample/generate";
import type { ViewAddress } from "@/lib/view/address";
import { chartsOf } from "@/lib/view/charts";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { freshDb, type TestDb } from "../db";

/**
 * Payloads written by version 2 (answers wrapped with their query strings), saved from that code for this
 * test: the sample of 2026-02-01, January 2026, weekly.
 */
const V2_DIR = path.join(__dirname, "pinned-v2");
const v2 = (name: string) => JSON.parse(readFileSync(path.join(V2_DIR, `${name}.json`), "utf8")) as ViewData;

/** A version-2 payload as version 1 wrote it: no version, no `complete` on usage points. */
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
    await writeSnapshot(db, generateSampleSnapshot(), { checksum: "s", fallbackAsOf: new Date("2026-02-01T00:00:00Z"), isSample: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const range = { ...DEFAULT_VIEW, from: "2026-01-01", to: "2026-01-31", interval: "week" as const };
  const addresses = {
    compare: { view: "compare", subject: null, state: { ...range, models: [["google/gemini-3-flash-preview"], ["anthropic/claude-haiku-4.5"]] } },
    vendors: { view: "vendors", subject: null, state: range },
    app: { view: "app", subject: "kilo-code", state: range },
    model: { view: "model", subject: "anthropic/claude-haiku-4.5", state: range },
  } satisfies Record<string, ViewAddress>;

  for (const [name, address] of Object.entries(addresses)) {
    for (const version of [1, 2]) {
      it(`${name}: a version-${version} payload renders every chart exactly as today's payload of the same data`, async () => {
        const today = await loadViewData(db, address);
        expect(today.version).toBe(VIEW_DATA_VERSION);
        const stored = version === 1 ? asVersion1(v2(name)) : v2(name);
        if (version === 1) expect(JSON.stringify(stored)).not.toContain('"complete"');
        const upgraded = upgradeViewData(stored)!;
        expect(upgraded.version).toBe(VIEW_DATA_VERSION);
        let drawn = 0;
        for (const chart of chartsOf(address.view)) {
          const a = figureFor(today, chart, address.state);
          const b = figureFor(upgraded, chart, address.state);
          expect(b, chart).toEqual(a);
          if (b && !b.empty) drawn++;
        }
        expect(drawn).toBeGreaterThan(0);
      });
    }
  }

  it("an upgraded payload says no more than it saw: no 'at least' where nothing was missing", () => {
    const upgraded = upgradeViewData(asVersion1(v2("compare")))!;
    expect(figureFor(upgraded, "compare-usage", addresses.compare.state)!.summary).not.toContain("at least");
  });
});
