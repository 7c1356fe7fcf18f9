/** Runs the collector's CLI (lib/collector/cli.ts main) against the replay server and a fresh database. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, type Driver } from "@/db";
import { main } from "@/lib/collector/cli";
import { freshDb, type TestDb } from "../db";
import { FakeClock, FIXTURE_NOW } from "./fake-clock";
import { startReplayServer, type ReplayServer } from "./replay-server";

export const KEY = "sk-or-v1-collector-test-key-0000000000000000";

export interface RunResult {
  code: number;
  out: string;
  err: string;
  /** Requests this run made (server side). */
  requests: ReplayServer["requests"];
}

export interface Harness {
  driver: Driver;
  clock: FakeClock;
  server: ReplayServer;
  db: TestDb;
  env: Record<string, string>;
  run(argv?: string[], opts?: { env?: Record<string, string>; signal?: AbortSignal; onOut?: (line: string) => void }): Promise<RunResult>;
  close(): Promise<void>;
}

export async function harness(driver: Driver): Promise<Harness> {
  const clock = new FakeClock(FIXTURE_NOW);
  const server = await startReplayServer({ clock, key: KEY });
  const db = await freshDb(driver);
  const dir = mkdtempSync(path.join(tmpdir(), "collector-"));
  const env: Record<string, string> = {
    OPENROUTER_API_KEY: KEY,
    OPENROUTER_BASE_URL: server.baseUrl,
    COLLECT_STATE_FILE: path.join(dir, "collector-state.json"),
    DATA_DIR: dir,
    ...(driver === "postgres" ? { DATABASE_URL: db.url! } : {}),
  };
  return {
    driver,
    clock,
    server,
    db,
    env,
    async run(argv = ["--once"], opts = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const before = server.requests.length;
      const code = await main(argv, {
        env: { ...env, ...opts.env },
        out: (l) => {
          out.push(l);
          opts.onOut?.(l);
        },
        err: (l) => err.push(l),
        clock,
        random: () => 0.5,
        signal: opts.signal,
        // PGlite: the test's in-memory database (the CLI must not close it); Postgres: the CLI connects itself.
        openDb: driver === "pglite" ? async () => ({ ...db, close: async () => {} }) : undefined,
      });
      return { code, out: out.join("\n"), err: err.join("\n"), requests: server.requests.slice(before) };
    },
    async close() {
      await server.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function count(db: TestDb, table: string, where = sql``): Promise<number> {
  const [{ n }] = await rowsOf<{ n: number }>(db.db, sql`select count(*)::int as n from ${sql.identifier(table)} ${where}`);
  return Number(n);
}

export async function snapshotsByFormat(db: TestDb): Promise<Record<string, number>> {
  const rows = await rowsOf<{ format: string; n: number }>(db.db, sql`select format, count(*)::int as n from snapshots group by format`);
  return Object.fromEntries(rows.map((r) => [r.format, Number(r.n)]));
}
