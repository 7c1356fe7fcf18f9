/**
 * The server's one collector (lib/collector/live.ts), kept on globalThis like the database: started by
 * instrumentation.ts, read by /api/health and the overview, and given the runs `npm run collect` sends.
 */
import "server-only";
import { dbOptionsFromEnv } from "@/db";
import type { CollectorStatus } from "@/lib/domain/collector-status";
import { LiveCollector } from "@/lib/collector/live";
import { formatDuration } from "@/lib/collector/clock";
import { lockPostgres } from "@/lib/collector/lock";
import { beforeDatabaseClose, getDbHandle } from "./db";

const KEY = Symbol.for("modelshare.collector");
type Holder = { [KEY]?: LiveCollector };

export function serverCollector(): LiveCollector {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const url = dbOptionsFromEnv().url;
    holder[KEY] = new LiveCollector({
      env: process.env,
      db: getDbHandle,
      lock: url ? () => lockPostgres(url, "this database") : undefined,
      log: (line) => console.log(`[collector] ${line}`),
    });
  }
  return holder[KEY];
}

/** At start-up: schedule collections when there is a key, else say how to turn them on; stop before the database closes. */
export function startServerCollector(): void {
  const collector = serverCollector();
  collector.start();
  beforeDatabaseClose(() => collector.stop());
  const status = collector.status();
  console.log(
    status.enabled
      ? `[collector] collecting OpenRouter's data every ${formatDuration(status.everySeconds! * 1000)}; next run at ${status.next}`
      : `[collector] ${status.note}`,
  );
}

export function collectorStatus(): CollectorStatus {
  return serverCollector().status();
}
