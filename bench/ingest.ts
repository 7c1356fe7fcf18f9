/**
 * Ingest throughput: 1,000,000 generated model-day rows POSTed to /api/ingest of the built app (canonical CSV,
 * in request-sized parts), against a raw `COPY … FROM STDIN` of the same rows into the same table, both on a
 * fresh database of the same Postgres server, in one run. Prints rows/s of each and their ratio per round, and
 * the median ratio of the rounds.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/ingest.ts
 */
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { benchDatabase, type BenchDatabase } from "./database";
import { benchPort, startApp } from "./server";

const ROWS = Number(process.env.BENCH_ROWS) || 1_000_000;
const MODELS = 1_000;
const PARTS = Number(process.env.BENCH_PARTS) || 4; // requests; each well under INGEST_MAX_BYTES
/** Requests in flight: a client sending the next part while the server writes the previous one lets parsing
 * (Node) overlap writing (Postgres); the server still writes snapshots one at a time (advisory lock). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY) || 2;
const PORT = benchPort(3499);
/** Each round pairs an ingest with a raw COPY on a fresh database: on this machine's disk either alone moves
 * by a fifth between runs, so one pair can say 0.75 or 1.1 of unchanged code; the median of rounds says less. */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 5;
const TOKEN = "bench-token";

function modelId(i: number) {
  return `bench/model-${String(i).padStart(4, "0")}`;
}

function dayOf(i: number): string {
  return new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

/** Row r: model r % MODELS on day floor(r / MODELS); tokens vary deterministically. */
function* rows(from: number, to: number) {
  for (let r = from; r < to; r++) yield { day: dayOf(Math.floor(r / MODELS)), model: r % MODELS, tokens: 1_000_000 + ((r * 7919) % 9_000_000_000) };
}

function catalogueSnapshot(): string {
  return JSON.stringify({
    format: "modelshare.snapshot/v1",
    source: "bench",
    capturedAt: "2026-01-01T00:00:00Z",
    models: Array.from({ length: MODELS }, (_, i) => ({ id: modelId(i), name: `Bench model ${i}` })),
  });
}

function csvPart(from: number, to: number): string {
  const lines = ["# source: bench", "# capturedAt: 2026-01-02T00:00:00Z", "date,model,total_tokens"];
  for (const r of rows(from, to)) lines.push(`${r.day},${modelId(r.model)},${r.tokens}`);
  return lines.join("\n") + "\n";
}

async function post(body: string): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/ingest`, { method: "POST", body, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/csv" } });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
}

async function timeRouteIngest(db: BenchDatabase): Promise<number> {
  const server = await startApp(PORT, { DATABASE_URL: db.url, INGEST_TOKEN: TOKEN, SAMPLE_DATA: "off" });
  try {
    // Bodies first: built after the catalogue, they could take longer than the server keeps an idle connection
    // (5 s), and the client would send the first part on a socket the server was closing (EPIPE).
    const bodies = Array.from({ length: PARTS }, (_, p) => csvPart(Math.floor((p * ROWS) / PARTS), Math.floor(((p + 1) * ROWS) / PARTS)));
    await post(catalogueSnapshot()); // declares the models: setup, not timed
    const started = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await post(bodies[next++]);
    }));
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = await db.sql<{ n: string }[]>`select count(*) as n from model_usage_daily`;
    if (Number(n) !== ROWS) throw new Error(`expected ${ROWS} rows after ingest, found ${n}`);
    return seconds;
  } finally {
    await server.stop();
  }
}

async function timeCopy(db: BenchDatabase): Promise<number> {
  await db.sql`truncate model_usage_daily`;
  const ids = await db.sql<{ id: number; public_id: string }[]>`select id, public_id from models where public_id like 'bench/%'`;
  const idOf = new Map(ids.map((m) => [m.public_id, m.id]));
  const [{ id: snapshotId }] = await db.sql<{ id: number }[]>`select max(id) as id from snapshots`;
  const modelIds = Array.from({ length: MODELS }, (_, i) => idOf.get(modelId(i))!);
  function* lines() {
    let chunk = "";
    for (const r of rows(0, ROWS)) {
      chunk += `${r.day}\t${modelIds[r.model]}\t${r.tokens}\t${snapshotId}\t2026-01-02 00:00:00+00\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const started = performance.now();
  const writable = await db.sql`copy model_usage_daily (day, model_id, total_tokens, snapshot_id, as_of) from stdin`.writable();
  await pipeline(Readable.from(lines()), writable);
  const seconds = (performance.now() - started) / 1000;
  const [{ n }] = await db.sql<{ n: string }[]>`select count(*) as n from model_usage_daily`;
  if (Number(n) !== ROWS) throw new Error(`expected ${ROWS} rows after COPY, found ${n}`);
  return seconds;
}

/** One round on a fresh database: the ingest, then the raw COPY of the same rows. Seconds of each. */
async function round(): Promise<{ ingest: number; copy: number }> {
  const db = await benchDatabase("ingest");
  try {
    const ingest = await timeRouteIngest(db);
    return { ingest, copy: await timeCopy(db) };
  } finally {
    await db.drop();
  }
}

const rate = (seconds: number) => `${seconds.toFixed(2)} s  ${Math.round(ROWS / seconds).toLocaleString("en-US")} rows/s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runIngestBench(): Promise<void> {
  console.log(`\nIngest benchmark: ${ROWS.toLocaleString("en-US")} model-day rows, ${PARTS} requests (${CONCURRENCY} in flight), Postgres, ${ROUNDS} rounds`);
  const ratios: number[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const t = await round();
    ratios.push(t.copy / t.ingest);
    console.log(`  round ${r}: POST /api/ingest (canonical CSV) ${rate(t.ingest)} · raw COPY FROM STDIN ${rate(t.copy)} · ratio ${(t.copy / t.ingest).toFixed(2)}`);
  }
  const spread = ROUNDS > 1 ? ` (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : "";
  console.log(`  ratio ingest / COPY, median of rounds: ${median(ratios).toFixed(2)}${spread}  (goal ≥ 0.80)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runIngestBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

