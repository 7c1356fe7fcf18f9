/**
 * The database goes away and comes back (issue 10, item 5): with a Postgres server of the test's own that it
 * stops and starts, API routes answer 503 and pages (proxy.ts) a 503 page within 2 s while it is down, and
 * both recover on the first request after it returns. A server that accepts connections but never answers
 * is given up on after DATABASE_CONNECT_TIMEOUT (2 s), not postgres.js's 30 s; a missing database is a 503.
 */
import { createServer, type Server, type Socket } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { getDbHandle } from "@/lib/server/db";
import { proxy } from "@/proxy";
import { freePort, ownPostgres, pgBinDir, type OwnPostgres } from "../pg-server";

const HOLDER = Symbol.for("modelshare.db");

async function forgetDb() {
  const g = globalThis as { [HOLDER]?: Promise<{ close(): Promise<void> }> };
  const h = g[HOLDER];
  delete g[HOLDER];
  if (h) await h.then((x) => x.close()).catch(() => {});
}

async function timed(fn: () => Promise<Response>): Promise<{ status: number; ms: number; res: Response }> {
  const t = performance.now();
  const res = await fn();
  return { status: res.status, ms: performance.now() - t, res };
}

const api = () => timed(() => modelsGET(new Request("http://localhost/api/v1/models")));
const page = () => timed(() => proxy(new NextRequest("http://localhost/")));

const env = { ...process.env };
beforeAll(() => {
  process.env.SAMPLE_DATA = "off";
});
afterAll(async () => {
  await forgetDb();
  for (const k of ["DATABASE_URL", "SAMPLE_DATA"]) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
});

describe.skipIf(!pgBinDir())("Postgres outage", () => {
  let pg: OwnPostgres;
  beforeAll(async () => {
    pg = await ownPostgres();
    process.env.DATABASE_URL = pg.url;
    await forgetDb();
  }, 120_000);
  afterAll(async () => {
    await forgetDb();
    pg?.destroy();
  });

  it("answers 503 within 2 s while down, and recovers on the next request", async () => {
    expect((await api()).status).toBe(200);
    expect((await page()).res.headers.get("x-middleware-next")).toBe("1");

    pg.stop();
    for (let i = 0; i < 3; i++) {
      const a = await api();
      expect(a.status).toBe(503);
      expect(a.ms).toBeLessThan(2000);
      const p = await page();
      expect(p.status).toBe(503);
      expect(p.ms).toBeLessThan(2000);
      expect(await p.res.text()).toContain("The data store is not answering");
      expect(p.res.headers.get("retry-after")).toBe("5");
    }

    pg.start();
    const a = await api();
    expect(a.status).toBe(200);
    expect(a.ms).toBeLessThan(2000);
    const p = await page();
    expect(p.res.headers.get("x-middleware-next")).toBe("1");
    expect(p.ms).toBeLessThan(2000);
  });

  it("a server down at start-up: 503 at once, then served as soon as it is up", async () => {
    await forgetDb();
    pg.stop();
    expect((await api()).status).toBe(503);
    expect((await page()).status).toBe(503);
    pg.start();
    expect((await api()).status).toBe(200);
    expect((await page()).res.headers.get("x-middleware-next")).toBe("1");
  });

  it("a missing database is a 503, not a 500", async () => {
    await forgetDb();
    process.env.DATABASE_URL = pg.url.replace(/\/postgres$/, "/modelshare_missing");
    expect((await api()).status).toBe(503);
    expect((await page()).status).toBe(503);
    process.env.DATABASE_URL = pg.url;
    await forgetDb();
  });
});

describe("a database server that never answers", () => {
  let server: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    const port = await freePort();
    server = createServer((s) => void sockets.push(s)); // accepts, then stays silent
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    await forgetDb();
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  });
  afterAll(async () => {
    await forgetDb();
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  });

  it("is given up on after the connect timeout: API 503 and page 503 within 2.5 s", async () => {
    const a = await api();
    expect(a.status).toBe(503);
    expect(a.ms).toBeLessThan(2500);
    const p = await page();
    expect(p.status).toBe(503);
    expect(p.ms).toBeLessThan(2000);
    await expect(getDbHandle()).rejects.toThrow();
  });
});
