/**
 * npm run ingest -- [--as-of YYYY-MM-DD] [--json] <file>...  (lib/cli/ingest.ts)
 * Into the configured database, or through the running server that holds the PGlite folder.
 */
import { ingestMain } from "@/lib/cli/ingest";
import { terminalProgress } from "@/lib/cli/progress";

ingestMain(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: terminalProgress(process.stdout),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
