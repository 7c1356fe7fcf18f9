/**
 * The model-window rule (README "Model usage windows", lib/queries/model-windows.ts) on both drivers, with
 * the real weekly tracker snapshots beside hand-made day rows: a window is never split into days, never
 * re-cut into ISO weeks, never added to day rows; days covering a whole window stand; overlapping windows
 * are never added to each other. Expected figures come from the raw fixture files.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getUsage } from "@/lib/queries/usage";
import { getCompare } from "@/lib/queries/compare";
import { compareSpendFigure } from "@/lib/figures/compare";
import { usageFigure } from "@/lib/figures/usage";
import { layoutTime } from "@/lib/figures/render/time-layout";
import type { TimePlot } from "@/lib/figures/types";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));
import { GET as usageGET } from "@/app/api/v1/usage/route";

interface RawModel { slug: string; total_tokens: number }
const week1 = JSON.parse(readFixture("trackers/weekly/2025-11-16.json")) as { models: RawModel[] };
const week2 = JSON.parse(readFixture("trackers/weekly/2025-11-23.json")) as { models: RawModel[] };
const total = (file: { models: RawModel[] }, slug: string) => String(file.models.find((m) => m.slug === slug)!.total_tokens);

const PRO = "google/gemini-2.5-pro";
const GROK = "x-ai/grok-code-fast-1";
const SONNET = "anthropic/claude-4.5-sonnet-20250929";
const FLASH = "google/gemini-2.5-flash";

/** Day rows (another source) for two models the tracker also has. */
const days = JSON.stringify({
  format: "modelshare.snapshot/v1",
  source: "gateway",
  capturedAt: "2025-12-01T00:00:00Z",
  models: [{ id: GROK }, { id: PRO }],
  modelUsage: [
    // Every day of GROK's second week: the days stand, that window goes (rule 2).
    ...["23", "24", "25", "26", "27", "28", "29"].map((d) => ({ date: `2025-11-${d}`, model: GROK, totalTokens: "1000" })),
    // Two days inside PRO's first week: the window stands, the days are shown beside it, never summed (rule 1).
    { date: "2025-11-20", model: PRO, totalTokens: "70" },
    { date: "2025-11-21", model: PRO, totalTokens: "30" },
  ],
});

/** A weekly run (start unknown, rounded) on Monday 2025-11-24 overlapping both backfilled weeks of SONNET (rule 3). */
const run = JSON.stringify({ date: "2025-11-24", models: [{ rank: 1, slug: SONNET, name: "Sonnet", total_tokens: 999000000000, prompt_tokens: 0, completion_tokens: 0, is_free: false }] });

const view = (s: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, from: "2025-11-16", to: "2025-11-29", ...s });
const weekly = (...dates: string[]) => dates.map((d) => readFixture(`trackers/weekly/${d}.json`));

/** A fresh database on `driver` holding `bodies`, also behind the routes. */
async function loaded(driver: (typeof DRIVERS)[number], bodies: string[]): Promise<TestDb> {
  const h = await freshDb(driver);
  holder.db = h.db;
  for (const body of bodies) await ingestText(h.db, body);
  return h;
}

describe.each(DRIVERS)("model usage windows on %s", (driver) => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await loaded(driver, [...weekly("2025-11-16", "2025-11-23", "2026-03-02"), days, run]);
    db = h.db;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("stores windows as windows, outside the day rows and their rollups", async () => {
    const [w] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from model_usage_window`);
    expect(Number(w.n)).toBe(9 + 9 + 10 + 1);
    // The day rollup holds the hand-made days only: 7 × 1000 + 70 + 30.
    const [r] = await rowsOf<{ t: string }>(db, sql`select sum(total_tokens)::text as t from usage_daily_rollup`);
    expect(r.t).toBe("7100");
    const [m] = await rowsOf<{ t: string }>(db, sql`select sum(total_tokens)::text as t from usage_monthly_rollup`);
    expect(m.t).toBe("7100");
    // Prices observed on the snapshot's day, per 1M.
    const [p] = await rowsOf<{ i: string; o: string }>(
      db,
      sql`select trim_scale(input_per_m)::text as i, trim_scale(output_per_m)::text as o from model_prices mp join models m on m.id = mp.model_id where m.permaslug = ${PRO} and mp.day = '2025-11-16'`,
    );
    expect(p).toEqual({ i: "1.25", o: "10" });
  });

  it("interval=week: a model with only windows answers its windows, with their bounds", async () => {
    const u = await getUsage(db, view({ models: [[FLASH]], interval: "week" }));
    expect(u.series[0].points.map((p) => ({ period: p.period, tokens: p.tokens, window: p.window }))).toEqual([
      { period: "2025-11-16", tokens: total(week1, FLASH), window: { kind: "week", from: "2025-11-16", to: "2025-11-22", rounded: false } },
      { period: "2025-11-23", tokens: total(week2, FLASH), window: { kind: "week", from: "2025-11-23", to: "2025-11-29", rounded: false } },
    ]);
  });

  it("interval=day: days covered only by a window are unreported (null), not zero and not an average", async () => {
    const u = await getUsage(db, view({ models: [[FLASH]], interval: "day" }));
    const points = u.series[0].points;
    expect(points).toHaveLength(14);
    for (const p of points) expect(p).toMatchObject({ tokens: null, value: null, complete: false });
    expect(u.series[0].windows).toHaveLength(2);
  });

  it("days beside a window: the days chart as calendar weeks, the window as a window, never summed", async () => {
    const u = await getUsage(db, view({ models: [[PRO]], interval: "week" }));
    const s = u.series[0];
    // ISO weeks of the day rows (Monday 2025-11-17 holds the 20th and 21st).
    expect(s.points.find((p) => p.period === "2025-11-17")).toMatchObject({ tokens: "100", complete: false });
    expect(s.points.every((p) => !p.window)).toBe(true);
    expect(s.windows!.map((p) => [p.period, p.tokens])).toEqual([
      ["2025-11-16", total(week1, PRO)],
      ["2025-11-23", total(week2, PRO)],
    ]);
  });

  it("days covering every day of a window stand, and the window is left out", async () => {
    const u = await getUsage(db, view({ models: [[GROK]], interval: "week" }));
    const s = u.series[0];
    expect(s.windows!.map((p) => p.period)).toEqual(["2025-11-16"]); // the first week stands: no days there
    expect(s.points.find((p) => p.period === "2025-11-24")).toMatchObject({ tokens: "6000" }); // Mon 24th..Sat 29th
  });

  it("overlapping windows are never added: the weeks with known bounds stand over a run of unknown start", async () => {
    const u = await getUsage(db, view({ models: [[SONNET]], interval: "week" }));
    expect(u.series[0].points.map((p) => [p.period, p.tokens])).toEqual([
      ["2025-11-16", total(week1, SONNET)],
      ["2025-11-23", total(week2, SONNET)],
    ]);
  });

  it("a weekly run is answered as a window ending on its run day, start unknown, rounded", async () => {
    const u = await getUsage(db, view({ models: [["google/gemini-3-flash-preview-20251217"]], from: "2026-02-23", to: "2026-03-02", interval: "week" }));
    expect(u.series[0].points).toEqual([
      { period: "2026-03-02", tokens: "1030000000000", value: 1030000000000, partial: false, complete: true, window: { kind: "window", from: null, to: "2026-03-02", rounded: true } },
    ]);
  });

  it("GET /api/v1/usage answers the windows with their bounds, in JSON and CSV", async () => {
    const res = await usageGET(new Request(`http://localhost/api/v1/usage?models=${FLASH}&from=2025-11-16&to=2025-11-29&interval=week`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.series[0].points[0]).toMatchObject({ period: "2025-11-16", tokens: total(week1, FLASH), window: { from: "2025-11-16", to: "2025-11-22" } });
    expect(body.provenance.citations.join(" ")).toContain("openrouter-inference-stats");
    const csv = await (await usageGET(new Request(`http://localhost/api/v1/usage?models=${FLASH}&from=2025-11-16&to=2025-11-29&interval=week&format=csv`))).text();
    expect(csv).toContain("2025-11-22");
  });
});

interface SplitModel extends RawModel { prompt_tokens: number; completion_tokens: number; prompt_price: number; completion_price: number }

describe.each(DRIVERS)("compare and figures with windows on %s", (driver) => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await loaded(driver, [...weekly("2025-11-16", "2025-11-23"), days]);
    db = h.db;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("estimates spend from windows as prompt × input + completion × output, and says it used windows", async () => {
    const c = await getCompare(db, view({ models: [[FLASH], [PRO]] }));
    const flash = c.models[0];
    const raw = [week1, week2].map((f) => (f.models as SplitModel[]).find((m) => m.slug === FLASH)!);
    // Prices per token × tokens, from the raw files (each week at the price the tracker listed that week).
    const expected = raw.reduce((a, m) => a + m.prompt_tokens * m.prompt_price + m.completion_tokens * m.completion_price, 0);
    expect(flash).toMatchObject({ tokens: String(raw[0].total_tokens + raw[1].total_tokens), estimatedFrom: "windows", estimatedSpendBasis: "prompt-completion", windowCoverage: { from: "2025-11-16", to: "2025-11-29" } });
    expect(flash.estimatedSpendUsd).toBeCloseTo(expected, 2);
    // PRO has day rows in the range: days only, never its windows added.
    expect(c.models[1]).toMatchObject({ tokens: "100", estimatedFrom: "days" });
    // Windows counted whole against days in the range: no tokens or spend ratio is quoted.
    expect(c.ratios[1]).toMatchObject({ tokens: null, spend: null });
    const fig = compareSpendFigure(c);
    expect(fig.footnotes[0]).toContain("the source's weekly windows, counted whole");
    expect(fig.footnotes[0]).toContain("daily figures");
    expect(fig.table.rows[0].from).toMatch(/^source windows/);
    expect(fig.summary).not.toMatch(/×/); // no ratio between windows and days
  });

  it("draws windows as points beside calendar weeks, and notes it; at interval=day it says the days are unreported", async () => {
    const week = usageFigure("compare-usage", await getUsage(db, view({ models: [[FLASH], [PRO]], interval: "week" })), { title: "Adoption" });
    const plot = week.plot as TimePlot;
    expect(plot.series.map((s) => [s.key, !!s.points])).toEqual([["s0", true], ["s1", false], ["s1w", true]]);
    expect(plot.rows.map((r) => r.x)).toEqual(["2025-11-10", "2025-11-16", "2025-11-17", "2025-11-23", "2025-11-24"]);
    expect(week.footnotes.join(" ")).toMatch(/own weekly windows.*never split into days/);
    expect(week.table.columns.map((c) => c.key)).toContain("window");
    // The server renderer (embeds, images) draws each window as one solid mark: 2 weeks × 2 models.
    const scene = layoutTime(plot, { width: 640, height: 320, font: 12 });
    expect(scene.shapes.filter((sh) => sh.type === "circle" && sh.r === 4)).toHaveLength(4);
    const day = usageFigure("compare-usage", await getUsage(db, view({ models: [[FLASH], [PRO]], interval: "day" })), { title: "Adoption" });
    expect(day.footnotes.join(" ")).toMatch(/unreported at this interval \(not zero\)/);
    expect((day.plot as TimePlot).series.every((s) => !s.points)).toBe(true);
  });
});
