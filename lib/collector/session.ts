/**
 * One collection with everything it needs (daily budget from the state file, the HTTP client with its
 * retries and limits): the same code for `npm run collect`, the server's schedule and a CLI run sent to
 * the server, so all three keep the same limits, backoff and drift detection.
 */
import type { Db } from "@/db";
import { FileBudgetStore } from "./budget-file";
import type { Clock } from "./clock";
import type { CollectorSettings } from "./config";
import type { CollectorErrorKind } from "./errors";
import { OpenRouterClient } from "./http";
import { describePlan, planRequests } from "./plan";
import { DailyBudget, TokenBucket } from "./rate-limit";
import { collect, type RunReport } from "./run";
import { readRankingsCoverage } from "./stored";

/** What a caller needs to know about a finished run (a RunReport has it; so does a run done by the server). */
export interface RunOutcome {
  ok: boolean;
  failed: number;
  stoppedBy?: { kind: CollectorErrorKind; message: string } | null;
}

export interface SessionDeps {
  db: Db;
  /** Where the data goes, for the first line of the log. */
  location: string;
  clock: Clock;
  log: (line: string) => void;
  /** Shown on a terminal only: "rankings-daily window 3 of 8". */
  progress?: (line: string) => void;
  /** One per process, so that back-to-back runs together keep the per-minute limit. */
  bucket: TokenBucket;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  random?: () => number;
}

export function newTokenBucket(clock: Clock, settings: CollectorSettings): TokenBucket {
  return new TokenBucket(clock, settings.perMinute);
}

export async function runCollection(settings: CollectorSettings, deps: SessionDeps): Promise<RunReport> {
  const { clock, log } = deps;
  const budget = new DailyBudget(clock, new FileBudgetStore(settings.stateFile), settings.dailyBudget);
  const client = new OpenRouterClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    clock,
    bucket: deps.bucket,
    budget,
    timeoutMs: settings.timeoutMs,
    retry: { maxAttempts: settings.maxAttempts },
    random: deps.random,
    fetch: deps.fetch,
    signal: deps.signal,
    onRetry: (r) => log(`  retry ${r.attempt}/${r.maxAttempts} of GET ${r.what} in ${(r.delayMs / 1000).toFixed(1)} s: ${r.reason}`),
  });
  log(`collect: ${new Date(clock.now()).toISOString()} from ${settings.baseUrl} into ${deps.location}`);
  return collect({ db: deps.db, client, clock, log, budget, progress: deps.progress }, settings);
}

/** --dry-run: the requests a run would make now, from what is stored; makes none. */
export async function printDryRun(db: Db, settings: CollectorSettings, clock: Clock, log: (line: string) => void): Promise<void> {
  const coverage = await readRankingsCoverage(db, settings.settleHours);
  const steps = planRequests({ now: clock.now(), coverage, ...settings });
  log(`dry run: ${describePlan(steps)}`);
  for (const s of steps) log(`  GET ${s.path}${Object.keys(s.query).length ? `?${new URLSearchParams(s.query)}` : ""}`);
}

/** The line a failed single run ends with (stderr); null when it went well. */
export function failureLine(outcome: RunOutcome): string | null {
  if (outcome.stoppedBy) return `collect: stopped: ${outcome.stoppedBy.message}`;
  if (!outcome.ok) return `collect: ${outcome.failed} request${outcome.failed === 1 ? "" : "s"} failed (see above); nothing was stored for them`;
  return null;
}
