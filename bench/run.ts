/**
 * npm run bench: every benchmark, each printing ratios measured within its own run. Needs a real Postgres
 * (DATABASE_URL); the ingest benchmark also needs a built app (`npm run build`; built here when missing or stale).
 *
 *   npm run bench              # all
 *   npm run bench -- chart     # only the chart API latency (no build needed)
 *   npm run bench -- ingest    # only ingest vs COPY
 *   npm run bench -- embed     # only the embed scripts' gzipped size (no database needed)
 *   npm run bench -- lighthouse  # only Lighthouse on every page (no database needed: the sample on PGlite; builds)
 */
import { buildIfNeeded } from "../scripts/next-build";

const BENCHES = ["ingest", "chart", "load", "read-during-ingest", "embed", "lighthouse"] as const;
/** Benchmarks that bring their own database (or need none). */
const NO_DATABASE: readonly Bench[] = ["embed", "lighthouse"];
type Bench = (typeof BENCHES)[number];

async function main() {
  const noDatabase = process.argv.slice(2).length > 0 && process.argv.slice(2).every((a) => (NO_DATABASE as readonly string[]).includes(a));
  if (!process.env.DATABASE_URL && !noDatabase) {
    console.error("npm run bench needs a real Postgres: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench");
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !(BENCHES as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(", ")}: choose from ${BENCHES.join(", ")} (none = all)`);
    process.exit(2);
  }
  const chosen = new Set<Bench>(args.length ? (args as Bench[]) : BENCHES);
  if (chosen.has("embed")) {
    const { runEmbedScriptBench } = await import("./embed-script");
    runEmbedScriptBench();
  }
  if (chosen.has("ingest")) {
    buildIfNeeded();
    const { runIngestBench } = await import("./ingest");
    await runIngestBench();
  }
  if (chosen.has("chart")) {
    const { runChartApiBench } = await import("./chart-api");
    await runChartApiBench();
  }
  if (chosen.has("load")) {
    buildIfNeeded();
    const { runLoadBench } = await import("./load");
    await runLoadBench();
  }
  if (chosen.has("read-during-ingest")) {
    buildIfNeeded(); // it serves the built app: a stale build measured the code before the last change
    const { runReadDuringIngestBench } = await import("./read-during-ingest");
    await runReadDuringIngestBench();
  }
  if (chosen.has("lighthouse")) {
    buildIfNeeded();
    const { runLighthouseBench } = await import("./lighthouse");
    await runLighthouseBench();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
