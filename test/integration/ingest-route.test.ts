/** POST /api/ingest over its real handler: auth, size limit, format detection errors, the error envelope. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";
import { count } from "./helpers";

const state: { db: Db | null } = { db: null };
vi.mock("@/lib/server/db", () => ({ getDb: async () => state.db }));
const { POST } = await import("@/app/api/ingest/route");

const TOKEN = "route-test-token";
process.env.INGEST_TOKEN = TOKEN;

function ingest(body: BodyInit, init: { token?: string | null; query?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
  return POST(new Request(`http://localhost/api/ingest${init.query ?? ""}`, { method: "POST", body, headers }));
}

describe.each(DRIVERS)("POST /api/ingest on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
    state.db = h.db;
  });
  afterAll(async () => {
    await h.close();
  });

  it("refuses requests without the token, or with a wrong one, and stores nothing", async () => {
    const body = readFixture("app-rankings/app-rankings-creative-2026-09-22.json");
    const missing = await ingest(body, { token: null });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/Authorization: Bearer/);
    expect((await ingest(body, { token: "wrong" })).status).toBe(401);
    expect(await count(h.db, "snapshots")).toBe(0);
  });

  it("answers 200 with a summary, then reports the same snapshot as a duplicate", async () => {
    const body = readFixture("app-rankings/app-rankings-creative-2026-09-22.json");
    const rows = (JSON.parse(body) as { data: unknown[] }).data.length;
    const res = await ingest(body);
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary).toMatchObject({ format: "openrouter-app-rankings", duplicate: false, rows: { appUsage: { rows, inserted: rows } } });
    const again = await (await ingest(body)).json();
    expect(again).toMatchObject({ duplicate: true, snapshotId: summary.snapshotId });
  });

  it("takes as_of for undated formats from ?asOf=, and rejects an invalid one with its location", async () => {
    const body = readFixture("models/openrouter-models-small.json");
    const bad = await ingest(body, { query: "?asOf=yesterday" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("query.asOf");
    const ok = await (await ingest(body, { query: "?asOf=2026-08-18" })).json();
    expect(ok.asOf).toBe("2026-08-18T00:00:00.000Z");
  });

  it("gives 413 to oversized bodies, by Content-Length and while streaming", async () => {
    process.env.INGEST_MAX_BYTES = "1000";
    try {
      const declared = await ingest("x".repeat(2000), { headers: { "content-length": "2000" } });
      expect(declared.status).toBe(413);
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("y".repeat(400)));
          c.close();
        },
      });
      const streamed = await POST(
        new Request("http://localhost/api/ingest", { method: "POST", body: stream, headers: { authorization: `Bearer ${TOKEN}` }, duplex: "half" } as RequestInit),
      );
      expect(streamed.status).toBe(413);
    } finally {
      delete process.env.INGEST_MAX_BYTES;
    }
  });

  it("gives located 4xx errors for malformed, unknown and binary bodies", async () => {
    const before = await count(h.db, "snapshots");
    const malformed = await ingest('{"data": [1, 2,');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/JSON/i);

    const unknown = await ingest(JSON.stringify({ hello: "world" }));
    expect(unknown.status).toBe(422);

    const binary = await ingest(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(binary.status).toBe(415);

    const wrongType = await ingest(JSON.stringify({ data: [{ date: "2026-01-01", model_permaslug: "a/b", total_tokens: 1.5 }], meta: { as_of: "2026-01-02T00:00:00Z" } }));
    expect(wrongType.status).toBe(422);
    const err = (await wrongType.json()).error;
    expect(err.details[0].path).toBe("data[0].total_tokens");
    expect(await count(h.db, "snapshots")).toBe(before);
  });
});
