/**
 * A server stand-in for the data-folder lock tests: opens the PGlite folder in DATA_DIR the way the server
 * does, ingests one snapshot, prints its id, then waits. `crash` kills itself with SIGKILL (no cleanup),
 * `serve` waits for a signal (closed by closeDatabaseOnSignals), `once` exits normally.
 */
import { ingestText } from "@/lib/ingest";
import { closeDatabaseOnSignals, getDbHandle } from "@/lib/server/db";

const mode = process.argv[2] ?? "once";
const snapshot = (n: number) =>
  JSON.stringify({ format: "modelshare.snapshot/v1", source: "lock-test", capturedAt: `2026-01-${String(n).padStart(2, "0")}T00:00:00Z`, models: [{ id: "acme/lock-1", name: "Lock" }] });

async function main() {
  closeDatabaseOnSignals();
  const handle = await getDbHandle();
  const summary = await ingestText(handle.db, snapshot(Number(process.env.SNAPSHOT_DAY ?? 1)));
  console.log(JSON.stringify({ pid: process.pid, snapshotId: summary.snapshotId }));
  if (mode === "crash") process.kill(process.pid, "SIGKILL");
  if (mode === "serve") setInterval(() => {}, 1000);
  if (mode === "once") await handle.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
