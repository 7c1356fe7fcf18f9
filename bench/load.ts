/**
 * Serving under load (issue 10, item 7): the built app on the sample data, loopback only, a bounded
 * autocannon run per target (BENCH_LOAD_SECONDS, default 10 s, BENCH_LOAD_CONNECTIONS, default 10) for an
 * embed, a page and a read-API answer, each without If-None-Match (a first-time reader) and with it (a
 * reader whose browser holds the answer: 304). Prints req/s, p99 and the ratio fresh / 304 (goal ≥ 0.5).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/load.ts
 */
import path from "node:path";
import autocannon from "autocannon";
import { benchDatabase } from "./database";
import { benchPort, startApp } from "./server";

const PORT = benchPort(3497);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS) || 10;
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS) || 10;
const STATE = "models=google%2Fgemini-3-flash-preview%2Canthropic%2Fclaude-haiku-4.5&from=2026-01-01&to=2026-01-31";

const TARGETS = [
  { name: "embed /embed/compare/compare-usage", path: `/embed/compare/compare-usage?${STATE}` },
  { name: "page /compare", path: `/compare?${STATE}` },
  { name: "page /", path: "/" },
  { name: "API /api/v1/compare", path: `/api/v1/compare?${STATE}` },
];

interface Run {
  rps: number;
  p99: number;
  errors: number;
  statuses: string;
}

async function run(url: string, headers: Record<string, string>): Promise<Run> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10, headers });
  const statuses = Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(" ");
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, statuses };
}

const fmt = (r: Run | null) => (r ? `${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(5)} ms` : "      — (no ETag)         ");

export async function runLoadBench(): Promise<void> {
  const db = await benchDatabase("load");
  const app = await startApp(PORT, { DATABASE_URL: db.url, SAMPLE_DATA: "on" });
  try {
    console.log(`\nLoad benchmark: built app, sample data, Postgres, ${CONNECTIONS} connections × ${SECONDS} s per run, loopback`);
    console.log(`  ${"target".padEnd(36)} ${"fresh (no If-None-Match)".padEnd(28)} ${"304 (If-None-Match)".padEnd(28)} fresh/304`);
    for (const t of TARGETS) {
      const url = `${app.base}${t.path}`;
      const first = await fetch(url); // the first reader of this data version draws it
      await first.arrayBuffer();
      if (first.status !== 200) throw new Error(`${t.path} answered ${first.status}`);
      const etag = first.headers.get("etag");
      const fresh = await run(url, {});
      const cached = etag ? await run(url, { "if-none-match": etag }) : null;
      const ratio = cached ? (fresh.rps / cached.rps).toFixed(2) : "—";
      const errors = fresh.errors + (cached?.errors ?? 0);
      console.log(`  ${t.name.padEnd(36)} ${fmt(fresh).padEnd(28)} ${fmt(cached).padEnd(28)} ${ratio}${errors ? `  (${errors} errors/timeouts)` : ""}  [${fresh.statuses}${cached ? ` | ${cached.statuses}` : ""}]`);
    }
    console.log("  goal: fresh/304 ≥ 0.50");
  } finally {
    await app.stop();
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runLoadBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
