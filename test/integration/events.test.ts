/**
 * Events derived from the stored catalogue and price history (lib/queries/events.ts, GET /api/v1/events),
 * on every available driver, from the real fixtures. Expected values are read from the raw files here.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getEvents, type ModelEvent } from "@/lib/queries/events";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

const holder = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/server/db", () => ({ getDb: async () => holder.db }));
import { GET as eventsGET } from "@/app/api/v1/events/route";

const HISTORY = readFixture("prices/price-history-2026-09-02.json");
const CATALOGUE = readFixture("models/openrouter-models-2026-08.json");
const CATALOGUE_AS_OF = new Date("2026-08-18T00:00:00Z");
const raw = JSON.parse(HISTORY) as { models: Record<string, { points: [string, number | null, number | null][] }> };
const catalogue = JSON.parse(CATALOGUE) as { data: { id: string; pricing: Record<string, string> }[] };

const req = (path: string) => new Request(`http://localhost${path}`);

async function eventsOf(path: string): Promise<{ events: ModelEvent[]; provenance: { sources: string[] } }> {
  const res = await eventsGET(req(path));
  expect(res.status).toBe(200);
  return res.json();
}

describe.each(DRIVERS)("events from the catalogue and price history (%s)", (driver) => {
  let h: TestDb;
  let db: Db;
  beforeAll(async () => {
    h = await freshDb(driver);
    db = h.db;
    holder.db = db;
    await ingestText(db, HISTORY);
    await ingestText(db, CATALOGUE, { asOf: CATALOGUE_AS_OF });
  }, 120_000);
  afterAll(async () => h?.close());

  it("names the qwen input price cut of 2025-02-05 with old and new prices", async () => {
    const { events, provenance } = await eventsOf("/api/v1/events?models=qwen/qwen-2.5-72b-instruct&from=2025-01-01&to=2025-03-01");
    expect(events).toEqual([
      {
        date: "2025-02-05", type: "price-change", model: "qwen/qwen-2.5-72b-instruct", name: expect.any(String), author: "qwen",
        before: { inputPerM: "0.23", outputPerM: "0.4" }, after: { inputPerM: "0.13", outputPerM: "0.4" },
      },
    ]);
    expect(provenance.sources).toEqual(["openrouter-tracker"]);
  });

  it("lists every price change of the file, and the catalogue's newer price as one more", async () => {
    const { events } = await eventsOf("/api/v1/events?models=qwen/qwen-2.5-72b-instruct");
    const points = raw.models["qwen/qwen-2.5-72b-instruct"].points;
    const changes = events.filter((e) => e.type === "price-change");
    const fromFile = changes.filter((e) => e.date < "2026-08-18");
    expect(fromFile.map((e) => e.date)).toEqual(points.slice(1).map((p) => p[0]));
    const listed = catalogue.data.find((m) => m.id === "qwen/qwen-2.5-72b-instruct")!.pricing;
    const lastPoint = points[points.length - 1];
    const catalogueIn = Number(listed.prompt) * 1e6;
    if (Math.abs(catalogueIn - (lastPoint[1] as number)) > 1e-9) expect(changes.at(-1)?.date).toBe("2026-08-18");
    else expect(changes.at(-1)?.date).toBe(lastPoint[0]);
  });

  it("dates the end of a free tier on its last day seen, and its start on its first (with the model's other variants)", async () => {
    const { events } = await eventsOf("/api/v1/events?models=google/gemini-2.5-pro-exp-03-25:free");
    expect(events.map((e) => [e.date, e.type, e.model])).toEqual([
      ["2025-03-26", "free-added", "google/gemini-2.5-pro-exp-03-25:free"],
      ["2025-04-25", "free-removed", "google/gemini-2.5-pro-exp-03-25:free"],
      ["2025-04-26", "launch", "google/gemini-2.5-pro-exp-03-25"],
      ["2025-09-08", "removed", "google/gemini-2.5-pro-exp-03-25"],
    ]);
  });

  it("finds removed models among an author's, and none dated outside the range", async () => {
    const { events } = await eventsOf("/api/v1/events?authors=qwen&from=2025-03-01&to=2025-03-31");
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.date >= "2025-03-01" && e.date <= "2025-03-31").toBe(true);
    // qwen/qwen-2-vl-72b-instruct: last seen 2025-03-07 in the file, absent later.
    expect(events).toContainEqual(expect.objectContaining({ date: "2025-03-07", type: "removed", model: "qwen/qwen-2-vl-72b-instruct" }));
  });

  it("answers CSV with the provenance on every row", async () => {
    const res = await eventsGET(req("/api/v1/events?models=qwen/qwen-2.5-72b-instruct&from=2025-02-05&to=2025-02-05&format=csv"));
    expect(res.status).toBe(200);
    const text = await res.text();
    const [header, row] = text.trim().split("\r\n");
    expect(header).toBe("date,type,model,name,author,before_input_per_m,before_output_per_m,after_input_per_m,after_output_per_m,source,as_of,citation,sample");
    expect(row).toMatch(/^2025-02-05,price-change,qwen\/qwen-2\.5-72b-instruct,.*,qwen,0\.23,0\.4,0\.13,0\.4,openrouter-tracker,2026-08-22T00:00:00\.000Z,"Source: OpenRouter \(openrouter\.ai\/rankings\), as of 2026-08-22\.",false$/);
  });

  it("refuses a query without models or authors, and unknown models, with a located 400", async () => {
    const none = await eventsGET(req("/api/v1/events"));
    expect(none.status).toBe(400);
    expect((await none.json()).error.details[0].path).toBe("query.models");
    const unknown = await eventsGET(req("/api/v1/events?models=nobody/nothing"));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.details[0].path).toBe("query.models[0]");
  });

  it("ends in the same events whatever order the snapshots arrive in", async () => {
    const other = await freshDb(driver);
    try {
      await ingestText(other.db, CATALOGUE, { asOf: CATALOGUE_AS_OF });
      await ingestText(other.db, HISTORY);
      const ids = async (d: Db) => {
        const { sql } = await import("drizzle-orm");
        const { rowsOf } = await import("@/db");
        const rows = await rowsOf<{ id: number }>(d, sql`select id from models where author in ('qwen', 'google') and kind = 'model'`);
        return rows.map((r) => Number(r.id));
      };
      const a = await getEvents(db, { modelIds: await ids(db), from: null, to: null });
      const b = await getEvents(other.db, { modelIds: await ids(other.db), from: null, to: null });
      expect(a.events.length).toBeGreaterThan(50);
      expect(b.events).toEqual(a.events);
    } finally {
      await other.close();
    }
  });
});
