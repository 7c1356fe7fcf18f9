/**
 * Which requests a run makes, decided from what is already stored. Pure: no I/O.
 *
 * 1. the models catalogue (GET /models), once;
 * 2. rankings-daily from the earliest day not yet stored (or stored from a fetch made before the day had
 *    settled) to the newest settled day, oldest window first, at most `windowDays` per request — oldest first
 *    so that a run stopped half-way (budget, error) resumes exactly where it stopped;
 * 3. app-rankings, once per category.
 */
import type { FormatId } from "@/lib/ingest/types";
import { addDays, utcDay } from "./clock";

/** The Data API's first day. */
export const DATA_API_FIRST_DAY = "2025-01-01";
export const DEFAULT_CATEGORIES = ["coding", "productivity", "creative", "entertainment"];

export interface Step {
  kind: "models" | "rankings-daily" | "app-rankings";
  path: string;
  query: Record<string, string>;
  /** The format the response must be; anything else is schema drift. */
  format: FormatId;
  /** Short name for the log, e.g. "rankings-daily 2025-01-01..2025-03-31". */
  label: string;
}

export interface RankingsCoverage {
  /** Newest day stored from rankings-daily; null when none. */
  lastDay: string | null;
  /** Oldest of the recent days whose stored figures were all fetched before the day had settled; null when none. */
  firstUnsettled: string | null;
}

export interface PlanInput {
  now: number;
  coverage: RankingsCoverage;
  /** First day to backfill from (default 2025-01-01, the Data API's first day). */
  from: string;
  windowDays: number;
  /** A day's figures are final this many hours after the day ends (UTC). */
  settleHours: number;
  categories: string[];
}

/** Newest day whose figures have settled at `now`: the day ended at least `settleHours` ago. */
export function newestSettledDay(now: number, settleHours: number): string {
  return addDays(utcDay(now - settleHours * 3_600_000), -1);
}

/** First day to request: the day after the newest stored one, or an unsettled day before it; never before `from`. */
export function rankingsStart(coverage: RankingsCoverage, from: string): string {
  let start = coverage.lastDay ? addDays(coverage.lastDay, 1) : from;
  if (coverage.firstUnsettled && coverage.firstUnsettled < start) start = coverage.firstUnsettled;
  return start < from ? from : start;
}

/** Consecutive windows of at most `windowDays` covering start..end inclusive (none when start > end). */
export function windows(start: string, end: string, windowDays: number): Array<{ start: string; end: string }> {
  if (!(windowDays >= 1)) throw new Error("windowDays must be at least 1");
  const out: Array<{ start: string; end: string }> = [];
  for (let s = start; s <= end; s = addDays(s, windowDays)) {
    const e = addDays(s, windowDays - 1);
    out.push({ start: s, end: e < end ? e : end });
  }
  return out;
}

export function planRequests(input: PlanInput): Step[] {
  const steps: Step[] = [{ kind: "models", path: "/models", query: {}, format: "openrouter-models", label: "models catalogue" }];
  const end = newestSettledDay(input.now, input.settleHours);
  for (const w of windows(rankingsStart(input.coverage, input.from), end, input.windowDays)) {
    steps.push({
      kind: "rankings-daily",
      path: "/datasets/rankings-daily",
      query: { start_date: w.start, end_date: w.end },
      format: "openrouter-rankings-daily",
      label: `rankings-daily ${w.start}..${w.end}`,
    });
  }
  for (const category of input.categories) {
    steps.push({
      kind: "app-rankings",
      path: "/datasets/app-rankings",
      query: category === "all" ? {} : { category },
      format: "openrouter-app-rankings",
      label: `app-rankings ${category}`,
    });
  }
  return steps;
}

/** One line for the log: what this run will request. */
export function describePlan(steps: Step[]): string {
  const rankings = steps.filter((s) => s.kind === "rankings-daily");
  const apps = steps.filter((s) => s.kind === "app-rankings");
  const parts = [
    steps.some((s) => s.kind === "models") ? "models catalogue" : "",
    rankings.length
      ? `rankings-daily ${rankings[0].query.start_date}..${rankings[rankings.length - 1].query.end_date} in ${rankings.length} window${rankings.length > 1 ? "s" : ""}`
      : "rankings-daily up to date",
    apps.length ? `app-rankings × ${apps.length} (${apps.map((a) => a.label.replace("app-rankings ", "")).join(", ")})` : "",
  ].filter(Boolean);
  return `${parts.join("; ")} = ${steps.length} request${steps.length === 1 ? "" : "s"}`;
}
