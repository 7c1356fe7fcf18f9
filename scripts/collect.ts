/**
 * npm run collect -- [--once | --every 6h] [--from YYYY-MM-DD] [--dry-run]
 * Pulls OpenRouter's models catalogue and Data API (rankings-daily, app-rankings) into the database.
 * See docs/collector.md; the code is in lib/collector/.
 */
import { terminalProgress } from "@/lib/cli/progress";
import { main } from "@/lib/collector/cli";

const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) process.exit(130); // second signal: don't wait
    console.error(`collect: ${signal}: stopping`);
    stop.abort(new Error(signal));
  });
}

main(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  signal: stop.signal,
  progress: terminalProgress(process.stdout),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`collect: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
