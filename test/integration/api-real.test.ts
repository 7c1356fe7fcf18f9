/**
 * The read queries on the REAL fixtures (rankings-daily, the models catalogue, the tracker's top apps per
 * model, app-rankings), on every available driver. Every expected figure is computed here, independently,
 * from the raw fixture files with BigInt.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getUsage } from "@/lib/queries/usage";
import { getSubsidy } from "@/lib/queries/subsidy";
import { getTopApps, getAppMix } from "@/lib/queries/apps";
import { getOverview } from "@/lib/queries/overview";
import { getCompare } from "@/lib/queries/compare";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view/state";
import { readFixture } from "../fixtures";
import { formatPricePerM } from "@/lib/format";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));
import { GET as appsGET } from "@/app/api/v1/apps/route";
import { GET as usageGET } from "@/app/api/v1/usage/route";

interface RankRow { date: string; model_permaslug: string; total_tokens: string }
const rankings = JSON.parse(readFixture("rankings-daily/rankings-daily-2026-09-22.json")) as { data: RankRow[]; meta: { as_of: string } };
const topApps = parse(readFixture("trackers/top_apps_by_model.csv"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const coding = JSON.parse(readFixture("app-rankings/app-rankings-coding-2026-09-22.json")) as { data: { app_id: number; app_name: string; total_tokens: string }[] };

const view = (s: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...s });
const req = (path: string) => new Request(`http://localhost${path}`);
const authorOf = (slug: string) => (slug.startsWith("~") ? slug.slice(1) : slug).split("/")[0];
const isFree = (slug: string) => slug.endsWith(":free");
const days = [...new Set(rankings.data.map((r) => r.date))].sort();

/** Fixture totals per day (every row, the `other` bucket included). */
function dailyTotals(): Map<string, bigint> {
  const m = new Map<string, bigint>();
  for (const r of rankings.data) m.set(r.date, (m.get(r.date) ?? 0n) + BigInt(r.total_tokens));
  return m;
}

describe.each(DRIVERS)("read API on the real fixtures (%s)", (driver) => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await freshDb(driver);
    db = h.db;
    await ingestText(db, readFixture("models/openrouter-models-2026-08.json"), { asOf: new Date("2026-08-18T00:00:00Z") });
    await ingestText(db, readFixture("rankings-daily/rankings-daily-2026-09-22.json"));
    await ingestText(db, readFixture("trackers/top_apps_by_model.csv"), { asOf: new Date("2026-08-28T00:00:00Z") });
    await ingestText(db, readFixture("app-rankings/app-rankings-coding-2026-09-22.json"));
    holder.db = db;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("defaults to the 90 stored days and cites OpenRouter with the snapshot's as_of", async () => {
    const u = await getUsage(db, view({ top: 3 }));
    expect(u.from).toBe(days[0]);
    expect(u.to).toBe(days.at(-1));
    expect(u.series).toHaveLength(3);
    expect(u.provenance.citations).toEqual([`Source: OpenRouter (openrouter.ai/rankings), as of ${rankings.meta.as_of.slice(0, 10)}.`]);
    expect(u.provenance.asOf).toBe(new Date(rankings.meta.as_of).toISOString());
    expect(u.provenance.sample).toBe(false);
  });

  it("daily totals (top N + others, `other` bucket included) equal the fixture's, every day", async () => {
    const expected = dailyTotals();
    const o = await getOverview(db, view({ interval: "day", top: 10 }));
    expect(o.share.series.at(-1)!.key).toBe("others");
    const periods = o.share.series[0].points.map((p) => p.period);
    expect(periods).toEqual(days);
    for (let i = 0; i < periods.length; i++) {
      // A model unreported that day is null; its tokens are in the bucket, so in "others".
      const total = o.share.series.reduce((a, s) => a + BigInt(s.points.find((p) => p.period === periods[i])?.tokens ?? 0), 0n);
      expect(total).toBe(expected.get(periods[i]));
    }
    // The `share` metric divides by the same total.
    const day = days[45];
    const biggest = rankings.data.filter((r) => r.date === day && r.model_permaslug !== "other").sort((a, b) => (BigInt(b.total_tokens) > BigInt(a.total_tokens) ? 1 : -1))[0];
    const ref = biggest.model_permaslug; // permaslug[:variant] resolves too
    const s = await getUsage(db, view({ models: [[ref]], metric: "share", from: day, to: day }));
    expect(s.series[0].points[0].tokens).toBe(biggest.total_tokens);
    expect(s.series[0].points[0].value).toBeCloseTo(Number(BigInt(biggest.total_tokens)) / Number(expected.get(day)!), 12);
  });

  it("weekly sums are ISO weeks; the cut first and last weeks are partial", async () => {
    const flash = "google/gemini-3-flash-preview-20251217";
    const u = await getUsage(db, view({ models: [[flash]], interval: "week" }));
    const pts = u.series[0].points;
    const weekOf = (d: string) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      const dow = (new Date(t).getUTCDay() + 6) % 7;
      return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
    };
    const expected = new Map<string, bigint>();
    for (const r of rankings.data) if (r.model_permaslug === flash) expected.set(weekOf(r.date), (expected.get(weekOf(r.date)) ?? 0n) + BigInt(r.total_tokens));
    for (const p of pts) expect(BigInt(p.tokens ?? 0)).toBe(expected.get(p.period) ?? 0n);
    expect(pts[0].partial).toBe(weekOf(days[0]) !== days[0]);
    expect(pts.at(-1)!.partial).toBe(true); // 2026-09-21 is a Monday: that week is cut by the data
    expect(pts.slice(1, -1).every((p) => !p.partial)).toBe(true);
  });

  it("per-author free share on a given day equals free variants' tokens / the author's tokens", async () => {
    const day = days.at(-1)!;
    const rows = rankings.data.filter((r) => r.date === day && r.model_permaslug !== "other");
    const per = new Map<string, { free: bigint; all: bigint }>();
    for (const r of rows) {
      const a = per.get(authorOf(r.model_permaslug)) ?? { free: 0n, all: 0n };
      a.all += BigInt(r.total_tokens);
      if (isFree(r.model_permaslug)) a.free += BigInt(r.total_tokens);
      per.set(authorOf(r.model_permaslug), a);
    }
    const withFree = [...per.entries()].filter(([, v]) => v.free > 0n).map(([a]) => a);
    expect(withFree.length).toBeGreaterThan(0);
    const authors = [...withFree, [...per.entries()].find(([, v]) => v.free === 0n)![0]];
    const s = await getSubsidy(db, view({ from: day, to: day, interval: "day", authors }));
    for (const a of s.authors) {
      const e = per.get(a.author)!;
      expect(BigInt(a.freeTokens)).toBe(e.free);
      expect(BigInt(a.freeTokens) + BigInt(a.paidTokens)).toBe(e.all);
      expect(a.freeShare).toBeCloseTo(Number(e.free) / Number(e.all), 12);
      expect(a.points).toEqual([{ period: day, freeTokens: String(e.free), paidTokens: String(e.all - e.free), freeShare: a.freeShare, partial: false }]);
    }
    // The market: every named model, the bucket excluded.
    const named = rows.reduce((x, r) => x + BigInt(r.total_tokens), 0n);
    expect(BigInt(s.market.freeTokens) + BigInt(s.market.paidTokens)).toBe(named);
  });

  it("top apps of a model equal the tracker's rows for it (latest window, said so)", async () => {
    const byModel = new Map<string, Record<string, string>[]>();
    for (const r of topApps) byModel.set(`${r.permaslug}:${r.variant}`, [...(byModel.get(`${r.permaslug}:${r.variant}`) ?? []), r]);
    // The model whose top app is the biggest, and a free variant.
    const pick = [...byModel.values()].sort((a, b) => (BigInt(b[0].total_tokens) > BigInt(a[0].total_tokens) ? 1 : -1));
    const free = [...byModel.values()].find((rows) => rows[0].variant === "free")!;
    for (const rows of [pick[0], free]) {
      const { permaslug, variant, model_id } = rows[0];
      const expected = [...rows].sort((a, b) => (BigInt(b.total_tokens) > BigInt(a.total_tokens) ? 1 : BigInt(b.total_tokens) < BigInt(a.total_tokens) ? -1 : a.app_id.localeCompare(b.app_id)));
      const ref = variant === "standard" ? permaslug : `${permaslug}:${variant}`;
      for (const r of [ref, model_id]) {
        const t = await getTopApps(db, view({ models: [[r]], top: 50 }));
        expect(t.basis).toBe("window");
        expect(t.coverage).toEqual({ from: null, to: "2026-08-28" });
        expect(t.apps.map((a) => [a.appId, a.appName, a.tokens])).toEqual(expected.map((e) => [e.app_id, e.app_title, e.total_tokens]));
      }
    }
    // The route's CSV carries the same numbers.
    const { permaslug } = pick[0][0];
    const csv = await (await appsGET(req(`/api/v1/apps?models=${encodeURIComponent(permaslug)}&format=csv`))).text();
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines.length - 1).toBe(pick[0].length);
    expect(lines[1].split(",")[3]).toBe([...pick[0]].sort((a, b) => (BigInt(b.total_tokens) > BigInt(a.total_tokens) ? 1 : -1))[0].total_tokens);
  });

  it("all apps overall: app-rankings' window for all models (≈1.2e14 exact), never added to per-model rows", async () => {
    const t = await getTopApps(db, view({ top: 10 }));
    expect(t.model).toBeNull();
    expect(t.basis).toBe("window");
    const expected = [...coding.data].sort((a, b) => (BigInt(b.total_tokens) > BigInt(a.total_tokens) ? 1 : BigInt(b.total_tokens) < BigInt(a.total_tokens) ? -1 : 0)).slice(0, 10);
    expect(t.apps.map((a) => a.tokens)).toEqual(expected.map((e) => e.total_tokens));
    expect(t.apps.map((a) => a.appId)).toEqual(expected.map((e) => String(e.app_id)));
    // An app's model mix uses per-model rows only: here the tracker's latest window per model (rule 3: the
    // all-models window is another breakdown of the same tokens and is never added to them).
    const appId = String(expected[0].app_id);
    const perModel = topApps.filter((r) => r.app_id === appId);
    expect(perModel.length).toBeGreaterThan(0);
    const mix = await getAppMix(db, appId, view({ top: 50 }));
    expect(mix.basis).toBe("window");
    expect(mix.tokens).toBe(String(perModel.reduce((x, r) => x + BigInt(r.total_tokens), 0n)));
    expect(mix.series.map((s) => s.points[0].tokens).sort()).toEqual(perModel.map((r) => r.total_tokens).sort());
    // An app known only from app-rankings gets its all-models window.
    const only = coding.data.find((r) => !topApps.some((t) => t.app_id === String(r.app_id)))!;
    const solo = await getAppMix(db, String(only.app_id), view({}));
    expect(solo.series.map((s) => [s.key, s.points[0].tokens])).toEqual([["all", only.total_tokens]]);
  });

  it("compare on real data: specs from the catalogue, totals from the rankings", async () => {
    const a = "google/gemini-3-flash-preview-20251217";
    const b = "anthropic/claude-4.5-haiku-20251001";
    const c = await getCompare(db, view({ models: [[a], [b]] }));
    for (const [i, slug] of [a, b].entries()) {
      const total = rankings.data.filter((r) => r.model_permaslug === slug).reduce((x, r) => x + BigInt(r.total_tokens), 0n);
      expect(BigInt(c.models[i].tokens)).toBe(total);
      expect(c.models[i].estimatedSpendBasis).toBe("input-only"); // rankings carry no prompt/completion split
    }
    expect(c.models[0].contextLength).toBeGreaterThan(c.models[1].contextLength!);
    expect(c.ratios[1].tokens).toBeCloseTo(Number(BigInt(c.models[0].tokens)) / Number(BigInt(c.models[1].tokens)), 9);
    const csv = await (await usageGET(req(`/api/v1/usage?models=${a},${b}&format=csv&metric=cumulative`))).text();
    expect(csv.split("\r\n")[0]).toBe("series,period,value,tokens,partial,label,complete,window_kind,window_from,window_to,rounded,source,as_of,citation,sample");
    expect(csv).not.toMatch(/\d[eE][+-]?\d/);
  });

  // 42 of the fixture's 127 permaslugs are in no catalogue: their price is unknown, which "dynamic" (a
  // router's `-1`) misstated.
  it("a price never stored reads 'not listed'; a router's `-1` reads 'dynamic'", async () => {
    const refs = ["google/gemini-3-flash-preview-20251217", "anthropic/claude-fable-5.1-20260831", "openrouter/auto"];
    const c = await getCompare(db, view({ models: refs.map((r) => [r]) }));
    expect(c.models.map((m) => [m.inputPerM, m.priceListed])).toEqual([["0.5", true], [null, false], [null, true]]);
    expect(c.models.map((m) => formatPricePerM(m.inputPerM, m.priceListed !== false))).toEqual(["$0.50/M", "not listed", "dynamic"]);
    // The router is in no day of the rankings (at most inside `other`): not reported, and no ratio to it.
    expect(c.models.map((m) => m.reported)).toEqual([true, true, false]);
    expect(c.ratios.map((r) => r.tokens === null)).toEqual([false, false, true]);
  });
});
