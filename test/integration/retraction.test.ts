/**
 * Retraction (DELETE /api/snapshots/<id>): every figure a snapshot set falls back to what the remaining
 * snapshots say, exactly as if it had never been ingested — full table dumps, rollups included, on both
 * drivers — and pinned permalinks keep what they pinned.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { retractSnapshot } from "@/lib/ingest/retract";
import { createShare } from "@/lib/share/create";
import { getPermalink } from "@/lib/share/permalinks";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { canonical } from "./helpers";
import { dumpTables } from "./table-dump";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));
const { DELETE } = await import("@/app/api/snapshots/[id]/route");

const TOKEN = "retract-test-token";
process.env.INGEST_TOKEN = TOKEN;

interface RankingsBody {
  data: { date: string; model_permaslug: string; total_tokens: string }[];
  meta: Record<string, unknown>;
}

const rankings = JSON.parse(readFixture("rankings-daily/rankings-daily-2026-09-22.json")) as RankingsBody;
const firstDays = [...new Set(rankings.data.map((r) => r.date))].sort().slice(0, 2);

/** A: what stays. B: restatements of A's rows (covering day, tie on a week, newer canonical day) that retraction must undo. */
const A = [
  JSON.stringify({ data: rankings.data.filter((r) => firstDays.includes(r.date)), meta: rankings.meta }),
  readFixture("trackers/weekly/2025-11-16.json"),
  canonical("2026-01-10T00:00:00Z", { "2026-01-01": "1000", "2026-01-02": "2000" }, {
    apps: [{ id: "lemonade", name: "Lemonade" }],
    appUsage: [{ app: "lemonade", model: "acme/rocket-1", period: "2026-01-01", totalTokens: "500" }],
  }),
];

function restatedDay(): string {
  const day = rankings.data.filter((r) => r.date === firstDays[0]);
  const models = day.filter((r) => r.model_permaslug !== "other");
  const other = day.find((r) => r.model_permaslug === "other")!;
  // The last model falls into `other`; the top one is restated. Covering (it has `other`): replaces the day.
  const fell = models[models.length - 1];
  const rows = [
    { ...models[0], total_tokens: String(BigInt(models[0].total_tokens) + 7n) },
    ...models.slice(1, -1),
    { ...other, total_tokens: String(BigInt(other.total_tokens) + BigInt(fell.total_tokens)) },
  ];
  return JSON.stringify({ data: rows, meta: { ...rankings.meta, as_of: "2026-09-23T00:00:00.000Z" } });
}

function restatedWeek(): string {
  const w = JSON.parse(readFixture("trackers/weekly/2025-11-16.json")) as { models: { total_tokens: number; prompt_tokens: number }[] };
  w.models[0].total_tokens += 1; // same date (as_of): the larger row wins the tie
  w.models[0].prompt_tokens += 1;
  return JSON.stringify(w);
}

const B = [
  restatedDay(),
  restatedWeek(),
  canonical("2026-01-11T00:00:00Z", { "2026-01-02": "2500", "2026-01-03": "9" }, {
    apps: [{ id: "lemonade", name: "Lemonade v2" }, { id: "mango", name: "Mango" }],
    appUsage: [
      { app: "lemonade", model: "acme/rocket-1", period: "2026-01-01", totalTokens: "501" },
      { app: "mango", model: "acme/rocket-1", period: "2026-01", totalTokens: "40" },
    ],
  }),
];

const del = (id: string, token: string | null = TOKEN) =>
  DELETE(new Request(`http://localhost/api/snapshots/${id}`, { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({ id }),
  });

describe.each(DRIVERS)("retraction on %s", (driver) => {
  let onlyA: Record<string, string[]>;
  let h: TestDb;
  beforeAll(async () => {
    const a = await freshDb(driver);
    for (const body of A) await ingestText(a.db, body);
    onlyA = await dumpTables(a.db);
    await a.close();
    h = await freshDb(driver);
    holder.db = h.db;
  }, 300_000); // two databases and three ingests: slow only on a loaded machine
  afterAll(async () => {
    await h.close();
  });

  it("ingest A then B, retract every B: the tables equal ingesting A alone, rollups included", async () => {
    for (const body of A) await ingestText(h.db, body);
    const ids: number[] = [];
    for (const body of B) ids.push((await ingestText(h.db, body)).snapshotId);
    const withB = await dumpTables(h.db);
    // B really changed what A had set (else the test proves nothing).
    for (const t of ["model_usage_daily", "model_usage_window", "app_usage", "usage_daily_rollup", "usage_monthly_rollup", "app_usage_month_source", "apps"]) {
      expect(withB[t], t).not.toEqual(onlyA[t]);
    }
    // In an order other than ingest order, one of them over the route.
    await retractSnapshot(h.db, ids[1]);
    const res = await del(String(ids[0]));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ retracted: { snapshotId: ids[0], format: "openrouter-rankings-daily" }, replayed: 4 });
    await retractSnapshot(h.db as Db, ids[2]);
    expect(await dumpTables(h.db)).toEqual(onlyA);
  });

  it("replays a body stored in several parts (over a megabyte of text) as it was sent", async () => {
    // 20,000 days of one model: about 1.3 million characters, so the body is stored in two parts.
    const days = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [new Date(Date.UTC(1970, 0, 1 + i)).toISOString().slice(0, 10), String(1000 + i)]));
    const big = canonical("2026-02-01T00:00:00Z", days);
    expect(big.length).toBeGreaterThan(1 << 20);
    const restated = canonical("2026-02-02T00:00:00Z", { "1970-01-05": "7" });
    const alone = await freshDb(driver);
    const both = await freshDb(driver);
    try {
      await ingestText(alone.db, big);
      await ingestText(both.db, big);
      const { snapshotId } = await ingestText(both.db, restated);
      await retractSnapshot(both.db, snapshotId);
      expect(await dumpTables(both.db)).toEqual(await dumpTables(alone.db));
    } finally {
      await alone.close();
      await both.close();
    }
  }, 300_000);

  it("answers in the error envelope: 401 without the token, 400 for a bad id, 404 for an unknown one", async () => {
    const noToken = await del("1", null);
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.message).toMatch(/Authorization/);
    const bad = await del("abc");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("id");
    const unknown = await del("999999");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.details[0].message).toMatch(/no such snapshot/);
  });

  it("keeps what a pinned permalink pinned", async () => {
    const later = await ingestText(h.db, canonical("2026-01-12T00:00:00Z", { "2026-01-01": "7777" }));
    const query = "from=2026-01-01&to=2026-01-03&interval=day";
    const pinned = await createShare(h.db, { view: "model", subject: "acme/rocket-1", query, mode: "pinned" }, { origin: "http://modelshare.test", client: "203.0.113.9" });
    const before = await getPermalink(h.db, pinned.id);
    expect(JSON.stringify(before!.data)).toContain("7777");
    await retractSnapshot(h.db, later.snapshotId);
    const after = await getPermalink(h.db, pinned.id);
    expect(after!.data).toEqual(before!.data);
    expect(await dumpTables(h.db)).toEqual(onlyA);
  });
});
