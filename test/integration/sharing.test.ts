/**
 * Sharing over the real route handlers, on every available driver: POST /api/share (validation, size
 * bounds, rate limits), pinned data surviving restatements and new days, embeds, chart images and oEmbed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getPermalink } from "@/lib/share/permalinks";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));

import { POST as sharePOST } from "@/app/api/share/route";
import { GET as embedGET } from "@/app/embed/[...path]/route";
import { GET as imageGET } from "@/app/api/image/[...path]/route";
import { GET as oembedGET } from "@/app/api/oembed/route";

const ORIGIN = "http://modelshare.test";
// Links are absolute from an allowed host only (lib/server/client.ts).
process.env.ALLOWED_HOSTS = "modelshare.test";
const NAME = `Rocket <b>"1"</b>`;

function snapshot(capturedAt: string, days: Record<string, string>) {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "test",
    capturedAt,
    models: [{ id: "acme/rocket-1", name: NAME, launchDate: "2026-01-01", contextLength: 128000, pricing: { inputPerM: "1", outputPerM: "2" } }],
    modelUsage: Object.entries(days).map(([date, totalTokens]) => ({ date, model: "acme/rocket-1", totalTokens })),
    apps: [{ id: "formula", name: "=cmd|' /C calc'!A0" }],
    appUsage: [{ app: "formula", model: "acme/rocket-1", period: "2026-01", totalTokens: "700" }],
  });
}

/** `peer` is the TCP peer the server records (x-modelshare-peer); `xff` what the request claims. */
function post(body: unknown, opts: { peer?: string; xff?: string; type?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": opts.type ?? "application/json", host: "modelshare.test", "x-modelshare-peer": opts.peer ?? "203.0.113.7" };
  if (opts.xff) headers["x-forwarded-for"] = opts.xff;
  return sharePOST(new Request(`${ORIGIN}/api/share`, { method: "POST", headers, body: opts.raw ?? JSON.stringify(body) }));
}
const get = (handler: (r: Request) => Promise<Response>, path: string) => handler(new Request(`${ORIGIN}${path}`, { headers: { host: "modelshare.test" } }));
const MODEL = { view: "model", subject: "acme/rocket-1", chart: "model-adoption", query: "from=2026-01-01&to=2026-01-31&interval=day" };

describe.each(DRIVERS)("sharing on %s", (driver) => {
  let h: TestDb;
  const env = { ...process.env };
  beforeAll(async () => {
    h = await freshDb(driver);
    holder.db = h.db;
    await ingestText(h.db as Db, snapshot("2026-01-10T00:00:00Z", { "2026-01-01": "1000", "2026-01-02": "2000", "2026-01-03": "3000" }));
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    process.env.ALLOWED_HOSTS = "modelshare.test";
    for (const k of ["SHARE_RATE_LIMIT", "SHARE_RATE_LIMIT_GLOBAL", "PERMALINK_MAX_BYTES", "SHARE_BYTES_PER_HOUR", "SHARE_BYTES_PER_HOUR_GLOBAL", "TRUSTED_PROXY_HOPS", "PUBLIC_ORIGIN"]) {
      if (env[k] === undefined) delete process.env[k];
      else process.env[k] = env[k];
    }
  });

  it("pins a view: the pinned embed keeps its numbers after a restatement and a new day, live ones follow", async () => {
    const res = await post(MODEL);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(body).toMatchObject({
      mode: "pinned",
      url: `${ORIGIN}/s/${body.id}`,
      pinnedUrl: `${ORIGIN}/s/${body.id}`,
      liveUrl: `${ORIGIN}/models/acme/rocket-1?from=2026-01-01&to=2026-01-31&interval=day`,
      embedUrl: `${ORIGIN}/embed/s/${body.id}/model-adoption`,
      asOf: "2026-01-10T00:00:00.000Z",
    });
    expect(res.headers.get("location")).toBe(body.url);
    const row = (await getPermalink(h.db as Db, body.id))!;
    expect(row).toMatchObject({ view: "model", subject: "acme/rocket-1", chart: "model-adoption", query: "from=2026-01-01&to=2026-01-31&interval=day", mode: "pinned" });
    expect(row.dataBytes).toBeGreaterThan(100);

    const before = await (await get(embedGET, `/embed/s/${body.id}`)).text();
    expect(before).toContain("used 6K tokens");
    await ingestText(h.db as Db, snapshot("2026-01-20T00:00:00Z", { "2026-01-02": "9000", "2026-01-04": "4000" }));
    const pinned = await (await get(embedGET, `/embed/s/${body.id}`)).text();
    expect(pinned).toContain("used 6K tokens");
    expect(pinned).toContain("Pinned: data as of 10 Jan 2026, 00:00 UTC");
    expect(pinned).toContain(`&lt;b&gt;&quot;1&quot;&lt;/b&gt;`);
    expect(pinned).toContain(`href="${ORIGIN}/s/${body.id}#model-adoption"`);
    const liveRes = await get(embedGET, `/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`);
    const live = await liveRes.text();
    expect(live).toContain("used 17K tokens");
    // The second reader of this data version gets the answer drawn for the first, headers included.
    const again = await get(embedGET, `/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`);
    expect(again.headers.get("x-modelshare-cache")).toBe("hit");
    expect(again.headers.get("etag")).toBe(liveRes.headers.get("etag"));
    expect(await again.text()).toBe(live);
    expect(live).not.toContain("Pinned");
  });

  it("live permalinks store no data", async () => {
    const body = await (await post({ ...MODEL, mode: "live" })).json();
    expect(body.pinnedUrl).toBeNull();
    const row = (await getPermalink(h.db as Db, body.id))!;
    expect(row).toMatchObject({ mode: "live", data: null, dataBytes: 0 });
    // Its embed follows the data.
    expect(await (await get(embedGET, `/embed/s/${body.id}`)).text()).toContain("used 17K tokens");
  });

  it("refuses bad requests with located errors", async () => {
    expect((await post(MODEL, { type: "text/plain" })).status).toBe(415);
    expect((await post(null, { raw: "{nope" })).status).toBe(400);
    const bad = async (body: unknown, status: number, path: string) => {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const e = await res.json();
      expect(e.error.details[0].path).toBe(path);
    };
    await bad({ view: "timeline" }, 400, "body.view");
    await bad({ ...MODEL, query: "interval=fortnight" }, 400, "query.interval");
    await bad({ ...MODEL, subject: null }, 400, "body.subject");
    await bad({ view: "overview", subject: "x" }, 400, "body.subject");
    await bad({ ...MODEL, chart: "vendor-ranking" }, 400, "body.chart");
    expect((await post({ ...MODEL, subject: "acme/nothing" })).status).toBe(404);
    expect((await post({ ...MODEL, subject: "acme/nothing", mode: "live" })).status).toBe(404);
    const app = await post({ view: "app", subject: "nobody", mode: "live" });
    expect(app.status, await app.clone().text()).toBe(404);
    const compare = await post({ view: "compare", query: "models=acme/rocket-1,acme/nothing", mode: "live" });
    // As on the read API, an unknown model in a compare list is a bad parameter.
    expect(compare.status, await compare.clone().text()).toBe(400);
    expect((await post({ ...MODEL, query: "x".repeat(9000) })).status).toBe(413);
    process.env.PERMALINK_MAX_BYTES = "200";
    const big = await post(MODEL);
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toMatch(/more than the 200 a pinned link stores/);
  });

  it("rate-limits creation per client and in total, with Retry-After", async () => {
    process.env.SHARE_RATE_LIMIT = "2";
    process.env.SHARE_RATE_LIMIT_GLOBAL = "100";
    const a = { ...MODEL, mode: "live" };
    expect((await post(a, { peer: "198.51.100.1" })).status).toBe(201);
    expect((await post(a, { peer: "198.51.100.1" })).status).toBe(201);
    const limited = await post(a, { peer: "198.51.100.1" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect((await post(a, { peer: "198.51.100.2" })).status).toBe(201);
    process.env.SHARE_RATE_LIMIT_GLOBAL = "1";
    const global = await post(a, { peer: "198.51.100.3" });
    expect(global.status).toBe(429);
    expect((await global.json()).error.message).toMatch(/on this server/);
  });

  it("a flood with a different X-Forwarded-For on each request is one client; others keep sharing", async () => {
    process.env.SHARE_RATE_LIMIT = "3";
    const a = { ...MODEL, mode: "live" };
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(a, { peer: "192.0.2.66", xff: `10.9.${i}.${i}` })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    // The flood used its own hour, not the server's: an honest client is still served.
    expect((await post(a, { peer: "192.0.2.67" })).status).toBe(201);
    // IPv6: one host holds a /64, so the addresses of one /64 are one client.
    for (let i = 1; i <= 3; i++) expect((await post(a, { peer: `2001:db8:1:2::${i}` })).status).toBe(201);
    expect((await post(a, { peer: "2001:db8:1:2:ffff::9" })).status).toBe(429);
    expect((await post(a, { peer: "::ffff:192.0.2.66" })).status).toBe(429);
  });

  it("behind TRUSTED_PROXY_HOPS proxies, the client is the address the nearest proxy saw", async () => {
    process.env.SHARE_RATE_LIMIT = "1";
    process.env.TRUSTED_PROXY_HOPS = "1";
    const a = { ...MODEL, mode: "live" };
    expect((await post(a, { peer: "10.0.0.1", xff: "1.1.1.1, 198.51.100.40" })).status).toBe(201);
    // Whatever the client puts first, the proxy appended its real address: the same client.
    expect((await post(a, { peer: "10.0.0.1", xff: "2.2.2.2, 198.51.100.40" })).status).toBe(429);
    expect((await post(a, { peer: "10.0.0.1", xff: "198.51.100.41" })).status).toBe(201);
  });

  it("caps the pinned bytes a client and the server store per hour", async () => {
    const one = (await (await post(MODEL, { peer: "198.51.100.60" })).json()) as { id: string };
    const bytes = (await getPermalink(h.db as Db, one.id))!.dataBytes;
    process.env.SHARE_BYTES_PER_HOUR = String(bytes * 2 + 10);
    expect((await post(MODEL, { peer: "198.51.100.60" })).status).toBe(201);
    const full = await post(MODEL, { peer: "198.51.100.60" });
    expect(full.status).toBe(429);
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(3000);
    // Live links store no data: still allowed.
    expect((await post({ ...MODEL, mode: "live" }, { peer: "198.51.100.60" })).status).toBe(201);
    process.env.SHARE_BYTES_PER_HOUR_GLOBAL = "1";
    expect((await post(MODEL, { peer: "198.51.100.61" })).status).toBe(429);
  });

  it("host reflection: X-Forwarded-Host and unknown Hosts never reach absolute links; cached answers Vary", async () => {
    const evil = (path: string, headers: Record<string, string>) => new Request(`${ORIGIN}${path}`, { headers: { host: "modelshare.test", ...headers } });
    const page = `${ORIGIN}/models/acme/rocket-1?${MODEL.query}`;
    const forged: Record<string, string>[] = [{ "x-forwarded-host": "evil.example" }, { host: "evil.example" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }];
    for (const headers of forged) {
      const embed = await embedGET(evil(`/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`, headers));
      expect(embed.status).toBe(200);
      expect(await embed.text()).not.toContain("evil.example");
      expect(embed.headers.get("vary")).toMatch(/\bHost\b/);
      const oembed = await oembedGET(evil(`/api/oembed?url=${encodeURIComponent(page)}`, headers));
      const o = await oembed.text();
      expect(o).not.toContain("evil.example");
      expect(oembed.headers.get("vary")).toMatch(/\bHost\b/);
      const share = await sharePOST(new Request(`${ORIGIN}/api/share`, { method: "POST", headers: { host: "modelshare.test", "content-type": "application/json", ...headers }, body: JSON.stringify({ ...MODEL, mode: "live" }) }));
      expect(await share.text()).not.toContain("evil.example");
    }
    // An allowed Host is used as is; a forged one falls back to the first allowed host.
    expect(await (await embedGET(evil(`/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`, { "x-forwarded-host": "evil.example" }))).text()).toContain(`href="${ORIGIN}/models/acme/rocket-1`);
    // Behind a trusted proxy the forwarded host counts, if it is allowed.
    process.env.TRUSTED_PROXY_HOPS = "1";
    process.env.ALLOWED_HOSTS = "modelshare.test,charts.example";
    const proxied = await embedGET(evil(`/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`, { "x-forwarded-host": "charts.example", "x-forwarded-proto": "https" }));
    expect(await proxied.text()).toContain(`href="https://charts.example/models/acme/rocket-1`);
    expect(proxied.headers.get("vary")).toBe("Host, X-Forwarded-Host, X-Forwarded-Proto");
    // PUBLIC_ORIGIN fixes every link: nothing to vary on.
    process.env.PUBLIC_ORIGIN = "https://modelshare.example";
    const fixed = await embedGET(evil(`/embed/model/model-adoption/acme/rocket-1?${MODEL.query}`, { host: "evil.example", "x-forwarded-host": "evil.example" }));
    expect(await fixed.text()).toContain(`href="https://modelshare.example/models/acme/rocket-1`);
    expect(fixed.headers.get("vary")).toBeNull();
  });

  it("embeds: 404 page for unknown permalinks and charts, still framable", async () => {
    const res = await get(embedGET, "/embed/s/AAAAAAAAAAAA");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Chart not found");
    expect((await get(embedGET, "/embed/model/model-adoption/acme/nothing")).status).toBe(404);
    expect((await get(embedGET, "/embed/model/compare-usage/acme/rocket-1")).status).toBe(404);
  });

  it("chart images: a 1200×630 PNG, an SVG download with escaped names", async () => {
    const png = await get(imageGET, `/api/image/model/model-top-apps/acme/rocket-1?${MODEL.query}`);
    expect(png.status).toBe(200);
    const buf = Buffer.from(await png.arrayBuffer());
    expect(buf.subarray(1, 4).toString()).toBe("PNG");
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([1200, 630]);
    const svg = await get(imageGET, `/api/image/model/model-top-apps/acme/rocket-1?${MODEL.query}&format=svg&download=1&theme=dark`);
    // Named for what it shows: subject, chart (not the view's default), the month.
    expect(svg.headers.get("content-disposition")).toBe('attachment; filename="modelshare-rocket-1-top-apps-2026-01.svg"');
    expect(svg.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'");
    const text = await svg.text();
    expect(text).toContain("=cmd|&#39; /C calc&#39;!A0");
    expect(text).not.toContain("<b>");
    expect((await get(imageGET, "/api/image/model/model-top-apps/acme/nothing")).status).toBe(404);
  });

  it("oEmbed: a rich answer for pages and permalinks of this origin only", async () => {
    const page = `${ORIGIN}/models/acme/rocket-1?${MODEL.query}#model-top-apps`;
    const res = await get(oembedGET, `/api/oembed?url=${encodeURIComponent(page)}&maxwidth=480`);
    expect(res.status).toBe(200);
    const o = await res.json();
    expect(o).toMatchObject({ type: "rich", version: "1.0", width: 480, provider_name: "Modelshare", thumbnail_width: 1200, thumbnail_height: 630 });
    expect(o.title).toBe(`Rocket <b>"1"</b>: Top apps, 1 Jan 2026 – 4 Jan 2026`);
    expect(o.html).toContain('title="Rocket &lt;b&gt;&quot;1&quot;&lt;/b&gt;: Top apps');
    expect(o.html).toContain(`src="${ORIGIN}/embed/model/model-top-apps/acme/rocket-1?from=2026-01-01&amp;to=2026-01-31&amp;interval=day"`);
    expect((await get(oembedGET, `/api/oembed?url=${encodeURIComponent("http://elsewhere.test/compare")}`)).status).toBe(404);
    expect((await get(oembedGET, `/api/oembed?url=${encodeURIComponent(page)}&format=xml`)).status).toBe(501);
  });
});
