/**
 * The collector inside the server: collects every COLLECT_EVERY (default 6h) while the server runs, with
 * the same limits, backoff, drift detection and lock as `npm run collect` (lib/collector/session.ts), and
 * runs the collections `npm run collect` sends to the server (one at a time: a second is refused as
 * "locked", exit code 3). Keeps what /api/health and the overview show: the last collection, the next one.
 *
 * - no OPENROUTER_API_KEY: nothing is scheduled; the status says how to turn collection on;
 * - a rejected key (401/403): the schedule stops (every later request would fail alike) until a restart;
 * - rate limits and the daily budget: the run stops, says why, and the next scheduled run carries on.
 */
import type { DbHandle } from "@/db";
import type { CollectionRecord, CollectorStatus } from "@/lib/domain/collector-status";
import { systemClock, type Clock } from "./clock";
import { parseInterval, settingsFromEnv, type CollectorSettings, type Env } from "./config";
import { CollectorConfigError, CollectorLockedError } from "./errors";
import { lastRunFile, readLastRun, writeLastRun } from "./last-run-file";
import type { HeldLock } from "./lock";
import type { TokenBucket } from "./rate-limit";
import { makeRedactor } from "./redact";
import type { RunReport } from "./run";
import { newTokenBucket, printDryRun, runCollection, type RunOutcome } from "./session";

export const DEFAULT_EVERY = "6h";

export interface LiveCollectorOptions {
  env: Env;
  /** The server's database (opened once per process). */
  db: () => Promise<DbHandle>;
  /** On Postgres: the collectors' advisory lock, taken for each run (lib/collector/lock.ts). */
  lock?: () => Promise<HeldLock>;
  /** The server's log (scheduled runs print what `npm run collect` prints). */
  log: (line: string) => void;
  clock?: Clock;
  fetch?: typeof fetch;
  random?: () => number;
}

export interface RunRequest {
  trigger: CollectionRecord["trigger"];
  /** A key other than the server's (a CLI run brings its own). */
  apiKey?: string;
  from?: string;
  dryRun?: boolean;
  log: (line: string) => void;
  progress?: (line: string) => void;
  signal?: AbortSignal;
}

export class LiveCollector {
  private readonly clock: Clock;
  private readonly settings: CollectorSettings | null = null;
  private readonly everyMs: number | null = null;
  private readonly bucket: TokenBucket | null = null;
  private readonly stopper = new AbortController();
  private last: CollectionRecord | null = null;
  private next: number | null = null;
  private running: { since: number; done: Promise<void> } | null = null;
  private note: string | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: LiveCollectorOptions) {
    this.clock = opts.clock ?? systemClock;
    try {
      this.settings = settingsFromEnv(opts.env, { requireKey: false });
      this.everyMs = parseEvery(opts.env.COLLECT_EVERY);
      this.bucket = newTokenBucket(this.clock, this.settings);
      this.last = readLastRun(lastRunFile(this.settings.stateFile));
      if (!this.settings.apiKey) {
        this.note = `Not collecting: start the server with OPENROUTER_API_KEY set to collect OpenRouter's data every ${opts.env.COLLECT_EVERY || DEFAULT_EVERY} (see docs/collector.md).`;
      }
    } catch (e) {
      if (!(e instanceof CollectorConfigError)) throw e;
      this.note = `Not collecting: ${e.message}`;
    }
  }

  /** Begins the schedule (when there is a key): the first run now, unless the last one went well less than an interval ago. */
  start(): void {
    if (this.loop || !this.settings?.apiKey || this.everyMs === null) return;
    const every = this.everyMs;
    const lastStart = this.last ? Date.parse(this.last.startedAt) : null;
    this.next = this.last?.ok && lastStart !== null && lastStart + every > this.clock.now() ? lastStart + every : this.clock.now();
    const redact = makeRedactor([this.settings.apiKey]);
    this.loop = this.schedule(every, (line) => this.opts.log(redact(line)));
  }

  status(): CollectorStatus {
    return {
      enabled: this.loop !== null && this.note === null,
      everySeconds: this.everyMs === null || !this.settings?.apiKey ? null : this.everyMs / 1000,
      runningSince: this.running ? new Date(this.running.since).toISOString() : null,
      last: this.last,
      next: this.next === null ? null : new Date(this.next).toISOString(),
      note: this.note,
    };
  }

  /** One collection now (a CLI run sent to the server, or the schedule's). Throws CollectorLockedError while another runs. */
  async run(request: RunRequest): Promise<RunOutcome> {
    if (!this.settings || !this.bucket) throw new CollectorConfigError(this.note ?? "the server's collector settings are invalid");
    if (this.running) {
      throw new CollectorLockedError(
        `a collection is already running in the Modelshare server (since ${new Date(this.running.since).toISOString()}); ` +
          "this one makes no request. Wait for it to finish (GET /api/health shows it), then try again.",
      );
    }
    const settings = { ...this.settings, apiKey: request.apiKey || this.settings.apiKey, from: request.from ?? this.settings.from };
    const since = this.clock.now();
    let finished!: () => void;
    this.running = { since, done: new Promise<void>((resolve) => (finished = resolve)) };
    const signal = request.signal ? AbortSignal.any([request.signal, this.stopper.signal]) : this.stopper.signal;
    let lock: HeldLock | undefined;
    try {
      const handle = await this.opts.db();
      if (request.dryRun) {
        await printDryRun(handle.db, settings, this.clock, request.log);
        return { ok: true, failed: 0 };
      }
      lock = await this.opts.lock?.();
      const report = await runCollection(settings, {
        db: handle.db,
        location: handle.location,
        clock: this.clock,
        log: request.log,
        progress: request.progress,
        bucket: this.bucket,
        signal,
        fetch: this.opts.fetch,
        random: this.opts.random,
      });
      this.remember(request.trigger, since, report, null, settings.apiKey);
      return report;
    } catch (e) {
      if (!(e instanceof CollectorLockedError) && !request.dryRun) this.remember(request.trigger, since, null, e, settings.apiKey);
      throw e;
    } finally {
      await lock?.release().catch(() => {});
      this.running = null;
      finished();
    }
  }

  /** Stops the schedule and aborts a run in progress (SIGTERM), waiting for it to let go of the database. */
  async stop(): Promise<void> {
    this.stopper.abort(new Error("the server is stopping"));
    this.next = null;
    await this.running?.done;
    await this.loop;
  }

  private async schedule(every: number, log: (line: string) => void): Promise<void> {
    for (;;) {
      try {
        await this.clock.sleep(Math.max(0, this.next! - this.clock.now()), this.stopper.signal);
      } catch {
        return; // stopping
      }
      const started = this.clock.now();
      this.next = started + every;
      if (this.running) {
        log(`scheduled collection skipped: another (since ${new Date(this.running.since).toISOString()}) is still running`);
        continue;
      }
      try {
        const outcome = await this.run({ trigger: "schedule", log });
        if (outcome.stoppedBy?.kind === "auth") {
          log(`collect: stopped: ${outcome.stoppedBy.message}`);
          this.note = `Stopped collecting: ${outcome.stoppedBy.message} Restart the server with a valid key.`;
          this.next = null;
          return;
        }
        if (!outcome.ok) log(`collect: ${outcome.stoppedBy ? `stopped: ${outcome.stoppedBy.message}` : `${outcome.failed} request(s) failed`}; retrying at the next run`);
      } catch (e) {
        if (this.stopper.signal.aborted) return;
        log(`collect: run failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (this.next !== null) log(`next run at ${new Date(this.next).toISOString()}`);
    }
  }

  private remember(trigger: CollectionRecord["trigger"], since: number, report: RunReport | null, error: unknown, apiKey: string): void {
    const redact = makeRedactor([apiKey, this.settings?.apiKey]);
    const failure = report?.stoppedBy?.message ?? report?.steps.find((s) => s.status === "failed")?.error ?? null;
    const thrown = error === null ? null : this.stopper.signal.aborted ? "interrupted: the server stopped during the collection" : error instanceof Error ? error.message : String(error);
    this.last = {
      startedAt: new Date(since).toISOString(),
      finishedAt: new Date(this.clock.now()).toISOString(),
      trigger,
      ok: report?.ok ?? false,
      requests: report?.requests ?? 0,
      stored: report?.stored ?? 0,
      skipped: report?.skipped ?? 0,
      failed: report?.failed ?? 0,
      error: (failure ?? thrown) === null ? null : redact((failure ?? thrown)!),
    };
    try {
      writeLastRun(lastRunFile(this.settings!.stateFile), this.last);
    } catch (e) {
      this.opts.log(`could not keep the last collection in ${lastRunFile(this.settings!.stateFile)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function parseEvery(value: string | undefined): number {
  try {
    return parseInterval(value || DEFAULT_EVERY);
  } catch (e) {
    if (e instanceof CollectorConfigError) throw new CollectorConfigError(`COLLECT_EVERY: ${e.message.replace(/^--every /, "")}`);
    throw e;
  }
}
