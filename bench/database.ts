import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/db";

export interface BenchDatabase {
  url: string;
  sql: postgres.Sql;
  handle: DbHandle;
  /** Closes the connections and keeps the database (BENCH_KEEP). */
  close(): Promise<void>;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database on the DATABASE_URL server for one benchmark; dropped afterwards. */
export async function benchDatabase(label: string): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error("benchmarks need a real Postgres: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
  const name = `modelshare_bench_${label}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = await openDb({ url });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const close = async () => {
    await sql.end();
    await handle.close();
  };
  return {
    url,
    sql,
    handle,
    close,
    drop: async () => {
      await close();
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
