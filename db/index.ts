/**
 * Opens the database: postgres.js when DATABASE_URL is set, else an embedded PGlite in DATA_DIR.
 * Query code depends only on the `Db` type, which both drivers satisfy.
 */
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { schema } from "./schema";
import { acquireDataDirLock } from "./data-dir-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = "postgres" | "pglite";

export interface DbHandle {
  db: Db;
  driver: Driver;
  /** Human-readable location (URL without password, or the data folder). */
  location: string;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export interface OpenOptions {
  /** postgres://… ; when absent, PGlite. */
  url?: string | null;
  /** PGlite data folder; "memory://" (or omitted) for an in-memory database. */
  dataDir?: string;
  /** Use an existing PGlite instance (tests clone a migrated template). */
  pglite?: import("@electric-sql/pglite").PGlite;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /** Pool size for postgres.js. */
  max?: number;
}

export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  if (opts.url) {
    if (opts.migrate !== false) await migratePostgres(opts.url);
    return openPostgres(opts.url, opts.max ?? 10);
  }
  const handle = await openPglite(opts);
  if (opts.migrate !== false) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return handle;
}

/**
 * Session settings the queries rely on whatever the server's defaults: ISO dates (`date::text` is
 * YYYY-MM-DD), UTC, and no JIT (it costs seconds on large plans and buys nothing for dashboard queries).
 */
const CONNECTION_SETTINGS = { DateStyle: "ISO, YMD", TimeZone: "UTC", jit: "off" };

/**
 * Seconds to wait for a Postgres connection (DATABASE_CONNECT_TIMEOUT, default 2; postgres.js would wait
 * 30): an unreachable server is reported as such at once, and requests answer 503 instead of hanging.
 */
function connectTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DATABASE_CONNECT_TIMEOUT);
  return Number.isFinite(n) && n > 0 ? n : 2;
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, connection: CONNECTION_SETTINGS, connect_timeout: connectTimeoutSeconds() });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(opts: OpenOptions): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = opts.dataDir ?? "memory://";
  // Two processes on one PGlite folder silently lose writes: refuse to share it.
  const release = opts.pglite || dataDir.startsWith("memory://") ? () => {} : acquireDataDirLock(dataDir);
  const client = opts.pglite ?? (await PGlite.create(dataDir));
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    location: dataDir,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Several processes may start at once against one server: migrate on one connection under an advisory lock. */
async function migratePostgres(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: CONNECTION_SETTINGS, connect_timeout: connectTimeoutSeconds() });
  try {
    await client`select pg_advisory_lock(727274001)`;
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Rows of a raw `db.execute()` on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Configuration from the environment (PRODUCT.md §5). */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  return env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : { dataDir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "./.data") };
}
