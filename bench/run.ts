/**
 * npm run bench: every benchmark, each printing ratios measured within its own run. Needs a real Postgres
 * (DATABASE_URL) and a built app (`npm run build`; built here when missing or stale).
 */
import { buildIfNeeded } from "../scripts/next-build";
import { runIngestBench } from "./ingest";

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("npm run bench needs a real Postgres: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench");
    process.exit(2);
  }
  buildIfNeeded();
  await runIngestBench();
  const { runChartApiBench } = await import("./chart-api").catch(() => ({ runChartApiBench: null }));
  if (runChartApiBench) await runChartApiBench();
  const { runLoadBench } = await import("./load");
  await runLoadBench();
  const { runReadDuringIngestBench } = await import("./read-during-ingest");
  await runReadDuringIngestBench();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
