/**
 * Every hostile snapshot of the corpus (hostile-corpus.ts) is refused by POST /api/ingest with a located
 * 4xx in the error envelope — never a 500, never accepted — and the database is exactly as it was, on
 * both drivers. The valid snapshots each case varies are ingested first, so a refused case that had
 * written anything would show up in the dump.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type Db } from "@/db";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { BASES, HOSTILE } from "./hostile-corpus";

const state: { db: Db | null } = { db: null };
vi.mock("@/lib/server/db", () => ({ getDb: async () => state.db }));
const { POST } = await import("@/app/api/ingest/route");

const TOKEN = "hostile-test-token";
process.env.INGEST_TOKEN = TOKEN;

const post = (body: string | Uint8Array, query = "") =>
  POST(new Request(`http://localhost/api/ingest${query}`, { method: "POST", body: body as BodyInit, headers: { authorization: `Bearer ${TOKEN}` } }));

const TABLES = ["snapshots", "models", "model_prices", "model_usage_daily", "apps", "app_usage", "usage_daily_rollup", "usage_monthly_rollup", "covered_days"];

/** A row as text, long ones cut but still compared in full through their digest (keeps failures readable). */
const short = (j: string) => (j.length > 300 ? `${j.slice(0, 300)}… #${createHash("sha256").update(j).digest("hex").slice(0, 16)}` : j);

/** Every row of every table ingest writes, as text in a stable order. */
async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await rowsOf<{ j: string }>(db, sql`select to_jsonb(t)::text as j from ${sql.identifier(t)} t order by 1`);
    out[t] = rows.map((r) => short(r.j));
  }
  return out;
}

describe("the hostile corpus", () => {
  it("holds at least 100 distinct snapshots", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE.map((c) => c.name)).size).toBe(HOSTILE.length);
  });
});

describe.each(DRIVERS)("hostile snapshots on %s", (driver) => {
  let h: TestDb;
  let before: Record<string, string[]>;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    for (const base of BASES) {
      const res = await post(base.body, base.query);
      expect(res.status, `${base.name}: ${await res.clone().text()}`).toBe(200);
    }
    before = await dumpAll(h.db);
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it.each(HOSTILE.map((c) => [c.name, c] as const))("refuses %s with a located 4xx and changes nothing", async (_, c) => {
    const res = await post(c.body, c.query);
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBeGreaterThanOrEqual(400);
    expect(res.status, text.slice(0, 500)).toBeLessThan(500);
    // Small whatever the input: details capped at 50, echoed values cut.
    expect(text.length).toBeLessThan(20_000);
    const { error } = JSON.parse(text) as { error: { message: string; details: { path: string; message: string }[] } };
    expect(error.details.length).toBeGreaterThanOrEqual(1);
    expect(error.details.length).toBeLessThanOrEqual(50);
    for (const d of error.details) expect(d.path).not.toBe("(body)");
    expect(await dumpAll(h.db)).toEqual(before);
  });
});
