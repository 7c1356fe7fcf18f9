/**
 * Restatements converge whatever the arrival order: every permutation of a set of overlapping snapshots
 * ends in one final state, on both drivers. Provenance is compared by the snapshot's checksum (ids depend on
 * arrival order; which snapshot set a value must not). The sets exercise the rules of README "What ingest
 * guarantees": newest as_of wins per row, ties broken on the whole row, omitted facts never erase stated
 * ones, and rankings-daily replaces a day only with a snapshot that covers it (its rows plus `other`).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Db } from "@/db";
import { ingestText } from "@/lib/ingest";
import { readFixture } from "../fixtures";
import { DRIVERS, freshDb, type TestDb } from "../db";

interface Snap {
  name: string;
  body: string;
  asOf?: string;
}

const rankings = (asOf: string, rows: [day: string, slug: string, tokens: number][]): string =>
  JSON.stringify({
    data: rows.map(([date, model_permaslug, t]) => ({ date, model_permaslug, total_tokens: String(t) })),
    meta: { as_of: asOf, version: "v1" },
  });

/** rankings-daily: covering and non-covering snapshots of two days, with a tie on as_of. */
export const DAYS_SET: Snap[] = [
  { name: "R1 covers D1", body: rankings("2026-01-06T00:00:00Z", [["2026-01-05", "acme/m1", 100], ["2026-01-05", "acme/m2", 50], ["2026-01-05", "other", 10]]) },
  // m2 fell into `other`: after R2 it must not be counted beside the new `other`.
  { name: "R2 covers D1 and D2", body: rankings("2026-01-07T00:00:00Z", [["2026-01-05", "acme/m1", 101], ["2026-01-05", "other", 60], ["2026-01-06", "acme/m1", 7], ["2026-01-06", "other", 3]]) },
  // Same as_of as R2, another partition of D1: the result must not depend on which came first.
  { name: "R3 ties R2 on D1", body: rankings("2026-01-07T00:00:00Z", [["2026-01-05", "acme/m1", 90], ["2026-01-05", "acme/m3", 20], ["2026-01-05", "other", 51]]) },
  // One row, newest: it restates m1 but does not cover D1, so it must not empty the rest of the day.
  { name: "R4 one row of D1", body: rankings("2026-01-08T00:00:00Z", [["2026-01-05", "acme/m1", 102]]) },
  // A partial restatement older than R2: D1 was replaced after it, so it changes nothing there.
  { name: "R5 partial, older", body: rankings("2026-01-06T12:00:00Z", [["2026-01-05", "acme/m2", 49], ["2026-01-06", "acme/m9", 1]]) },
];

const canonical = (capturedAt: string, extra: Record<string, unknown>) =>
  JSON.stringify({ format: "modelshare.snapshot/v1", source: "acme", capturedAt, ...extra });
const model = (m: Record<string, unknown>) => ({ id: "acme/y", ...m });

/** Per-row ties, facts stated and omitted, across the canonical formats, the catalogue and app data. */
export const FACTS_SET: Snap[] = [
  {
    name: "C1 states everything",
    body: canonical("2026-02-01T00:00:00Z", {
      models: [model({ name: "Acme Y", launchDate: "2026-01-01", contextLength: 8000 })],
      modelUsage: [{ date: "2026-01-10", model: "acme/y", totalTokens: "1000", promptTokens: "900", completionTokens: "100" }],
      apps: [{ id: "lemonade", name: "Lemonade", url: "https://lemonade.example", categories: ["coding"] }],
      appUsage: [{ app: "lemonade", model: "acme/y", period: "2026-01", totalTokens: "500", requests: 5 }],
    }),
  },
  {
    // Same capturedAt and totals as C1, another split: a tie on (as_of, total), broken on the whole row.
    name: "C2 ties C1",
    body: canonical("2026-02-01T00:00:00Z", {
      models: [model({ name: "Acme Y (renamed)" })],
      modelUsage: [{ date: "2026-01-10", model: "acme/y", totalTokens: "1000", promptTokens: "100", completionTokens: "900" }],
      apps: [{ id: "lemonade", name: "Lemonade", categories: ["productivity"] }],
      appUsage: [{ app: "lemonade", model: "acme/y", period: "2026-01", totalTokens: "500", requests: 9 }],
    }),
  },
  {
    // Newer, but says nothing of the launch date, context length, URL or categories.
    name: "C3 newer, omits facts",
    body: canonical("2026-02-03T00:00:00Z", {
      models: [model({})],
      apps: [{ id: "lemonade", name: "Lemonade 2" }],
      appUsage: [{ app: "lemonade", period: "2026-01-15", totalTokens: "40" }],
    }),
  },
  {
    name: "K1 tracker catalogue, older, states a context length",
    body:
      "model_id,permaslug,variant,name,created,context_length,modality,tokenizer,listed_input_usd_per_mtok,listed_output_usd_per_mtok,listed_cache_read_usd_per_mtok\r\n" +
      "acme/y,acme/y,standard,,1767225600,4096,text->text,Other,1,2,\r\n",
    asOf: "2026-01-20",
  },
  {
    name: "T1 top apps without categories or URL",
    body:
      "model_id,permaslug,variant,rank,app_id,app_title,app_slug,app_origin_url,app_categories,total_tokens,total_requests\r\n" +
      "acme/y,acme/y,standard,1,lemonade,Lemonade,lemonade,,,300,2\r\n",
    asOf: "2026-02-02",
  },
];

/**
 * The real rankings-daily capture cut into overlapping restatements: the first 60 days as of the capture,
 * days 30..90 re-stated a day later with every total +1 (covering), and one row of day 45 a day after that
 * (not covering).
 */
function realDaysSet(): Snap[] {
  const body = JSON.parse(readFixture("rankings-daily/rankings-daily-2026-09-22.json")) as { data: { date: string; model_permaslug: string; total_tokens: string }[]; meta: Record<string, string> };
  const days = [...new Set(body.data.map((r) => r.date))].sort();
  const within = (from: number, to: number) => body.data.filter((r) => r.date >= days[from] && r.date <= days[to]);
  const at = (asOf: string, data: unknown[]) => JSON.stringify({ data, meta: { ...body.meta, as_of: asOf } });
  const later = within(30, days.length - 1).map((r) => ({ ...r, total_tokens: String(BigInt(r.total_tokens) + 1n) }));
  const oneRow = body.data.find((r) => r.date === days[45] && r.model_permaslug !== "other")!;
  return [
    { name: "F1 first 60 days", body: at(body.meta.as_of, within(0, 59)) },
    { name: "F2 days 30.. a day later", body: at("2026-09-23T10:00:00.000Z", later) },
    { name: "F3 one row of day 45", body: at("2026-09-24T10:00:00.000Z", [{ ...oneRow, total_tokens: "5" }]) },
  ];
}

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i], ...p];
  }
}

/** What a reader can see, with provenance by snapshot checksum instead of arrival-dependent ids. */
async function finalState(db: Db): Promise<string> {
  const q = async (query: ReturnType<typeof sql>) => (await rowsOf<{ j: string }>(db, query)).map((r) => r.j);
  const state = {
    models: await q(sql`select to_jsonb(x)::text as j from (select permaslug, variant, kind, public_id, author, name, launch_date::text, context_length, in_catalogue from models) x order by 1`),
    apps: await q(sql`select to_jsonb(x)::text as j from (select app_id, name, slug, url, categories from apps) x order by 1`),
    usage: await q(sql`select to_jsonb(x)::text as j from (
      select u.day::text, m.permaslug, m.variant, u.total_tokens::text, u.prompt_tokens::text, u.completion_tokens::text,
             u.requests::text, u.as_of, s.checksum
      from model_usage_daily u join models m on m.id = u.model_id join snapshots s on s.id = u.snapshot_id) x order by 1`),
    appUsage: await q(sql`select to_jsonb(x)::text as j from (
      select u.app_id, m.permaslug, u.period_kind, u.period_start::text, u.period_end::text, u.total_tokens::text, u.requests::text,
             u.rank, u.as_of, s.checksum
      from app_usage u left join models m on m.id = u.model_id join snapshots s on s.id = u.snapshot_id) x order by 1`),
    prices: await q(sql`select to_jsonb(x)::text as j from (
      select m.permaslug, p.day::text, p.input_per_m::text, p.output_per_m::text, p.as_of, s.checksum
      from model_prices p join models m on m.id = p.model_id join snapshots s on s.id = p.snapshot_id) x order by 1`),
    dailyRollup: await q(sql`select to_jsonb(x)::text as j from (
      select r.day::text, r.author, r.is_free, r.is_bucket, s.checksum, r.total_tokens::text, r.row_count
      from usage_daily_rollup r join snapshots s on s.id = r.snapshot_id) x order by 1`),
  };
  return JSON.stringify(state);
}

async function reset(db: Db) {
  await db.execute(sql`truncate snapshots, snapshot_bodies, snapshot_body_parts, retractions, models, model_prices, model_listings, model_usage_daily, model_usage_window, apps, app_usage, covered_days restart identity`);
}

describe.each(DRIVERS)("restatements in every order on %s", (driver) => {
  let h: TestDb;
  beforeAll(async () => {
    h = await freshDb(driver);
  });
  afterAll(async () => {
    await h.close();
  });

  async function statesOf(set: Snap[]): Promise<Map<string, string[]>> {
    const states = new Map<string, string[]>();
    for (const order of permutations(set)) {
      await reset(h.db);
      for (const s of order) await ingestText(h.db, s.body, { asOf: s.asOf ? new Date(`${s.asOf}T00:00:00Z`) : null, receivedAt: new Date("2026-12-01T00:00:00Z") });
      const state = await finalState(h.db);
      states.set(state, [...(states.get(state) ?? []), order.map((s) => s.name.split(" ")[0]).join(",")]);
    }
    return states;
  }

  it(`rankings-daily: all ${factorial(DAYS_SET.length)} orders end in one state, which replaced D1 only with covering snapshots`, async () => {
    const states = await statesOf(DAYS_SET);
    expect([...states.values()].map((orders) => `${orders.length} orders, e.g. ${orders[0]}`)).toHaveLength(1);
    const [only] = states.keys();
    const usage = (JSON.parse(only).usage as string[]).map((j) => JSON.parse(j) as { day: string; permaslug: string; total_tokens: string });
    const d1 = Object.fromEntries(usage.filter((u) => u.day === "2026-01-05").map((u) => [u.permaslug, u.total_tokens]));
    // R2 and R3 both cover D1 at the same as_of; exactly one of them owns the day, and R4 (newer, one row)
    // restates m1 on top of it without emptying the rest. m2 (in R1 and R5, both older) is gone.
    expect(d1["acme/m1"]).toBe("102");
    expect(d1["acme/m2"]).toBeUndefined();
    expect([JSON.stringify({ other: "60" }), JSON.stringify({ "acme/m3": "20", other: "51" })]).toContain(
      JSON.stringify(Object.fromEntries(Object.entries(d1).filter(([k]) => k !== "acme/m1"))),
    );
    // D2 is covered only by R2; R5's row for it is older than R2, so it is gone.
    expect(usage.filter((u) => u.day === "2026-01-06").map((u) => `${u.permaslug}=${u.total_tokens}`).sort()).toEqual(["acme/m1=7", "other=3"]);
  }, 600_000);

  it("the real rankings-daily capture, restated in overlapping parts: every order ends in one state", async () => {
    const set = realDaysSet();
    const states = await statesOf(set);
    expect([...states.values()].map((orders) => `${orders.length} orders, e.g. ${orders[0]}`)).toHaveLength(1);
    // Day 45 keeps F2's partition (F3 covers nothing) with F3's one row on top.
    const body = JSON.parse(set[2].body) as { data: { date: string; model_permaslug: string }[] };
    const usage = (JSON.parse([...states.keys()][0]).usage as string[]).map((j) => JSON.parse(j) as { day: string; total_tokens: string });
    const day45 = usage.filter((u) => u.day === body.data[0].date);
    expect(day45.length).toBeGreaterThan(40);
    expect(day45.filter((u) => u.total_tokens === "5")).toHaveLength(1);
  }, 600_000);

  it(`facts and ties: all ${factorial(FACTS_SET.length)} orders end in one state where omitted facts erased nothing`, async () => {
    const states = await statesOf(FACTS_SET);
    expect([...states.values()].map((orders) => `${orders.length} orders, e.g. ${orders[0]}`)).toHaveLength(1);
    const [only] = states.keys();
    const parsed = JSON.parse(only) as Record<string, string[]>;
    const model = parsed.models.map((j) => JSON.parse(j)).find((m) => m.permaslug === "acme/y");
    // C3 is the newest description and states neither; C1 states them newer than K1's context length.
    expect(model).toMatchObject({ launch_date: "2026-01-01", context_length: 8000 });
    const app = JSON.parse(parsed.apps[0]);
    expect(app).toMatchObject({ name: "Lemonade 2", url: "https://lemonade.example" });
    // C1 and C2 state categories at the same as_of: one of them, never [] from the snapshots that omit them.
    expect([["coding"], ["productivity"]]).toContainEqual(app.categories);
  }, 600_000);
});

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
