/**
 * Discovery (issue 13) over real handlers and both drivers: search on the sample, the apps leaderboard per
 * category from the real app-rankings (ingested with their category over POST /api/ingest), vendor pages.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { writeSnapshot } from "@/lib/ingest/write";
import { generateSampleSnapshot } from "@/lib/sample/generate";
import { search } from "@/lib/queries/search";
import { getAppLeaderboard } from "@/lib/queries/app-leaderboard";
import { loadVendorPage } from "@/lib/pages/vendor-page";
import { DEFAULT_VIEW } from "@/lib/view/state";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

const state: { db: Db | null } = { db: null };
vi.mock("@/lib/server/db", () => ({ getDb: async () => state.db }));
const { GET: searchGET } = await import("@/app/api/v1/search/route");
const { POST: ingestPOST } = await import("@/app/api/ingest/route");
const TOKEN = "discovery-test-token";
process.env.INGEST_TOKEN = TOKEN;

const ingest = (body: string, query = "") =>
  ingestPOST(new Request(`http://localhost/api/ingest${query}`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}` } }));
type Row = { rank: number; app_id: number; app_name: string; total_tokens: string };
const rankings = (c: string) => JSON.parse(readFixture(`app-rankings/app-rankings-${c}-2026-09-22.json`)) as { data: Row[] };

describe.each(DRIVERS)("search and vendor pages on the sample (%s)", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    await writeSnapshot(h.db, generateSampleSnapshot(), { checksum: "s", fallbackAsOf: new Date(), isSample: true });
  });
  afterAll(async () => h?.close());

  it("finds Claude 3.7 Sonnet first for 'sonnet 3.7', and the vendor first for its name", async () => {
    const r = await search(h.db, "sonnet 3.7");
    expect(r.hits[0]).toMatchObject({ kind: "model", id: "anthropic/claude-3.7-sonnet", href: "/models/anthropic/claude-3.7-sonnet" });
    const g = await search(h.db, "Google");
    expect(g.hits[0]).toMatchObject({ kind: "vendor", id: "google", label: "Google" });
    expect(g.models.every((m) => m.detail === "Google")).toBe(true);
    const kilo = await search(h.db, "kilo");
    expect(kilo.apps[0]).toMatchObject({ kind: "app", id: "kilo-code", label: "Kilo Code" });
  });

  it("GET /api/v1/search answers JSON and CSV, and a located 400 for an unknown parameter", async () => {
    const res = await searchGET(new Request("http://localhost/api/v1/search?q=gemini%20pro%202.5&top=5"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.models.length).toBeGreaterThan(0);
    expect(body.models.every((m: { id: string }) => m.id.startsWith("google/gemini-2.5-pro"))).toBe(true);
    const csv = await (await searchGET(new Request("http://localhost/api/v1/search?q=haiku&format=csv"))).text();
    expect(csv.split("\r\n")[0].replace(/^\uFEFF/, "")).toBe("kind,id,label,detail,href,tokens");
    const bad = await searchGET(new Request("http://localhost/api/v1/search?query=x"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("query.query");
  });

  it("a vendor page has the vendor's models, free and paid tokens per period, and top apps; an unknown vendor has none", async () => {
    const page = await loadVendorPage(h.db, "google", { ...DEFAULT_VIEW, from: "2025-04-01", to: "2025-04-30", interval: "month" });
    expect(page).not.toBeNull();
    expect(page!.models.every((m) => m.author === "google")).toBe(true);
    expect(page!.periods!.points).toHaveLength(1);
    expect(page!.periods!.freeShare!).toBeGreaterThan(0.2);
    expect(page!.apps.apps.length).toBeGreaterThan(0);
    expect(await loadVendorPage(h.db, "no-such-vendor", DEFAULT_VIEW)).toBeNull();
  });
});

describe.each(DRIVERS)("apps leaderboard by category from the real app-rankings (%s)", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    for (const c of ["coding", "productivity", "creative"]) expect((await ingest(readFixture(`app-rankings/app-rankings-${c}-2026-09-22.json`), `?category=${c}`)).status).toBe(200);
  });
  afterAll(async () => h?.close());

  it("ranks a category by its own rows, labelled as the source's window", async () => {
    const board = await getAppLeaderboard(h.db, DEFAULT_VIEW, "creative");
    const raw = rankings("creative").data;
    expect(board.basis).toBe("window");
    expect(board.coverage).toEqual({ from: "2026-06-24", to: "2026-09-21" });
    expect(board.categories).toEqual(["coding", "creative", "productivity"]);
    expect(board.rows.map((r) => r.appId)).toEqual([...raw].sort((a, b) => Number(BigInt(b.total_tokens) - BigInt(a.total_tokens))).map((r) => String(r.app_id)));
    expect(board.rows.map((r) => r.sourceRank)).toEqual([...raw].sort((a, b) => Number(BigInt(b.total_tokens) - BigInt(a.total_tokens))).map((r) => r.rank));
  });

  it("without a category, lists every app once (an app in two categories is not counted twice)", async () => {
    const board = await getAppLeaderboard(h.db, DEFAULT_VIEW, null);
    const ids = board.rows.map((r) => r.appId);
    expect(new Set(ids).size).toBe(ids.length);
    const hermes = board.rows.find((r) => r.appName === "Hermes Agent")!;
    expect(hermes.tokens).toBe(rankings("coding").data.find((r) => r.app_name === "Hermes Agent")!.total_tokens);
  });

  it("refuses a category that is not a name, stating where", async () => {
    const res = await ingest(readFixture("app-rankings/app-rankings-coding-2026-09-22.json"), "?category=Not%20Valid");
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe("query.category");
  });
});

describe.each(DRIVERS)("search after an ingest (%s)", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
  });
  afterAll(async () => h?.close());

  it("finds what a new snapshot added: its candidates are rebuilt for the new data version", async () => {
    const coding = new Set(rankings("coding").data.map((r) => String(r.app_id)));
    const onlyCreative = rankings("creative").data.find((r) => !coding.has(String(r.app_id)) && r.app_name.trim().length > 3)!;
    expect((await ingest(readFixture("app-rankings/app-rankings-coding-2026-09-22.json"), "?category=coding")).status).toBe(200);
    expect((await search(h.db, onlyCreative.app_name)).apps.map((a) => a.id)).not.toContain(String(onlyCreative.app_id));
    expect((await ingest(readFixture("app-rankings/app-rankings-creative-2026-09-22.json"), "?category=creative")).status).toBe(200);
    expect((await search(h.db, onlyCreative.app_name)).apps.map((a) => a.id)).toContain(String(onlyCreative.app_id));
  });
});
