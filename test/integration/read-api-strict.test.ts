/**
 * The read API answers what it was asked or says why not: unknown, repeated and unreadable parameters, ranges
 * beyond the stored days and unknown authors are a
 * 400 naming them on every /api/v1 route, odd path segments a 4xx in the envelope — on both drivers.
 * Pages keep ignoring unknown parameters (a shared link carries utm_source).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { parseViewState } from "@/lib/view/state";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { canonical } from "./helpers";

const state: { db: Db | null } = { db: null };
vi.mock("@/lib/server/db", () => ({ getDb: async () => state.db }));
const { GET: modelsGET } = await import("@/app/api/v1/models/route");
const { GET: usageGET } = await import("@/app/api/v1/usage/route");
const { GET: appsGET } = await import("@/app/api/v1/apps/route");
const { GET: appGET } = await import("@/app/api/v1/apps/[appId]/route");
const { GET: subsidyGET } = await import("@/app/api/v1/subsidy/route");
const { GET: compareGET } = await import("@/app/api/v1/compare/route");

const req = (path: string) => new Request(`http://localhost${path}`);
const appRoute = (id: string) => (r: Request) => appGET(r, { params: Promise.resolve({ appId: id }) });
const ROUTES = {
  "/api/v1/models": modelsGET,
  "/api/v1/usage": usageGET,
  "/api/v1/apps": appsGET,
  "/api/v1/subsidy": subsidyGET,
  "/api/v1/compare": compareGET,
  "/api/v1/apps/lemonade": appRoute("lemonade"),
} as const;

async function refused(res: Response): Promise<string[]> {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as { error: { details: { path: string }[] } };
  return body.error.details.map((d) => d.path);
}

describe.each(DRIVERS)("strict read API on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    await ingestText(h.db, canonical("2026-01-10T00:00:00Z", { "2026-01-05": "1000", "2026-01-06": "2000" }, {
      apps: [{ id: "lemonade", name: "Lemonade" }],
      appUsage: [{ app: "lemonade", model: "acme/rocket-1", period: "2026-01-05", totalTokens: "500" }],
    }));
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(Object.entries(ROUTES))("%s refuses unknown and repeated parameters, naming them", async (path, GET) => {
    const models = path.endsWith("compare") ? "models=acme/rocket-1&" : "";
    expect(await refused(await GET(req(`${path}?${models}intreval=week&utm_source=x`)))).toEqual(["query.intreval", "query.utm_source"]);
    expect(await refused(await GET(req(`${path}?${models}top=5&top=6`)))).toEqual(["query.top"]);
    expect((await GET(req(`${path}?${models}top=5`))).status).toBe(200);
  });

  it("refuses /apps?model= (the parameter is models) instead of answering all apps", async () => {
    expect(await refused(await appsGET(req("/api/v1/apps?model=acme/rocket-1")))).toEqual(["query.model"]);
    expect((await appsGET(req("/api/v1/apps?models=acme/rocket-1"))).status).toBe(200);
  });

  it.each(["1e1", "0x10", "10.0", " 10", "+10"])("refuses top=%s (a whole number is written with digits)", async (top) => {
    expect(await refused(await usageGET(req(`/api/v1/usage?top=${encodeURIComponent(top)}`)))).toEqual(["query.top"]);
  });

  it("refuses control characters in values and undecodable or unstorable path segments", async () => {
    expect(await refused(await modelsGET(req("/api/v1/models?q=%00")))).toEqual(["query.q"]);
    expect(await refused(await modelsGET(req("/api/v1/models?q=a%01b")))).toEqual(["query.q"]);
    // Bytes that are not UTF-8 (an encoded lone surrogate, a cut sequence) are refused, not read as U+FFFD.
    for (const q of ["%ed%a0%80", "ab%e2%80", "%ff"]) expect(await refused(await modelsGET(req(`/api/v1/models?q=${q}`)))).toEqual(["query.q"]);
    expect((await modelsGET(req("/api/v1/models?q=%E2%80%94+caf%C3%A9"))).status).toBe(200);
    for (const id of ["%ed%a0%80", "\ud800", "a\u0000b", "x".repeat(201)]) {
      expect(await refused(await appRoute(id)(req("/api/v1/apps/x")))).toEqual(["appId"]);
    }
    expect((await appRoute("nobody")(req("/api/v1/apps/nobody"))).status).toBe(404);
  });

  it("refuses from after to", async () => {
    expect(await refused(await usageGET(req("/api/v1/usage?from=2026-01-06&to=2026-01-05")))).toContain("query.from");
  });

  const models = (path: string) => (path.endsWith("compare") ? "models=acme/rocket-1&" : "");

  it.each(Object.entries(ROUTES))("%s refuses a bound beyond the stored days that leaves nothing, naming it", async (path, GET) => {
    const later = await GET(req(`${path}?${models(path)}from=2026-02-01`));
    expect(await refused(later.clone())).toEqual(["query.from"]);
    expect(((await later.json()) as { error: { message: string } }).error.message).toBe("from (2026-02-01) is after the newest stored day (2026-01-06)");
    expect(await refused(await GET(req(`${path}?${models(path)}to=2025-12-31`)))).toEqual(["query.to"]);
    expect(await refused(await GET(req(`${path}?${models(path)}from=2030-01-05&to=2030-01-01`)))).toEqual(["query.from"]);
    expect((await GET(req(`${path}?${models(path)}from=2026-01-06&to=2030-01-01`))).status).toBe(200);
  });

  it.each(Object.entries(ROUTES))("%s refuses an unknown author like every other endpoint", async (path, GET) => {
    const res = await GET(req(`${path}?${models(path)}authors=acme,nobody`));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string; details: unknown } }).error).toEqual({
      message: 'unknown author "nobody"',
      details: [{ path: "query.authors[1]", message: 'unknown author "nobody"' }],
    });
  });

  it("pages keep ignoring unknown parameters", () => {
    const { issues } = parseViewState(new URLSearchParams("utm_source=x&fbclid=y&interval=week"));
    expect(issues).toEqual([]);
  });
});

describe.each(DRIVERS)("an instance holding only app usage, on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
    const snapshot = {
      format: "modelshare.snapshot/v1",
      source: "test",
      capturedAt: "2026-02-02T00:00:00Z",
      models: [{ id: "acme/rocket-1", name: "Acme Rocket 1" }],
      apps: [{ id: "lemonade", name: "Lemonade" }],
      appUsage: [{ app: "lemonade", model: "acme/rocket-1", period: "2026-01", totalTokens: "900" }],
    };
    await ingestText(h.db, JSON.stringify(snapshot));
  });
  afterAll(async () => {
    await h.close();
  });

  it("shows its apps: the range is the days its app periods cover", async () => {
    const top = (await (await appsGET(req("/api/v1/apps"))).json()) as { from: string; to: string; apps: { appId: string; tokens: string }[] };
    expect([top.from, top.to]).toEqual(["2026-01-01", "2026-01-31"]);
    expect(top.apps.map((a) => [a.appId, a.tokens])).toEqual([["lemonade", "900"]]);
    const app = (await (await appRoute("lemonade")(req("/api/v1/apps/lemonade"))).json()) as { from: string; to: string };
    expect([app.from, app.to]).toEqual(["2026-01-01", "2026-01-31"]);
  });
});
