/**
 * One collection: plan from what is stored, fetch each planned response, check its shape, ingest it through
 * ingestText (the same code as POST /api/ingest), and report what was fetched, stored and skipped.
 *
 * A response whose shape is not what the endpoint should return (schema drift) is stored nowhere and
 * reported with the paths that changed; a failed rankings window ends the backfill for this run (a later
 * window would move the "newest stored day" past the gap); auth/budget/rate-limit errors end the run.
 */
import type { Db } from "@/db";
import { describeSummary, ingestText, IngestError, type IngestSummary } from "@/lib/ingest";
import { detectJsonFormat, parseAs } from "@/lib/ingest/detect";
import type { IssueDetail } from "@/lib/ingest/errors";
import { isRecord } from "@/lib/ingest/formats/shared";
import type { Clock } from "./clock";
import { CollectorError } from "./errors";
import type { FetchResult } from "./http";
import { describePlan, planRequests, type Step } from "./plan";
import { describeFreshness, getFreshness } from "@/lib/queries/freshness";
import { catalogueAsOf, hasSampleData, readRankingsCoverage } from "./stored";

export interface CollectConfig {
  from: string;
  windowDays: number;
  settleHours: number;
  categories: string[];
  staleAfterHours: number;
}

export interface CollectDeps {
  db: Db;
  client: { getJson(path: string, query?: Record<string, string | undefined>): Promise<FetchResult>; readonly sent: number };
  clock: Clock;
  log: (line: string) => void;
  budget?: { used(): number; remaining(): number; limit: number };
  /** Progress for a terminal (a long backfill): told before each request. */
  progress?: (line: string) => void;
}

export type StepStatus = "stored" | "duplicate" | "empty" | "failed" | "not-requested";

export interface StepResult {
  step: Step;
  status: StepStatus;
  summary?: IngestSummary;
  attempts?: number;
  error?: string;
  details?: IssueDetail[];
}

export interface RunReport {
  steps: StepResult[];
  /** HTTP requests sent (retries included). */
  requests: number;
  stored: number;
  skipped: number;
  failed: number;
  /** The error that ended the run early, if any. */
  stoppedBy?: CollectorError;
  ok: boolean;
}

export async function collect(deps: CollectDeps, config: CollectConfig): Promise<RunReport> {
  const { db, client, log } = deps;
  const coverage = await readRankingsCoverage(db, config.settleHours);
  if (await hasSampleData(db)) {
    log("note: this database holds only the bundled sample data; the first collected snapshot replaces it (sample and real data never mix)");
  }
  const steps = planRequests({ now: deps.clock.now(), coverage, ...config });
  log(`plan: ${describePlan(steps)}${deps.budget ? `; daily budget ${deps.budget.remaining()} of ${deps.budget.limit} left` : ""}`);
  if (deps.budget && deps.budget.remaining() < steps.length) {
    log(`warning: ${steps.length} requests planned but ${deps.budget.remaining()} left in the daily budget; the run stops early and the next one continues`);
  }

  const results: StepResult[] = [];
  const sentBefore = client.sent;
  let stoppedBy: CollectorError | undefined;
  let rankingsBroken = false;

  for (const [i, step] of steps.entries()) {
    deps.progress?.(`request ${i + 1} of ${steps.length}: ${step.label}`);
    if (stoppedBy || (step.kind === "rankings-daily" && rankingsBroken)) {
      results.push({ step, status: "not-requested" });
      continue;
    }
    let res: FetchResult;
    try {
      res = await client.getJson(step.path, step.query);
    } catch (e) {
      if (!(e instanceof CollectorError)) throw e;
      log(`GET ${step.path}${query(step)}: FAILED: ${e.message}`);
      results.push({ step, status: "failed", error: e.message });
      if (e.stopsRun) stoppedBy = e;
      if (step.kind === "rankings-daily") rankingsBroken = true;
      continue;
    }
    log(`GET ${res.what} → ${res.status}, ${kb(res.bytes)}${res.attempts > 1 ? ` after ${res.attempts} attempts` : ""}`);

    const result = await store(deps, step, res);
    results.push(result);
    if (result.status === "failed" && step.kind === "rankings-daily") rankingsBroken = true;
  }

  const requests = client.sent - sentBefore;
  const count = (s: StepStatus) => results.filter((r) => r.status === s).length;
  const report: RunReport = {
    steps: results,
    requests,
    stored: count("stored"),
    skipped: count("duplicate") + count("empty"),
    failed: count("failed"),
    stoppedBy,
    ok: count("failed") === 0 && !stoppedBy,
  };
  const notRequested = count("not-requested");
  log(
    `done: ${requests} request${requests === 1 ? "" : "s"}; stored ${report.stored}, skipped ${report.skipped} (already stored or empty), ` +
      `failed ${report.failed}${notRequested ? `, not requested ${notRequested}` : ""}` +
      (deps.budget ? `; daily budget ${deps.budget.used()} of ${deps.budget.limit} used in the last 24 h` : ""),
  );
  const freshness = await getFreshness(db, { now: deps.clock.now(), staleAfterHours: config.staleAfterHours });
  log(`freshness: ${describeFreshness(freshness)}`);
  return report;
}

/** Checks the response's shape and ingests it. Never throws for a bad response: it becomes a failed step. */
async function store(deps: CollectDeps, step: Step, res: FetchResult): Promise<StepResult> {
  const { db, log } = deps;
  const base = { step, attempts: res.attempts };
  try {
    const detected = detectJsonFormat(res.json);
    if (detected !== step.format) {
      const empty = isRecord(res.json) && Array.isArray(res.json.data) && res.json.data.length === 0;
      // Let the expected format's parser say exactly which path is wrong (it writes nothing).
      parseAs(step.format, res.text, { asOf: null });
      if (empty) {
        log(`  nothing to store: ${step.label} has no rows`);
        return { ...base, status: "empty" };
      }
      throw new IngestError(422, `not recognised as ${step.format}`, [{ path: "data[0]", message: "unrecognised row shape" }]);
    }
    const asOf = step.kind === "models" ? await catalogueAsOf(db, res.text, res.fetchedAt) : null;
    // app-rankings bodies do not say which category they were asked for: the request does.
    const category = step.kind === "app-rankings" ? (step.query?.category ?? null) : null;
    const summary = await ingestText(db, res.text, { asOf, receivedAt: res.fetchedAt, category });
    if (summary.duplicate) {
      log(`  skipped: already stored as snapshot #${summary.snapshotId} (as of ${summary.asOf})`);
      return { ...base, status: "duplicate", summary };
    }
    log(`  stored: ${describeSummary(summary)}`);
    return { ...base, status: "stored", summary };
  } catch (e) {
    if (!(e instanceof IngestError) || e.status === 503) throw e;
    const message = `schema drift in GET ${res.what}: the response does not have the shape of ${step.format} and was stored nowhere: ${e.message}`;
    log(`  FAILED: ${message}`);
    for (const line of groupDetails(e.details)) log(`    ${line}`);
    return { ...base, status: "failed", error: message, details: e.details };
  }
}

/**
 * Drift repeats on every row: "data[0].total_tokens … data[49].total_tokens: is required" is one change.
 * Groups details by path with indices replaced by [*] and message; at most 10 lines.
 */
export function groupDetails(details: IssueDetail[]): string[] {
  const groups = new Map<string, { first: string; n: number }>();
  for (const d of details) {
    const key = `${d.path.replace(/\[\d+\]/g, "[*]")}: ${d.message}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { first: d.path, n: 1 });
  }
  const lines = [...groups.entries()].map(([key, g]) => (g.n > 1 ? `${key} (${g.n} rows, first ${g.first})` : key.replace(/^[^:]*/, g.first)));
  return lines.length > 10 ? [...lines.slice(0, 10), `… and ${lines.length - 10} more`] : lines;
}

function query(step: Step): string {
  const q = new URLSearchParams(step.query).toString();
  return q ? `?${q}` : "";
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
