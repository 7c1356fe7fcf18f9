/**
 * npm run collect -- [--once | --every 6h] [--from YYYY-MM-DD] [--dry-run]
 *
 * Exit codes: 0 done (every response stored or skipped); 1 something failed (drift, HTTP, key, limits);
 * 2 bad arguments or environment; 3 another collector holds the database.
 * Everything printed goes through a redactor that knows the API key.
 */
import { dbOptionsFromEnv, openDb, type DbHandle } from "@/db";
import { systemClock, type Clock } from "./clock";
import { FileBudgetStore } from "./budget-file";
import { parseInterval, settingsFromEnv, type CollectorSettings, type Env } from "./config";
import { CollectorConfigError, CollectorLockedError } from "./errors";
import { OpenRouterClient } from "./http";
import { lockPostgres, pgliteLockedError, type HeldLock } from "./lock";
import { describePlan, planRequests } from "./plan";
import { DailyBudget, TokenBucket } from "./rate-limit";
import { makeRedactor } from "./redact";
import { collect, type RunReport } from "./run";
import { readRankingsCoverage } from "./stored";

const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3 } as const;

const USAGE = `usage: npm run collect -- [--once | --every <interval>] [--from YYYY-MM-DD] [--dry-run]

  --once            collect once and exit (default; for cron)
  --every 6h        keep running, collecting every interval (30m, 6h, 1d…; at least 5m)
  --from DAY        backfill rankings-daily from DAY when nothing is stored (default COLLECT_FROM or 2025-01-01)
  --dry-run         print the requests a run would make, make none

Needs OPENROUTER_API_KEY. Stores into DATABASE_URL, else the embedded database in DATA_DIR.
See docs/collector.md.`;

export interface CliDeps {
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
  clock?: Clock;
  /** Aborting it stops the collector (SIGINT/SIGTERM in scripts/collect.ts). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  random?: () => number;
  /** Opens the database; default openDb(dbOptionsFromEnv(env)). Tests pass an in-memory PGlite. */
  openDb?: () => Promise<DbHandle>;
}

interface Args {
  every: number | null;
  from?: string;
  dryRun: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { every: null, dryRun: false, help: false };
  let once = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new CollectorConfigError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--once") once = true;
    else if (flag === "--every") args.every = parseInterval(value());
    else if (flag === "--from") args.from = value();
    else if (flag === "--dry-run") args.dryRun = true;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else throw new CollectorConfigError(`unknown argument "${a}"`);
  }
  if (once && args.every !== null) throw new CollectorConfigError("--once and --every exclude each other");
  return args;
}

export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const clock = deps.clock ?? systemClock;
  let args: Args;
  let settings: CollectorSettings;
  try {
    args = parseArgs(argv);
    if (args.help) {
      deps.out(USAGE);
      return EXIT.ok;
    }
    settings = settingsFromEnv(deps.env, { from: args.from, requireKey: !args.dryRun });
  } catch (e) {
    if (!(e instanceof CollectorConfigError)) throw e;
    deps.err(`collect: ${e.message}`);
    deps.err(USAGE);
    return EXIT.usage;
  }
  const redact = makeRedactor([settings.apiKey]);
  const log = (line: string) => deps.out(redact(line));
  const fail = (line: string) => deps.err(redact(line));

  let lock: HeldLock | undefined;
  let handle: DbHandle | undefined;
  try {
    const dbOptions = dbOptionsFromEnv(deps.env as NodeJS.ProcessEnv);
    try {
      if (dbOptions.url && !args.dryRun) lock = await lockPostgres(dbOptions.url, "this database");
      handle = await (deps.openDb ?? (() => openDb(dbOptions)))();
    } catch (e) {
      const locked = e instanceof CollectorLockedError ? e : pgliteLockedError(e, dbOptions.dataDir ?? "");
      if (!locked) throw e;
      fail(`collect: ${locked.message}`);
      return EXIT.locked;
    }
    const db = handle.db;

    if (args.dryRun) {
      const coverage = await readRankingsCoverage(db, settings.settleHours);
      const steps = planRequests({ now: clock.now(), coverage, ...settings });
      log(`dry run: ${describePlan(steps)}`);
      for (const s of steps) log(`  GET ${s.path}${Object.keys(s.query).length ? `?${new URLSearchParams(s.query)}` : ""}`);
      return EXIT.ok;
    }

    const budget = new DailyBudget(clock, new FileBudgetStore(settings.stateFile), settings.dailyBudget);
    const client = new OpenRouterClient({
      baseUrl: settings.baseUrl,
      apiKey: settings.apiKey,
      clock,
      bucket: new TokenBucket(clock, settings.perMinute),
      budget,
      timeoutMs: settings.timeoutMs,
      retry: { maxAttempts: settings.maxAttempts },
      random: deps.random,
      fetch: deps.fetch,
      signal: deps.signal,
      onRetry: (r) => log(`  retry ${r.attempt}/${r.maxAttempts} of GET ${r.what} in ${(r.delayMs / 1000).toFixed(1)} s: ${r.reason}`),
    });
    const runOnce = async (): Promise<RunReport> => {
      log(`collect: ${new Date(clock.now()).toISOString()} from ${settings.baseUrl} into ${handle!.location}`);
      return collect({ db, client, clock, log, budget }, settings);
    };

    if (args.every === null) {
      const report = await runOnce();
      if (report.stoppedBy) fail(`collect: stopped: ${report.stoppedBy.message}`);
      else if (!report.ok) fail(`collect: ${report.failed} request${report.failed === 1 ? "" : "s"} failed (see above); nothing was stored for them`);
      return report.ok ? EXIT.ok : EXIT.failed;
    }

    const perRun = 2 + settings.categories.length;
    const perDay = Math.ceil((86_400_000 / args.every) * perRun);
    if (perDay > settings.dailyBudget) {
      log(`warning: every ${args.every / 60_000} min makes about ${perDay} requests a day, more than the daily budget of ${settings.dailyBudget}`);
    }
    for (let run = 1; ; run++) {
      const started = clock.now();
      try {
        const report = await runOnce();
        if (report.stoppedBy?.kind === "auth") {
          fail(`collect: stopped: ${report.stoppedBy.message}`);
          return EXIT.failed;
        }
        if (!report.ok) fail(`collect: run ${run} ${report.stoppedBy ? `stopped: ${report.stoppedBy.message}` : `had ${report.failed} failed request(s)`}; retrying at the next run`);
      } catch (e) {
        if (deps.signal?.aborted) break;
        fail(`collect: run ${run} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (deps.signal?.aborted) break;
      const next = started + args.every;
      log(`next run at ${new Date(next).toISOString()}`);
      try {
        await clock.sleep(Math.max(0, next - clock.now()), deps.signal);
      } catch {
        break; // aborted while waiting
      }
    }
    log("collect: stopped");
    return EXIT.ok;
  } catch (e) {
    if (deps.signal?.aborted) {
      fail("collect: interrupted");
      return EXIT.failed;
    }
    fail(`collect: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.failed;
  } finally {
    await handle?.close().catch(() => {});
    await lock?.release().catch(() => {});
  }
}
