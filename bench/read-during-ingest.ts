/**
 * Reads during a large ingest (issue 10, item 6), on each driver: the built app, a 500,000-row canonical CSV
 * POSTed to /api/ingest while two readers keep asking, one after another, for answers drawn before the ingest
 * (a read-API answer and an embed: served from memory for the current data version) and one reader for
 * /api/health (a query every time). Prints, per reader, the reads completed, failures and the longest pause
 * between two completed reads (goal ≤ 1 s for drawn answers).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/read-during-ingest.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./database";
import { benchPort, startApp, type App } from "./server";

const ROWS = Number(process.env.BENCH_READ_ROWS) || 500_000;
const MODELS = 500;
const PORT = benchPort(3496);
const TOKEN = "bench-token";

function catalogue(): string {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "bench",
    capturedAt: "2026-01-01T00:00:00Z",
    models: Array.from({ length: MODELS }, (_, i) => ({ id: `bench/model-${i}`, name: `Bench model ${i}` })),
    // A little usage, so the overview has a chart to draw before the big snapshot arrives.
    modelUsage: Array.from({ length: 5 }, (_, i) => ({ date: "2022-12-31", model: `bench/model-${i}`, totalTokens: String(1000 * (i + 1)) })),
  });
}

function usageCsv(): string {
  const lines = ["# source: bench", "# capturedAt: 2026-02-01T00:00:00Z", "date,model,total_tokens"];
  for (let r = 0; r < ROWS; r++) {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r / MODELS) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},bench/model-${r % MODELS},${1_000_000 + r}`);
  }
  return lines.join("\n") + "\n";
}

async function post(app: App, body: string): Promise<Response> {
  return fetch(`${app.base}/api/ingest`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/csv" } });
}

interface ReaderStats {
  name: string;
  reads: number;
  failures: number;
  longestPauseMs: number;
}

async function reader(name: string, url: string, until: () => boolean): Promise<ReaderStats> {
  const s: ReaderStats = { name, reads: 0, failures: 0, longestPauseMs: 0 };
  let last = performance.now();
  while (!until()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (res.ok) s.reads++;
      else s.failures++;
    } catch {
      s.failures++;
    }
    const now = performance.now();
    s.longestPauseMs = Math.max(s.longestPauseMs, now - last);
    last = now;
  }
  return s;
}

async function measure(driver: string, app: App, csv: string): Promise<void> {
  const res = await post(app, catalogue());
  if (!res.ok) throw new Error(`catalogue ingest answered ${res.status}`);
  const api = `${app.base}/api/v1/models`;
  const embed = `${app.base}/embed/overview/overview-share`;
  for (const u of [api, embed]) await (await fetch(u)).arrayBuffer(); // drawn for this data version
  let done = false;
  const readers = [reader("GET /api/v1/models (drawn)", api, () => done), reader("GET /embed/overview/overview-share (drawn)", embed, () => done), reader("GET /api/health (queries)", `${app.base}/api/health`, () => done)];
  const started = performance.now();
  const ingest = await post(app, csv);
  const seconds = (performance.now() - started) / 1000;
  done = true;
  if (!ingest.ok) throw new Error(`ingest answered ${ingest.status}: ${(await ingest.text()).slice(0, 300)}`);
  console.log(`  ${driver}: ingest of ${ROWS.toLocaleString("en-US")} rows took ${seconds.toFixed(1)} s`);
  for (const s of await Promise.all(readers)) {
    console.log(`    ${s.name.padEnd(44)} ${String(s.reads).padStart(6)} reads  ${String(s.failures).padStart(3)} failed  longest pause ${(s.longestPauseMs / 1000).toFixed(2)} s`);
  }
}

export async function runReadDuringIngestBench(): Promise<void> {
  const csv = usageCsv();
  console.log(`\nReads during ingest: ${ROWS.toLocaleString("en-US")}-row canonical CSV (${(csv.length / 1e6).toFixed(1)} MB) in one POST, readers one request after another (goal: longest pause ≤ 1 s for drawn answers)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "modelshare-bench-pglite-"));
  try {
    const app = await startApp(PORT, { DATABASE_URL: "", DATA_DIR: dir, INGEST_TOKEN: TOKEN, SAMPLE_DATA: "off" });
    try {
      await measure("PGlite", app, csv);
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const db = await benchDatabase("reads");
  try {
    const app = await startApp(PORT, { DATABASE_URL: db.url, INGEST_TOKEN: TOKEN, SAMPLE_DATA: "off" });
    try {
      await measure("Postgres", app, csv);
    } finally {
      await app.stop();
    }
  } finally {
    await db.drop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runReadDuringIngestBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
