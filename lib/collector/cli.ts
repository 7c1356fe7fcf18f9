/**
 * npm run collect -- [--once | --every 6h] [--from YYYY-MM-DD] [--dry-run]
 *
 * Exit codes: 0 done (every response stored or skipped); 1 something failed (drift, HTTP, key, limits);
 * 2 bad arguments or environment; 3 another collector holds the database.
 * Everything printed goes through a redactor that knows the API key.
 */
import { dbOptionsFromEnv, openDb, type DbHandle } from "@/db";
import { terminalProgress, type Progress } from "@/lib/cli/progress";
import { describeServer, serverHoldingDatabase, type ServerRecord } from "@/lib/cli/running-server";
import { systemClock, type Clock } from "./clock";
import { parseInterval, settingsFromEnv, type CollectorSettings, type Env } from "./config";
import { CollectorConfigError, CollectorLockedError } from "./errors";
import { lockPostgres, pgliteLockedError, type HeldLock } from "./lock";
import { makeRedactor } from "./redact";
import { collectViaServer } from "./remote";
import { failureLine, newTokenBucket, printDryRun, runCollection, type RunOutcome } from "./session";

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
  /** The terminal's progress line (default: none). */
  progress?: Progress;
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
  const progress = deps.progress ?? terminalProgress({ write: () => true });
  const log = (line: string) => progress.print(() => deps.out(redact(line)));
  const fail = (line: string) => progress.print(() => deps.err(redact(line)));
  const show = (line: string) => progress.update(redact(line));
  const loop = { log, fail, clock, signal: deps.signal, settings };

  // The embedded database held by a running server: the server does the run (lib/collector/remote.ts).
  const server = serverHoldingDatabase(deps.env);
  if (server) return forwardToServer(server, args, loop, show);

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
    const { db, location } = handle;
    if (args.dryRun) {
      await printDryRun(db, settings, clock, log);
      return EXIT.ok;
    }
    const bucket = newTokenBucket(clock, settings);
    const runOnce = () =>
      runCollection(settings, { db, location, clock, log, progress: show, bucket, signal: deps.signal, fetch: deps.fetch, random: deps.random });
    return await runLoop(args.every, runOnce, loop);
  } catch (e) {
    return failed(e, loop);
  } finally {
    progress.print(() => {});
    await handle?.close().catch(() => {});
    await lock?.release().catch(() => {});
  }
}

interface LoopDeps {
  log: (line: string) => void;
  fail: (line: string) => void;
  clock: Clock;
  signal?: AbortSignal;
  settings: CollectorSettings;
}

/** `--once` (every = null): one run, its exit code. `--every`: runs until aborted or the key is rejected. */
async function runLoop(every: number | null, runOnce: () => Promise<RunOutcome>, { log, fail, clock, signal, settings }: LoopDeps): Promise<number> {
  if (every === null) {
    const outcome = await runOnce();
    const line = failureLine(outcome);
    if (line) fail(line);
    return outcome.ok ? EXIT.ok : EXIT.failed;
  }
  const perRun = 2 + settings.categories.length;
  const perDay = Math.ceil((86_400_000 / every) * perRun);
  if (perDay > settings.dailyBudget) {
    log(`warning: every ${every / 60_000} min makes about ${perDay} requests a day, more than the daily budget of ${settings.dailyBudget}`);
  }
  for (let run = 1; ; run++) {
    const started = clock.now();
    try {
      const outcome = await runOnce();
      if (outcome.stoppedBy?.kind === "auth") {
        fail(`collect: stopped: ${outcome.stoppedBy.message}`);
        return EXIT.failed;
      }
      if (!outcome.ok) fail(`collect: run ${run} ${outcome.stoppedBy ? `stopped: ${outcome.stoppedBy.message}` : `had ${outcome.failed} failed request(s)`}; retrying at the next run`);
    } catch (e) {
      if (signal?.aborted) break;
      fail(`collect: run ${run} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (signal?.aborted) break;
    const next = started + every;
    log(`next run at ${new Date(next).toISOString()}`);
    try {
      await clock.sleep(Math.max(0, next - clock.now()), signal);
    } catch {
      break; // aborted while waiting
    }
  }
  log("collect: stopped");
  return EXIT.ok;
}

/** The run, done by the server that holds the embedded database; same output, same exit codes. */
async function forwardToServer(server: ServerRecord, args: Args, loop: LoopDeps, show: (line: string) => void): Promise<number> {
  const { log, fail, signal, settings } = loop;
  show(`collecting through ${describeServer(server)}…`);
  const request = { apiKey: settings.apiKey, from: args.from, dryRun: args.dryRun };
  const runOnce = () => collectViaServer(server, request, { out: log, err: fail, progress: show, signal });
  try {
    if (args.dryRun) return (await runOnce()).ok ? EXIT.ok : EXIT.failed;
    return await runLoop(args.every, runOnce, loop);
  } catch (e) {
    if (e instanceof CollectorLockedError) {
      fail(`collect: ${e.message}`);
      return EXIT.locked;
    }
    return failed(e, loop);
  }
}

function failed(e: unknown, { fail, signal }: LoopDeps): number {
  if (signal?.aborted) {
    fail("collect: interrupted");
    return EXIT.failed;
  }
  fail(`collect: ${e instanceof Error ? e.message : String(e)}`);
  return EXIT.failed;
}
