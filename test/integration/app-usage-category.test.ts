/**
 * Migration 0008 adds the category to app usage's identity (docs/collector.md "Known limits"): data stored
 * before it is kept as it was (category null), and app-rankings of several categories then land on one row
 * per app, window and category, each with its own rank. On both drivers.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDb, rowsOf, type Db, type Driver } from "@/db";
import { ingestText } from "@/lib/ingest";
import { getLatestWindows } from "@/lib/queries/app-volume";
import { DRIVERS, PG_URL, withDatabase } from "../db";
import { readFixture } from "../fixtures";

/** The migrations as they were before 0008: a copy of the folder with the journal cut at 0007. */
function foldersBefore0008(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ms-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 8);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}
const OLD = foldersBefore0008();
afterAll(() => rmSync(OLD, { recursive: true, force: true }));

interface Opened {
  db: Db;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openBare(driver: Driver): Promise<Opened> {
  if (driver === "pglite") {
    const pg = await PGlite.create();
    const handle = await openDb({ pglite: pg, migrate: false });
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    return { db: handle.db, migrate: (folder) => migrate(handle.db as never, { migrationsFolder: folder }), close: () => handle.close() };
  }
  const name = `modelshare_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = withDatabase(PG_URL, name);
  const handle = await openDb({ url, migrate: false, max: 2 });
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  return {
    db: handle.db,
    migrate: async (folder) => {
      const client = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await migrate(drizzle(client), { migrationsFolder: folder });
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await handle.close();
      const a = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const appRankings = (category: string) => readFixture(`app-rankings/app-rankings-${category}-2026-09-22.json`);
const HERMES = "3067167";

describe.each(DRIVERS)("app usage category migration (%s)", (driver) => {
  it("keeps the rows stored before it, then keeps one row per category", async () => {
    const h = await openBare(driver);
    try {
      await h.migrate(OLD);
      // What 0007 stored: an app-rankings window (no category) and a calendar day, with their rollups.
      await h.db.execute(sql`insert into snapshots (format, source, as_of, checksum, citation, row_counts)
                              values ('openrouter-app-rankings', 'openrouter', '2026-09-22T10:00:00Z', 'old', 'c', '{}'::jsonb)`);
      const [{ id: snap }] = await rowsOf<{ id: number }>(h.db, sql`select id from snapshots where checksum = 'old'`);
      await h.db.execute(sql`insert into apps (app_id, name) values ('3067167', 'Hermes Agent'), ('42', 'Day App')`);
      await h.db.execute(sql`insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, rank, snapshot_id, as_of) values
                              ('3067167', null, 'window', '2026-06-24', '2026-09-21', 100, 1, ${snap}, '2026-09-22T10:00:00Z'),
                              ('42', null, 'day', '2026-09-01', '2026-09-01', 7, null, ${snap}, '2026-09-22T10:00:00Z')`);
      const before = await rowsOf(h.db, sql`select app_id, model_id, period_kind, period_start::text, period_end::text, total_tokens::text, rank from app_usage order by app_id`);
      const rollupBefore = await rowsOf(h.db, sql`select app_id, month::text, picked_tokens::text from app_usage_month_source order by app_id`);

      await h.migrate(MIGRATIONS_FOLDER);

      const after = await rowsOf<Record<string, unknown>>(
        h.db,
        sql`select app_id, model_id, period_kind, period_start::text, period_end::text, total_tokens::text, rank, category from app_usage order by app_id`,
      );
      expect(after.map(({ category: _category, ...rest }) => rest)).toEqual(before);
      expect(after.every((r) => r.category === null)).toBe(true);
      expect(await rowsOf(h.db, sql`select app_id, month::text, picked_tokens::text from app_usage_month_source order by app_id`)).toEqual(rollupBefore);

      // Two categories of the same window: Hermes Agent ranks in both, with one row each.
      await ingestText(h.db, appRankings("coding"), { category: "coding" });
      await ingestText(h.db, appRankings("productivity"), { category: "productivity" });
      const hermes = await rowsOf<{ category: string | null; rank: number; tokens: string }>(
        h.db,
        sql`select category, rank, total_tokens::text as tokens from app_usage where app_id = ${HERMES} order by category nulls first`,
      );
      const coding = JSON.parse(appRankings("coding")).data.find((r: { app_id: number }) => String(r.app_id) === HERMES);
      expect(hermes.map((r) => r.category)).toEqual([null, "coding", "productivity"]);
      expect(hermes[1]).toMatchObject({ rank: coding.rank, tokens: coding.total_tokens });
      // The same body again for a category is the same snapshot; the old null-category row is untouched.
      const again = await ingestText(h.db, appRankings("coding"), { category: "coding" });
      expect(again.duplicate).toBe(true);
      expect(hermes[0].tokens).toBe("100");

      // The newest window per app is still one row, whatever its categories.
      const latest = await getLatestWindows(h.db, { allModels: true, appIds: [HERMES] });
      expect(latest).toHaveLength(1);
      expect(latest[0].tokens).toBe(coding.total_tokens);

      // Calendar rows never carry a category: their rollups would count the app twice.
      const refused = await h.db
        .execute(sql`insert into app_usage (app_id, model_id, period_kind, period_start, period_end, total_tokens, snapshot_id, as_of, category)
                          values ('42', null, 'day', '2026-09-02', '2026-09-02', 1, ${snap}, now(), 'coding')`)
        .then(() => null, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
      expect(refused).toMatch(/app_usage_category_window_only/);
    } finally {
      await h.close();
    }
  }, 60_000);
});
