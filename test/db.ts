/**
 * Databases for integration tests: every test gets an empty, migrated database on each available driver.
 * PGlite always (a migrated in-memory template per worker, cloned per test: ~0.6 s instead of ~4 s);
 * real Postgres when TEST_DATABASE_URL or DATABASE_URL is set (CI always sets it): a new database per test.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll } from "vitest";
import { openDb, type DbHandle, type Driver } from "@/db";
import { clearResponseCache } from "@/lib/server/response-cache";

export const PG_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
export const DRIVERS: Driver[] = PG_URL ? ["pglite", "postgres"] : ["pglite"];
if (!PG_URL) console.warn("[tests] no TEST_DATABASE_URL/DATABASE_URL: integration tests run on PGlite only");

let template: Promise<PGlite> | null = null;
// PGlite keeps the process alive until closed.
afterAll(async () => {
  if (template) await (await template).close();
  template = null;
});

async function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pg = await PGlite.create();
    await openDb({ pglite: pg }); // applies the migrations
    return pg;
  })();
  return template;
}

export interface TestDb extends DbHandle {
  /** postgres URL of this test's own database (postgres driver only). */
  url?: string;
}

export async function freshDb(driver: Driver): Promise<TestDb> {
  // Rendered answers are keyed by data version (snapshot id), which restarts in every fresh database.
  clearResponseCache();
  if (driver === "pglite") {
    const clone = (await (await pgliteTemplate()).clone()) as PGlite;
    return openDb({ pglite: clone, migrate: false });
  }
  const name = `modelshare_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = withDatabase(PG_URL, name);
  const handle = await openDb({ url, max: 8 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const a = postgres(PG_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
