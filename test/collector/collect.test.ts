/**
 * The collector end to end: CLI → HTTP (local replay of the real fixtures) → ingestText → database,
 * on PGlite and, when DATABASE_URL/TEST_DATABASE_URL is set, on real Postgres.
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { windows } from "@/lib/collector/plan";
import { ingestText } from "@/lib/ingest";
import { DRIVERS } from "../db";
import { readFixture } from "../fixtures";
import { FIXTURE_NOW, maxInWindow } from "./fake-clock";
import { count, harness, KEY, snapshotsByFormat, type Harness } from "./harness";
import { appRankingsFixture, CATEGORIES, rankingsFixture, rankingsWindow, type RankingsBody } from "./replay-server";

// Expectations computed from the fixtures.
const rankings = rankingsFixture();
const FIXTURE_TOKENS = rankings.data.reduce((s, r) => s + BigInt(r.total_tokens), 0n);
const appRows = CATEGORIES.flatMap((c) =>
  (JSON.parse(readFixture(appRankingsFixture(c))) as { data: Array<{ app_id: number; rank: number }> }).data.map((r) => ({ ...r, category: c })),
);
const DISTINCT_APPS = new Set(appRows.map((a) => a.app_id)).size;
const FULL_WINDOWS = windows("2025-01-01", "2026-09-21", 90);
const WINDOWS_WITH_DATA = FULL_WINDOWS.filter((w) => rankings.data.some((r) => r.date >= w.start && r.date <= w.end)).length;
const FULL_RUN_REQUESTS = 1 + FULL_WINDOWS.length + CATEGORIES.length;

describe.each(DRIVERS)("collector on %s", (driver) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(driver);
  });
  afterEach(() => h.close());

  it("a full run backfills from 2025-01-01 and stores the fixture data", async () => {
    const r = await h.run();
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.requests).toHaveLength(FULL_RUN_REQUESTS); // 12: catalogue, 7 windows of ≤ 90 days, 4 categories
    const asked = r.requests.filter((q) => q.path === "/datasets/rankings-daily").map((q) => q.query);
    expect(asked).toEqual(FULL_WINDOWS.map((w) => ({ start_date: w.start, end_date: w.end })));
    expect(r.requests.filter((q) => q.path === "/datasets/app-rankings").map((q) => q.query.category)).toEqual(CATEGORIES);

    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length); // 4,590
    const [{ total }] = await rowsOf<{ total: string }>(h.db.db, sql`select sum(total_tokens)::text as total from model_usage_daily`);
    expect(BigInt(total)).toBe(FIXTURE_TOKENS);
    expect(await count(h.db, "apps")).toBe(DISTINCT_APPS);
    // One row per app and category: an app listed in two categories keeps its rank in each.
    expect(await count(h.db, "app_usage")).toBe(appRows.length);
    const stored = await rowsOf<{ app_id: string; category: string; rank: number }>(h.db.db, sql`select app_id, category, rank from app_usage`);
    expect(new Set(stored.map((s) => `${s.app_id}|${s.category}|${s.rank}`))).toEqual(new Set(appRows.map((a) => `${a.app_id}|${a.category}|${a.rank}`)));
    expect(await count(h.db, "models", sql`where in_catalogue`)).toBeGreaterThanOrEqual(400);
    expect(await snapshotsByFormat(h.db)).toEqual({
      "openrouter-models": 1,
      "openrouter-rankings-daily": WINDOWS_WITH_DATA,
      "openrouter-app-rankings": CATEGORIES.length,
    });
    // Provenance: the source's as_of and the citation it requires.
    const [snap] = await rowsOf<{ as_of: unknown; citation: string }>(
      h.db.db,
      sql`select as_of, citation from snapshots where format = 'openrouter-rankings-daily' limit 1`,
    );
    expect(new Date(String(snap.as_of instanceof Date ? snap.as_of.toISOString() : snap.as_of)).toISOString()).toBe(rankings.meta.as_of);
    expect(snap.citation).toBe("Source: OpenRouter (openrouter.ai/rankings), as of 2026-09-22.");
    // The catalogue carries no as_of: the fetch time is its as_of.
    const [cat] = await rowsOf<{ as_of: unknown }>(h.db.db, sql`select as_of from snapshots where format = 'openrouter-models'`);
    expect(new Date(String(cat.as_of instanceof Date ? cat.as_of.toISOString() : cat.as_of)).getTime()).toBe(FIXTURE_NOW);

    expect(r.out).toContain(`plan: models catalogue; rankings-daily 2025-01-01..2026-09-21 in 7 windows; app-rankings × 4 (coding, productivity, creative, entertainment) = ${FULL_RUN_REQUESTS} requests`);
    expect(r.out).toMatch(/stored: snapshot #\d+ openrouter-rankings-daily as of 2026-09-22T10:34:37.721Z: model-days \d+ \(\+\d+ new/);
    expect(r.out).toContain("nothing to store: rankings-daily 2025-01-01..2025-03-31 has no rows");
    expect(r.out).toMatch(/done: 12 requests; stored 7, skipped 5 \(already stored or empty\), failed 0/);
    expect(r.out).toMatch(/freshness: data as of 2026-09-22T10:34:48.713Z \(1.4 h ago\), usage through 2026-09-21/);
    expect(r.out + r.err).not.toContain(KEY);
    expect(r.out).not.toContain("sample data");
  }, 120_000); // the first test of a worker also builds the PGlite template

  it("a second run skips what is already stored and asks for no rankings it has", async () => {
    await h.run();
    const snapshots = await count(h.db, "snapshots");
    h.clock.t += 3_600_000;
    const r = await h.run();
    expect(r.code).toBe(0);
    expect(r.requests.map((q) => q.path)).toEqual(["/models", ...CATEGORIES.map(() => "/datasets/app-rankings")]);
    expect(r.out).toContain("rankings-daily up to date");
    expect(r.out.match(/skipped: already stored as snapshot #\d+/g)).toHaveLength(1 + CATEGORIES.length);
    expect(r.out).toMatch(/done: 5 requests; stored 0, skipped 5/);
    expect(await count(h.db, "snapshots")).toBe(snapshots);
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("backfills from the day after the newest stored day", async () => {
    const upTo = rankingsWindow("2026-06-24", "2026-08-31");
    await ingestText(h.db.db, JSON.stringify(upTo));
    const r = await h.run();
    expect(r.code).toBe(0);
    expect(r.requests.filter((q) => q.path === "/datasets/rankings-daily").map((q) => q.query)).toEqual([
      { start_date: "2026-09-01", end_date: "2026-09-21" },
    ]);
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("fetches again a day that was stored before it had settled", async () => {
    const early: RankingsBody = rankingsWindow("2026-06-24", "2026-08-31");
    early.meta.as_of = "2026-09-01T01:30:00.000Z"; // 1.5 h after 2026-08-31 ended: still counting
    await ingestText(h.db.db, JSON.stringify(early));
    const r = await h.run();
    expect(r.requests.find((q) => q.path === "/datasets/rankings-daily")!.query).toEqual({ start_date: "2026-08-31", end_date: "2026-09-21" });
    // The newer as_of replaced the early figures.
    const [{ n }] = await rowsOf<{ n: number }>(
      h.db.db,
      sql`select count(*)::int as n from model_usage_daily where day = '2026-08-31' and as_of = ${rankings.meta.as_of}::timestamptz`,
    );
    expect(Number(n)).toBe(rankings.data.filter((x) => x.date === "2026-08-31").length);
  });

  it("--from limits the backfill", async () => {
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.requests.filter((q) => q.path === "/datasets/rankings-daily").map((q) => q.query)).toEqual([
      { start_date: "2026-06-24", end_date: "2026-09-21" },
    ]);
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("says the sample data is replaced by the first collected snapshot, and replaces it", async () => {
    await h.db.db.execute(
      sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts, is_sample)
          values ('modelshare-json', 'sample', now(), 'sample-test', 'Sample data', '{}'::jsonb, true)`,
    );
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("the first collected snapshot replaces it");
    const left = await h.db.db.execute(sql`select count(*)::int as n from snapshots where is_sample`);
    expect((Array.isArray(left) ? left : (left as { rows: { n: number }[] }).rows)[0].n).toBe(0);
  });

  it("honours Retry-After and retries 5xx, network errors and truncated bodies", async () => {
    h.server.failNext("/models", { status: 429, headers: { "retry-after": "7" } });
    h.server.failNext("/datasets/rankings-daily", { status: 503, headers: { "retry-after": new Date(FIXTURE_NOW + 60_000).toUTCString() } }, { destroy: true });
    h.server.failNext("/datasets/app-rankings", { status: 500 }, { truncate: true });
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.code).toBe(0);
    const models = h.server.to("/models");
    expect(models[1].at - models[0].at).toBe(7000);
    const rk = h.server.to("/datasets/rankings-daily");
    expect(rk).toHaveLength(3);
    expect(rk[1].at).toBeGreaterThanOrEqual(FIXTURE_NOW + 60_000);
    expect(r.out).toMatch(/retry 2\/5 of GET \/models in 7\.0 s: 429 Too Many Requests/);
    expect(r.out).toMatch(/retry 3\/5 of GET \/datasets\/rankings-daily.*network error/);
    expect(r.out).toMatch(/retry 3\/5 of GET \/datasets\/app-rankings\?category=coding.*after \d+ characters/);
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("bounded retries: an endpoint that keeps failing costs 5 requests, fails the run, and the rest is stored", async () => {
    h.server.failAlways("/datasets/app-rankings", { status: 500 });
    const r = await h.run(["--once", "--from", "2026-06-24"], { env: { COLLECT_CATEGORIES: "coding" } });
    expect(r.code).toBe(1);
    expect(h.server.to("/datasets/app-rankings")).toHaveLength(5);
    expect(r.out).toMatch(/GET \/datasets\/app-rankings\?category=coding: FAILED: .*failed after 5 attempts; last: 500 Internal Server Error/);
    expect(r.err).toMatch(/1 request failed/);
    expect(await snapshotsByFormat(h.db)).toEqual({ "openrouter-models": 1, "openrouter-rankings-daily": 1 });
  });

  it("a truncated body that stays truncated is a clear error and stores nothing", async () => {
    h.server.failAlways("/models", { truncate: true });
    const r = await h.run(["--once", "--from", "2026-06-24"], { env: { COLLECT_MAX_ATTEMPTS: "2" } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/GET \/models: FAILED: GET \/models: the response was not complete JSON in 2 attempts .*nothing stored/);
    expect((await snapshotsByFormat(h.db))["openrouter-models"]).toBeUndefined();
  });

  it("401: one request, a clear message about the key, and the key is never printed", async () => {
    const wrong = "sk-or-v1-this-key-is-revoked-and-secret";
    const r = await h.run(["--once"], { env: { OPENROUTER_API_KEY: wrong } });
    expect(r.code).toBe(1);
    expect(r.requests).toHaveLength(1);
    expect(r.err).toMatch(/stopped: OpenRouter rejected the API key \(401 Unauthorized.*Check OPENROUTER_API_KEY/);
    expect(r.out).toMatch(/not requested 11/);
    expect(r.out + r.err).not.toContain(wrong);
    expect(await count(h.db, "snapshots")).toBe(0);
  });

  it("a missing key is a usage error before any request", async () => {
    const r = await h.run(["--once"], { env: { OPENROUTER_API_KEY: "" } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OPENROUTER_API_KEY is not set/);
    expect(r.requests).toHaveLength(0);
  });

  it("schema drift (total_tokens renamed): reported with the path, stored nowhere, exit 1", async () => {
    h.server.failAlways("/datasets/rankings-daily", {
      transform: (b: RankingsBody) => ({ ...b, data: b.data.map(({ total_tokens, ...rest }) => ({ ...rest, tokens: total_tokens })) }),
    });
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED: schema drift in GET \/datasets\/rankings-daily\?start_date=2026-06-24&end_date=2026-09-21: the response does not have the shape of openrouter-rankings-daily and was stored nowhere/);
    expect(r.out).toMatch(/data\[\*\]\.total_tokens: is required \(\d+ rows, first data\[0\]\.total_tokens\)/);
    expect((await snapshotsByFormat(h.db))["openrouter-rankings-daily"]).toBeUndefined();
    expect(await count(h.db, "model_usage_daily")).toBe(0);
  });

  it("schema drift that breaks detection (model_permaslug renamed) still names the path", async () => {
    h.server.failAlways("/datasets/rankings-daily", {
      transform: (b: RankingsBody) => ({ ...b, data: b.data.map(({ model_permaslug, ...rest }) => ({ ...rest, model: model_permaslug })) }),
    });
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/data\[\*\]\.model_permaslug: is required/);
    expect(await count(h.db, "model_usage_daily")).toBe(0);
  });

  it("a failed rankings window ends the backfill there, so the next run resumes at the gap", async () => {
    h.server.failNext("/datasets/rankings-daily", { transform: (b: RankingsBody) => ({ ...b, meta: { ...b.meta, as_of: "yesterday" } }) });
    const r = await h.run(["--once"], { env: { COLLECT_FROM: "2026-03-01" } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/meta\.as_of: must be an ISO-8601 instant/);
    expect(h.server.to("/datasets/rankings-daily")).toHaveLength(1); // the later windows were not requested
    const again = await h.run(["--once"], { env: { COLLECT_FROM: "2026-03-01" } });
    expect(again.code).toBe(0);
    expect(again.requests.find((q) => q.path === "/datasets/rankings-daily")!.query.start_date).toBe("2026-03-01");
  });

  it("optional and unknown fields may come and go", async () => {
    h.server.failAlways("/datasets/rankings-daily", {
      transform: (b: RankingsBody) => ({ data: b.data.map((row) => ({ ...row, prompt_tokens: "1", new_field: true })), meta: { ...b.meta, version: undefined, extra: 1 } }),
    });
    h.server.failAlways("/models", {
      transform: (b: { data: Array<Record<string, unknown>> }) => ({ data: b.data.map(({ description: _description, architecture: _architecture, ...m }) => ({ ...m, brand_new: [1] })) }),
    });
    const r = await h.run(["--once", "--from", "2026-06-24"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("the daily budget is persisted: a run stops when it is spent and the next day's run resumes", async () => {
    const env = { COLLECT_DAILY_BUDGET: "4" };
    const r = await h.run(["--once"], { env });
    expect(r.code).toBe(1);
    expect(r.requests).toHaveLength(4);
    expect(r.out).toMatch(/warning: 12 requests planned but 4 left in the daily budget/);
    expect(r.err).toMatch(/stopped: daily request budget exhausted: 4 requests in the last 24 h .*next request is possible at 2026-09-23T12:00:00.000Z/);
    expect(JSON.parse(readFileSync(h.env.COLLECT_STATE_FILE, "utf8")).requests).toHaveLength(4);

    const refused = await h.run(["--once"], { env });
    expect(refused.requests).toHaveLength(0);

    h.clock.t += 86_400_000;
    const next = await h.run(["--once"], { env: { COLLECT_DAILY_BUDGET: "500" } });
    expect(next.code).toBe(0);
    // The 3 windows done were empty (the fixture starts 2026-06-24) and stored nothing, so the backfill starts over.
    expect(next.requests.find((q) => q.path === "/datasets/rankings-daily")!.query.start_date).toBe(FULL_WINDOWS[0].start);
  });

  it("the token bucket never lets more than 30 requests into any 60 s window", async () => {
    const r = await h.run(["--once"], { env: { COLLECT_WINDOW_DAYS: "7" } });
    expect(r.code).toBe(0);
    const n = 1 + windows("2025-01-01", "2026-09-21", 7).length + CATEGORIES.length; // 95
    expect(r.requests).toHaveLength(n);
    expect(maxInWindow(r.requests.map((q) => q.at), 60_000)).toBe(30);
    expect(h.clock.t - FIXTURE_NOW).toBeGreaterThanOrEqual(3 * 60_000); // 95 requests need at least 3 full minutes
    expect(await count(h.db, "model_usage_daily")).toBe(rankings.data.length);
  });

  it("--every 6h runs again after the interval", async () => {
    const stop = new AbortController();
    let runs = 0;
    const r = await h.run(["--every", "6h"], {
      signal: stop.signal,
      onOut: (line) => {
        if (line.startsWith("done:") && ++runs === 2) stop.abort(new Error("test"));
      },
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain("next run at 2026-09-22T18:00:00.000Z");
    expect(r.out).toContain("collect: stopped");
    const models = h.server.to("/models");
    expect(models).toHaveLength(2);
    expect(models[1].at - models[0].at).toBeGreaterThanOrEqual(6 * 3_600_000);
    expect(r.out.match(/skipped: already stored/g)?.length).toBeGreaterThanOrEqual(CATEGORIES.length);
  });
});
