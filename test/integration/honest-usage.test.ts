/**
 * Unreported is not zero (honest charts, rule 1) on the REAL rankings-daily fixture, whose days list the top
 * 50 models plus `other`: a model missing on a day the source reported is null and incomplete, never 0; a
 * week holding such a day is incomplete with the sum of the reported days; days before a model's first day
 * are absent. Every expected figure is computed here from the raw fixture.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getUsage } from "@/lib/queries/usage";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));
import { GET as usageGET } from "@/app/api/v1/usage/route";

interface RankRow { date: string; model_permaslug: string; total_tokens: string }
const rankings = JSON.parse(readFixture("rankings-daily/rankings-daily-2026-09-22.json")) as { data: RankRow[] };
const days = [...new Set(rankings.data.map((r) => r.date))].sort();
const OPUS = "anthropic/claude-4.8-opus-20260528";
const view = (s: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, from: days[0], to: days.at(-1)!, ...s });

/** The fixture's own rows of one model: day → tokens. */
function rowsOf(slug: string): Map<string, string> {
  return new Map(rankings.data.filter((r) => r.model_permaslug === slug).map((r) => [r.date, r.total_tokens]));
}

describe.each(DRIVERS)("unreported days on the real fixture (%s)", (driver) => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await freshDb(driver);
    db = h.db;
    await ingestText(db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
    holder.db = db;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a day the source reported without the model is null and incomplete, not 0 (Claude Opus 4.8 on 2026-09-13)", async () => {
    const own = rowsOf(OPUS);
    expect(own.has("2026-09-13")).toBe(false);
    expect(own.has("2026-09-12") && own.has("2026-09-14")).toBe(true);
    const u = await getUsage(db, view({ models: [[OPUS]], interval: "day" }));
    const byDay = new Map(u.series[0].points.map((p) => [p.period, p]));
    expect(byDay.get("2026-09-13")).toMatchObject({ tokens: null, value: null, complete: false });
    expect(byDay.get("2026-09-12")).toMatchObject({ tokens: own.get("2026-09-12"), complete: true });
    // Every day the model is missing between its first and last appearance is null; reported days are exact.
    const present = [...own.keys()].sort();
    for (const d of days.filter((x) => x >= present[0])) {
      const p = byDay.get(d)!;
      expect(p.tokens, d).toBe(own.get(d) ?? null);
      expect(p.complete, d).toBe(own.has(d));
    }
  });

  it("days before the model's first day are absent, not unreported", async () => {
    const opus5 = "anthropic/claude-opus-5-20260723";
    const first = [...rowsOf(opus5).keys()].sort()[0];
    expect(first > days[0]).toBe(true);
    const u = await getUsage(db, view({ models: [[opus5]], interval: "day" }));
    expect(u.series[0].points[0].period).toBe(first);
  });

  it("a week holding an unreported day is incomplete, with the sum of the reported days", async () => {
    const own = rowsOf(OPUS);
    const week = ["2026-09-07", "2026-09-08", "2026-09-09", "2026-09-10", "2026-09-11", "2026-09-12", "2026-09-13"];
    const expected = week.reduce((a, d) => a + BigInt(own.get(d) ?? 0), 0n);
    const u = await getUsage(db, view({ models: [[OPUS]], interval: "week" }));
    const p = u.series[0].points.find((x) => x.period === "2026-09-07")!;
    expect(p).toMatchObject({ tokens: expected.toString(), complete: false, partial: false });
  });

  it("cumulative totals are lower bounds from the first gap on", async () => {
    const u = await getUsage(db, view({ models: [[OPUS]], interval: "day", metric: "cumulative" }));
    const pts = u.series[0].points;
    const gap = pts.findIndex((p) => p.period === "2026-09-13");
    expect(pts[gap].complete).toBe(false);
    expect(pts[gap].value).toBe(pts[gap - 1].value); // carried, not dropped to 0
    expect(pts.slice(gap).every((p) => !p.complete)).toBe(true);
  });

  it("JSON and CSV answers say it: null and an empty value, complete=false", async () => {
    const q = `models=${encodeURIComponent(OPUS)}&from=2026-09-12&to=2026-09-14&interval=day`;
    const json = await (await usageGET(new Request(`http://localhost/api/v1/usage?${q}`))).json();
    expect(json.series[0].points.map((p: { tokens: string | null; complete: boolean }) => [p.tokens, p.complete])).toEqual([
      [rowsOf(OPUS).get("2026-09-12"), true],
      [null, false],
      [rowsOf(OPUS).get("2026-09-14"), true],
    ]);
    const csv = await (await usageGET(new Request(`http://localhost/api/v1/usage?${q}&format=csv`))).text();
    const [header, ...lines] = csv.trim().split("\n");
    const cols = header.split(",");
    const row = lines.map((l) => l.split(",")).find((c) => c[cols.indexOf("period")] === "2026-09-13")!;
    expect(row[cols.indexOf("value")]).toBe("");
    expect(row[cols.indexOf("tokens")]).toBe("");
    expect(row[cols.indexOf("complete")]).toBe("false");
  });
});

describe.each(DRIVERS)("shares say what they cannot see, on the real fixtures (%s)", (driver) => {
  let h: TestDb;
  let db: Db;
  const catalogue = JSON.parse(readFixture("models/openrouter-models-2026-08.json")) as { data: { id: string }[] };
  beforeAll(async () => {
    h = await freshDb(driver);
    db = h.db;
    await ingestText(db, readFixture("models/openrouter-models-2026-08.json"), { asOf: new Date("2026-08-18T00:00:00Z") });
    await ingestText(db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
  });
  afterAll(async () => {
    await h?.close();
  });

  it("Google's 0% free share comes with the free variants the catalogue lists but the source never reported", async () => {
    const googleFree = catalogue.data.map((m) => m.id).filter((id) => id.startsWith("google/") && id.endsWith(":free"));
    const reported = new Set(rankings.data.map((r) => r.model_permaslug));
    expect(googleFree.length).toBeGreaterThan(0);
    expect(googleFree.some((id) => reported.has(id))).toBe(false);
    const s = await getSubsidy(db, view({ authors: ["google"] }));
    expect(s.authors[0].freeShare).toBe(0);
    expect(s.authors[0].unreportedFreeVariants).toEqual([...googleFree].sort());
  });

  it("otherShare is the bucket's share of all tokens over the range", async () => {
    let bucket = 0n;
    let total = 0n;
    for (const r of rankings.data) {
      total += BigInt(r.total_tokens);
      if (r.model_permaslug === "other") bucket += BigInt(r.total_tokens);
    }
    const s = await getSubsidy(db, view({}));
    expect(s.otherShare).toBeCloseTo(Number(bucket) / Number(total), 12);
  });
});

describe.each(DRIVERS)("reported days follow each ingest (%s)", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
  });
  afterAll(async () => h?.close());

  it("a week a later snapshot completes without the model turns incomplete (Opus 4.8, week of 2026-09-07)", async () => {
    const early = { ...rankings, data: rankings.data.filter((r) => r.date <= "2026-09-12") };
    await ingestText(h.db, JSON.stringify(early));
    const week = async () => (await getUsage(h.db, view({ models: [[OPUS]], interval: "week" }))).series[0].points.find((p) => p.period === "2026-09-07");
    expect(await week()).toMatchObject({ complete: true });
    await ingestText(h.db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
    expect(await week()).toMatchObject({ complete: false });
  });
});
